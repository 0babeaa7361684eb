// Base maps: none (default; works offline, the district layer is the background), OpenStreetMap, or 天地图 with a key.
(function () {
  'use strict';
  const ez = window.ecozone;
  let current = [];

  function tianditu(layer, key) {
    return L.tileLayer('https://t{s}.tianditu.gov.cn/' + layer + '_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=' + layer +
      '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=' + encodeURIComponent(key),
    { subdomains: '01234567', maxZoom: 18, attribution: '&copy; 天地图 Tianditu' });
  }

  function key() {
    const cfg = window.ECOZONE_CONFIG || {};
    let k = cfg.tiandituKey;
    try { k = localStorage.getItem('ecozone.tiandituKey') || k; } catch (e) { /* no storage */ }
    return k || '';
  }

  ez.setBasemap = function (name) {
    current.forEach(l => ez.map.removeLayer(l));
    current = [];
    document.getElementById('tianditu-key-box').hidden = name !== 'tianditu';
    if (name === 'osm') {
      current = [L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        { maxZoom: 19, attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' })];
    } else if (name === 'tianditu' && key()) {
      current = [tianditu('vec', key()), tianditu('cva', key())];
    }
    current.forEach(l => l.addTo(ez.map));
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
  };
})();
