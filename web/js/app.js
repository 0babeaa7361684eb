// Starts the map: language, Leaflet, layers, panels; window.ecozone.ready tells tests (and people) when it is usable.
(function () {
  'use strict';
  const ez = window.ecozone;
  const tabListeners = {};
  ez.ready = false;

  ez.onTab = function (name, fn) { (tabListeners[name] = tabListeners[name] || []).push(fn); };

  ez.showTab = function (name, focus) {
    document.querySelectorAll('#tabs button').forEach(b => {
      const on = b.dataset.tab === name;
      b.classList.toggle('active', on);
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    });
    document.querySelectorAll('.tab').forEach(s => s.classList.toggle('active', s.id === 'tab-' + name));
    // on a phone the identify panel shares the sheet with the tabs: another tab is another subject
    if (ez.isPhone && ez.isPhone() && ez.closeIdentify) ez.closeIdentify();
    (tabListeners[name] || []).forEach(fn => fn());
  };

  /** WAI-ARIA tabs: arrow keys move between the tabs (and show them), Home and End go to the first and last. */
  function tabKeys(e) {
    const tabs = Array.from(document.querySelectorAll('#tabs [role=tab]'));
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let j = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    if (j == null) return;
    e.preventDefault();
    ez.showTab(tabs[j].dataset.tab, true);
  }

  /** The file input is hidden behind its Chinese/English label; the chosen file's name is shown in the page's language. */
  function fileName() {
    const input = document.getElementById('site-file');
    const name = document.getElementById('site-file-name');
    const show = () => {
      const f = input.files && input.files[0];
      if (f) { name.removeAttribute('data-i18n'); name.textContent = f.name; } else { name.dataset.i18n = 'noFileChosen'; name.textContent = ez.t('noFileChosen'); }
    };
    input.addEventListener('change', show);
    document.getElementById('clear-site').addEventListener('click', () => setTimeout(show, 0));
    show();
  }

  /** Popup attribute values that are vocabulary (优先保护, 劣Ⅴ, 已修复 …) in English when English is on. */
  function translatePopups() {
    const original = ez.popupContent;
    if (!original || original.translated) return;
    ez.popupContent = function (l, f) {
      const e = original.apply(this, arguments);
      if (ez.lang === 'en') {
        e.querySelectorAll('table.attrs td').forEach(td => { td.textContent = ez.term(td.textContent); });
        e.querySelectorAll('.chart-legend span').forEach(s => { const t = s.lastChild; if (t && t.nodeType === 3) t.textContent = ez.term(t.textContent); });
      }
      return e;
    };
    ez.popupContent.translated = true;
  }

  /** Lets the user draw one polygon with leaflet-draw, then hands its GeoJSON geometry (lon/lat) to done. */
  ez.drawPolygon = function (done) {
    if (ez.drawer) ez.drawer.disable();
    ez.drawing = true;
    ez.drawer = new L.Draw.Polygon(ez.map, { showArea: false, shapeOptions: { color: '#d400d4', weight: 2 } });
    ez.drawer.enable();
    ez.map.once(L.Draw.Event.CREATED, e => {
      ez.drawer = null;
      setTimeout(() => { ez.drawing = false; }, 0);  // the closing click must not also ask "which zones"
      done(e.layer.toGeoJSON().geometry);
    });
    ez.map.once(L.Draw.Event.DRAWSTOP, () => setTimeout(() => { ez.drawing = false; }, 0));
  };

  function drawLabels() {
    // leaflet-draw's tooltips in the page's language
    if (!L.drawLocal) return;
    const zh = ez.lang !== 'en';
    L.drawLocal.draw.handlers.polygon.tooltip = zh
      ? { start: '单击开始绘制地块', cont: '单击继续绘制', end: '单击第一个点结束' }
      : { start: 'Click to start drawing the shape', cont: 'Click to continue drawing the shape', end: 'Click the first point to close this shape' };
  }

  async function start() {
    ez.initLanguage();
    drawLabels();
    ez.onLanguage(drawLabels);
    ez.map = L.map('map', { center: [40.1, 113.2], zoom: 9, zoomControl: true, preferCanvas: false });
    ez.map.attributionControl.setPrefix(false);
    const attribution = () => ez.esc(ez.t('illustrative'));
    let current = attribution();
    ez.map.attributionControl.addAttribution(current);
    ez.onLanguage(() => { ez.map.attributionControl.removeAttribution(current); current = attribution(); ez.map.attributionControl.addAttribution(current); });
    L.control.scale({ imperial: false }).addTo(ez.map);
    document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => ez.showTab(b.dataset.tab)));
    document.getElementById('tabs').addEventListener('keydown', tabKeys);
    translatePopups();
    fileName();
    ez.initPhone();
    ez.initBasemaps();
    ez.setBasemap('none');
    try {
      const catalog = await ez.initLayers();
      ez.initNotice(catalog);
      const bounds = ez.catalogBounds();
      // not animated: the map is usable (and `ready`) only once the view has settled
      if (bounds) ez.map.fitBounds(bounds, { padding: [10, 10], animate: false });
      ez.initAccessList();
      ez.initIdentify();
      ez.initTiles();
      ez.initContext();
      ez.initSearch();
      ez.initPlanner(catalog);
      ez.initForester(catalog);
      ez.initBatch(catalog);
      ez.ready = true;
      document.body.classList.add('ready');
    } catch (e) {
      document.getElementById('layer-status').replaceWith(ez.errorBox(e));
      console.error('map failed to start: ' + (e.detail || e.message));
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
