// Base maps: none (default; works offline, the district layer and labels are the background), OpenStreetMap, or 天地图
// with a key. A base map whose tiles fail to load (offline, blocked, wrong key) says so in a notice; the map keeps working.
(function () {
  'use strict';
  const ez = window.ecozone;
  let current = [];
  let currentName = 'none';
  let notice = null;

  /** Tile URL templates (tests point them elsewhere). */
  ez.basemapUrls = {
    osm: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    tianditu: 'https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}' +
      '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}'
  };

  function tianditu(layer, key) {
    return L.tileLayer(ez.basemapUrls.tianditu, { layer: layer, tk: encodeURIComponent(key),
      subdomains: '01234567', maxZoom: 18, attribution: '&copy; 天地图 Tianditu' });
  }

  function key() {
    const cfg = window.ECOZONE_CONFIG || {};
    let k = cfg.tiandituKey;
    try { k = localStorage.getItem('ecozone.tiandituKey') || k; } catch (e) { /* no storage */ }
    return k || '';
  }

  function title(name) {
    return ez.t(name === 'osm' ? 'basemapOsm' : 'basemapTianditu');
  }

  /** The failure notice over the map (one at a time), in the page's language. */
  function showFailure(name) {
    if (notice && notice.name === name) return;
    hideFailure();
    const box = ez.el('div', { class: 'ctx-basemap-notice', role: 'alert', 'data-basemap': name });
    const render = () => {
      ez.clear(box);
      box.appendChild(ez.el('span', { class: 'ctx-basemap-notice-text' }, ez.t('basemapFailed', { name: title(name) })));
      box.appendChild(ez.el('button', { type: 'button', class: 'ctx-basemap-none', onclick: () => {
        document.getElementById('basemap').value = 'none';
        ez.setBasemap('none');
      } }, ez.t('useNoBasemap')));
      box.appendChild(ez.el('button', { type: 'button', class: 'ctx-basemap-close', 'aria-label': ez.t('close'), onclick: hideFailure }, '×'));
    };
    render();
    L.DomEvent.disableClickPropagation(box);
    ez.map.getContainer().appendChild(box);
    notice = { name: name, box: box, render: render };
  }

  function hideFailure() {
    if (notice) notice.box.remove();
    notice = null;
  }
  ez.basemapNotice = () => notice ? notice.box : null;

  ez.setBasemap = function (name) {
    current.forEach(l => ez.map.removeLayer(l));
    current = [];
    currentName = name;
    hideFailure();
    document.getElementById('tianditu-key-box').hidden = name !== 'tianditu';
    if (name === 'osm') {
      current = [L.tileLayer(ez.basemapUrls.osm,
        { maxZoom: 19, attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' })];
    } else if (name === 'tianditu' && key()) {
      current = [tianditu('vec', key()), tianditu('cva', key())];
    }
    current.forEach(l => {
      l.on('tileerror', () => { if (currentName === name && current.includes(l)) showFailure(name); });
      l.addTo(ez.map);
    });
  };

  ez.initBasemaps = function () {
    const select = document.getElementById('basemap');
    const input = document.getElementById('tianditu-key');
    input.value = key();
    select.value = 'none';
    select.addEventListener('change', () => ez.setBasemap(select.value));
    document.getElementById('tianditu-apply').addEventListener('click', () => {
      try { localStorage.setItem('ecozone.tiandituKey', input.value.trim()); } catch (e) { /* keep for this page only */ }
      ez.setBasemap('tianditu');
    });
    ez.onLanguage(() => { if (notice) notice.render(); });
  };
})();
