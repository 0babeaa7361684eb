// Starts the map: language, Leaflet, layers, panels; window.ecozone.ready tells tests (and people) when it is usable.
(function () {
  'use strict';
  const ez = window.ecozone;
  const tabListeners = {};
  ez.ready = false;

  ez.onTab = function (name, fn) { (tabListeners[name] = tabListeners[name] || []).push(fn); };

  ez.showTab = function (name) {
    document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
    document.querySelectorAll('.tab').forEach(s => s.classList.toggle('active', s.id === 'tab-' + name));
    (tabListeners[name] || []).forEach(fn => fn());
  };

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
