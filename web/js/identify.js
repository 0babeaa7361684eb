// "Which zones is this point in?": a click anywhere asks /analysis/identify and lists the zones in a panel.
(function () {
  'use strict';
  const ez = window.ecozone;
  let marker = null;
  let last = null;   // {lon, lat, zones} or {lon, lat, error}

  ez.identifyAt = async function (lon, lat) {
    if (marker) marker.remove();
    marker = L.circleMarker([lat, lon], { radius: 5, color: '#000', weight: 2, fillColor: '#fff', fillOpacity: 1, pane: 'markerPane' }).addTo(ez.map);
    last = { lon: lon, lat: lat, loading: true };
    render();
    try {
      const r = await ez.getJson('/analysis/identify?' + ez.query({ lon: lon.toFixed(6), lat: lat.toFixed(6) }));
      last = { lon: lon, lat: lat, zones: r.zones || [] };
    } catch (e) {
      last = { lon: lon, lat: lat, error: e };
    }
    ez.lastIdentify = last;
    render();
    return last;
  };

  function zoneTitle(z) {
    const l = ez.layers[z.collection];
    return l ? ez.pick(l.def.title) : (z.collectionTitle || z.collection);
  }

  /** One line of the zone's class (unit type, water-source level …) from the layer's style property. */
  function zoneClass(z) {
    const l = ez.layers[z.collection];
    if (!l || !l.style || !l.style.property || !z.properties) return null;
    const v = z.properties[l.style.property];
    if (v == null) return null;
    const c = (l.style.classes || []).find(k => String(k.value) === String(v));
    return c ? ez.pick(c.label) : String(v);
  }

  function render() {
    const panel = document.getElementById('identify');
    const body = ez.clear(document.getElementById('identify-body'));
    if (!last) { panel.hidden = true; return; }
    panel.hidden = false;
    body.appendChild(ez.el('h2', null, ez.t('identifyTitle')));
    body.appendChild(ez.el('p', { class: 'hint' }, ez.t('identifyAt', { lon: last.lon.toFixed(5), lat: last.lat.toFixed(5) })));
    if (last.loading) { body.appendChild(ez.el('p', null, ez.t('loading'))); return; }
    if (last.error) { body.appendChild(ez.errorBox(last.error)); return; }
    if (!last.zones.length) { body.appendChild(ez.el('p', { class: 'none' }, ez.t('identifyNone'))); return; }
    body.appendChild(ez.el('ul', { class: 'zones' }, last.zones.map(z => {
      const cls = zoneClass(z);
      return ez.el('li', { class: 'zone', 'data-collection': z.collection, 'data-feature': z.featureId },
        ez.el('span', { class: 'zone-layer' }, zoneTitle(z)),
        ez.el('a', { href: '#', onclick: e => { e.preventDefault(); ez.zoomToFeature(z.collection, z.featureId); } }, z.name || z.featureId),
        cls ? ez.el('span', { class: 'zone-class' }, cls) : null);
    })));
  }

  ez.initIdentify = function () {
    // 'preclick' also fires when the click lands on a feature, whose popup stops the 'click' from reaching the map
    ez.map.on('preclick', e => {
      if (ez.drawing) return;
      ez.identifyAt(e.latlng.lng, e.latlng.lat);
    });
    document.getElementById('identify-close').addEventListener('click', () => {
      last = null;
      if (marker) marker.remove();
      render();
    });
    ez.onLanguage(render);
  };
})();
