// "Which zones is this point in?": a click anywhere asks /analysis/identify and lists the zones in a panel, the
// control unit's 管控要求 (准入清单 by dimension) first. The same panel shows a unit's list found by search.
(function () {
  'use strict';
  const ez = window.ecozone;
  let marker = null;
  let last = null;   // {lon, lat, zones | error | loading, unit: {code, data | error | loading, highlight}} or {unit} alone

  function isUnitLayer(collection) {
    const l = ez.layers[collection];
    return !!(l && l.def.kind === 'control_unit');
  }

  function unitCode(z) {
    const l = ez.layers[z.collection];
    const p = z.properties || {};
    return String(l && l.def.idProperty && p[l.def.idProperty] != null ? p[l.def.idProperty] : z.featureId);
  }

  async function loadUnit(state, code, highlight) {
    state.unit = { code: code, loading: true, highlight: highlight };
    if (last === state) render();
    try {
      state.unit.data = await ez.unitAccessList(code);
    } catch (e) {
      state.unit.error = e;
    }
    state.unit.loading = false;
    if (last === state) render();
    return state.unit;
  }

  ez.identifyAt = async function (lon, lat) {
    if (marker) marker.remove();
    marker = L.circleMarker([lat, lon], { radius: 5, color: '#000', weight: 2, fillColor: '#fff', fillOpacity: 1, pane: 'markerPane' }).addTo(ez.map);
    const state = { lon: lon, lat: lat, loading: true };
    last = state;
    render();
    try {
      const r = await ez.getJson('/analysis/identify?' + ez.query({ lon: lon.toFixed(6), lat: lat.toFixed(6) }));
      state.zones = r.zones || [];
    } catch (e) {
      state.error = e;
    }
    state.loading = false;
    ez.lastIdentify = state;
    const unit = (state.zones || []).find(z => isUnitLayer(z.collection));
    if (unit) await loadUnit(state, unitCode(unit));
    else if (last === state) render();
    return state;
  };

  /** Shows a unit's 管控要求 in the panel (from a popup or a search hit); highlight marks one requirement. */
  ez.showUnitList = function (code, highlight) {
    if (marker) { marker.remove(); marker = null; }
    last = { unitOnly: true };
    return loadUnit(last, code, highlight);
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
    return c ? ez.pick(c.label) : ez.term(v);
  }

  function unitSection(u) {
    if (!u) return null;
    if (u.loading) return ez.el('p', { class: 'unit-list-loading' }, ez.t('unitList') + ez.t('labelSep') + ez.t('loading'));
    if (u.error) return ez.el('div', null, ez.el('h3', null, ez.t('unitListFailed')), ez.errorBox(u.error));
    return ez.renderUnitList(u.data, u.highlight);
  }

  function render() {
    const panel = document.getElementById('identify');
    const body = ez.clear(document.getElementById('identify-body'));
    if (!last) { panel.hidden = true; return; }
    panel.hidden = false;
    if (last.unitOnly) {
      body.appendChild(ez.el('h2', null, ez.t('unitList')));
      body.appendChild(unitSection(last.unit));
      scrollToHighlight(body);
      return;
    }
    body.appendChild(ez.el('h2', null, ez.t('identifyTitle')));
    body.appendChild(ez.el('p', { class: 'hint' }, ez.t('identifyAt', { lon: last.lon.toFixed(5), lat: last.lat.toFixed(5) })));
    if (last.loading) { body.appendChild(ez.el('p', null, ez.t('loading'))); return; }
    if (last.error) { body.appendChild(ez.errorBox(last.error)); return; }
    if (!last.zones.length) { body.appendChild(ez.el('p', { class: 'none' }, ez.t('identifyNone'))); return; }
    // the unit's requirements first, as the 分区管控 platforms show them; then every zone at the point
    const unit = unitSection(last.unit);
    if (unit) body.appendChild(unit);
    body.appendChild(ez.el('h3', null, ez.t('hits')));
    body.appendChild(ez.el('ul', { class: 'zones' }, last.zones.map(z => {
      const cls = zoneClass(z);
      return ez.el('li', { class: 'zone', 'data-collection': z.collection, 'data-feature': z.featureId },
        ez.el('span', { class: 'zone-layer' }, zoneTitle(z)),
        ez.el('a', { href: '#', onclick: e => { e.preventDefault(); ez.zoomToFeature(z.collection, z.featureId); } }, z.name || z.featureId),
        cls ? ez.el('span', { class: 'zone-class' }, cls) : null);
    })));
  }

  function scrollToHighlight(body) {
    const h = body.querySelector('.requirement.highlight');
    if (h && h.scrollIntoView) h.scrollIntoView({ block: 'nearest' });
  }

  /** Closes the panel and removes its marker. */
  ez.closeIdentify = function () {
    last = null;
    if (marker) { marker.remove(); marker = null; }
    render();
  };

  ez.initIdentify = function () {
    // 'preclick' also fires when the click lands on a feature, whose popup stops the 'click' from reaching the map.
    // On a phone a tap opens one thing: a point's popup (a monitoring station) or else the panel, never both.
    let tap = null;
    ez.map.on('preclick', e => {
      // drawing a site, or editing its vertices: a click places or picks a vertex, it does not ask "which zones"
      if (ez.drawing || ez.siteEditing) return;
      if (!(ez.isPhone && ez.isPhone())) { ez.identifyAt(e.latlng.lng, e.latlng.lat); return; }
      const mine = tap = { latlng: e.latlng, popup: null };
      setTimeout(() => {
        if (tap !== mine) return;
        tap = null;
        const source = mine.popup && mine.popup._source;
        if (source && source instanceof L.CircleMarker) return;   // a point: its popup is the answer
        if (mine.popup) ez.map.closePopup(mine.popup);
        ez.identifyAt(mine.latlng.lng, mine.latlng.lat);
      }, 0);
    });
    ez.map.on('popupopen', e => { if (tap) tap.popup = e.popup; });
    document.getElementById('identify-close').addEventListener('click', ez.closeIdentify);
    ez.onLanguage(render);
  };
})();
