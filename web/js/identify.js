// "Which zones is this point in?": a click anywhere asks /analysis/identify and lists the zones in a panel, the
// control unit's 管控要求 (准入清单 by dimension) first. The same panel shows a unit's list found by search.
import { theme } from './theme.js';
import { app } from './state.js';
import * as AccessList from './accesslist.js';
import * as Api from './api.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as Layers from './layers.js';
import * as Phone from './phone.js';

let marker = null;
let last = null;   // {lon, lat, zones | error | loading, unit: {code, data | error | loading, highlight}} or {unit} alone

function isUnitLayer(collection) {
  const l = app.layers[collection];
  return !!(l && l.def.kind === 'control_unit');
}

function unitCode(z) {
  const l = app.layers[z.collection];
  const p = z.properties || {};
  return String(l && l.def.idProperty && p[l.def.idProperty] != null ? p[l.def.idProperty] : z.featureId);
}

async function loadUnit(state, code, highlight) {
  state.unit = { code: code, loading: true, highlight: highlight };
  if (last === state) render();
  try {
    state.unit.data = await AccessList.unitAccessList(code);
  } catch (e) {
    state.unit.error = e;
  }
  state.unit.loading = false;
  if (last === state) render();
  return state.unit;
}

const afterIdentify = [];

/** Adds a step run after every identify (the tile layers' popup of the feature clicked); steps' failures are logged. */
export function onIdentified(fn) { afterIdentify.push(fn); }

export async function identifyAt(lon, lat) {
  if (marker) marker.remove();
  marker = L.circleMarker([lat, lon], { radius: 5, color: theme.identifyMarker, weight: 2, fillColor: theme.identifyFill, fillOpacity: 1, pane: 'markerPane' }).addTo(app.map);
  const state = { lon: lon, lat: lat, loading: true };
  last = state;
  render();
  try {
    const r = await Api.getJson('/analysis/identify?' + Api.query({ lon: lon.toFixed(6), lat: lat.toFixed(6) }));
    state.zones = r.zones || [];
  } catch (e) {
    state.error = e;
  }
  state.loading = false;
  app.lastIdentify = state;
  const unit = (state.zones || []).find(z => isUnitLayer(z.collection));
  if (unit) await loadUnit(state, unitCode(unit));
  else if (last === state) render();
  for (const fn of afterIdentify) {
    try { await fn(state); } catch (e) { console.warn('after identify: ' + (e.detail || e.message)); }
  }
  return state;
}

/** Shows a unit's 管控要求 in the panel (from a popup or a search hit); highlight marks one requirement. */
export function showUnitList(code, highlight) {
  if (marker) { marker.remove(); marker = null; }
  last = { unitOnly: true };
  return loadUnit(last, code, highlight);
}

function zoneTitle(z) {
  const l = app.layers[z.collection];
  return l ? I18n.pick(l.def.title) : (z.collectionTitle || z.collection);
}

/** One line of the zone's class (unit type, water-source level …) from the layer's style property. */
function zoneClass(z) {
  const l = app.layers[z.collection];
  if (!l || !l.style || !l.style.property || !z.properties) return null;
  const v = z.properties[l.style.property];
  if (v == null) return null;
  const c = (l.style.classes || []).find(k => String(k.value) === String(v));
  return c ? I18n.pick(c.label) : I18n.term(v);
}

function unitSection(u) {
  if (!u) return null;
  if (u.loading) return Dom.el('p', { class: 'unit-list-loading' }, I18n.t('unitList') + I18n.t('labelSep') + I18n.t('loading'));
  if (u.error) return Dom.el('div', null, Dom.el('h3', null, I18n.t('unitListFailed')), Dom.errorBox(u.error));
  return AccessList.renderUnitList(u.data, u.highlight);
}

function render() {
  const panel = document.getElementById('identify');
  const body = Dom.clear(document.getElementById('identify-body'));
  if (!last) { panel.hidden = true; return; }
  panel.hidden = false;
  if (last.unitOnly) {
    body.appendChild(Dom.el('h2', null, I18n.t('unitList')));
    body.appendChild(unitSection(last.unit));
    scrollToHighlight(body);
    return;
  }
  body.appendChild(Dom.el('h2', null, I18n.t('identifyTitle')));
  body.appendChild(Dom.el('p', { class: 'hint' }, I18n.t('identifyAt', { lon: last.lon.toFixed(5), lat: last.lat.toFixed(5) })));
  if (last.loading) { body.appendChild(Dom.el('p', null, I18n.t('loading'))); return; }
  if (last.error) { body.appendChild(Dom.errorBox(last.error)); return; }
  if (!last.zones.length) { body.appendChild(Dom.el('p', { class: 'none' }, I18n.t('identifyNone'))); return; }
  // the unit's requirements first, as the 分区管控 platforms show them; then every zone at the point
  const unit = unitSection(last.unit);
  if (unit) body.appendChild(unit);
  body.appendChild(Dom.el('h3', null, I18n.t('hits')));
  body.appendChild(Dom.el('ul', { class: 'zones' }, last.zones.map(z => {
    const cls = zoneClass(z);
    return Dom.el('li', { class: 'zone', 'data-collection': z.collection, 'data-feature': z.featureId },
      Dom.el('span', { class: 'zone-layer' }, zoneTitle(z)),
      Dom.el('a', { href: '#', onclick: e => { e.preventDefault(); Layers.zoomToFeature(z.collection, z.featureId); } }, z.name || z.featureId),
      cls ? Dom.el('span', { class: 'zone-class' }, cls) : null);
  })));
}

function scrollToHighlight(body) {
  const h = body.querySelector('.requirement.highlight');
  if (h && h.scrollIntoView) h.scrollIntoView({ block: 'nearest' });
}

/** Closes the panel and removes its marker. */
export function closeIdentify() {
  last = null;
  if (marker) { marker.remove(); marker = null; }
  render();
}

export function initIdentify() {
  // 'preclick' also fires when the click lands on a feature, whose popup stops the 'click' from reaching the map.
  // On a phone a tap opens one thing: a point's popup (a monitoring station) or else the panel, never both.
  let tap = null;
  app.map.on('preclick', e => {
    // drawing a site, or editing its vertices: a click places or picks a vertex, it does not ask "which zones"
    if (app.drawing || app.siteEditing) return;
    if (!(Phone.isPhone && Phone.isPhone())) { identifyAt(e.latlng.lng, e.latlng.lat); return; }
    const mine = tap = { latlng: e.latlng, popup: null };
    setTimeout(() => {
      if (tap !== mine) return;
      tap = null;
      const source = mine.popup && mine.popup._source;
      if (source && source instanceof L.CircleMarker) return;   // a point: its popup is the answer
      if (mine.popup) app.map.closePopup(mine.popup);
      identifyAt(mine.latlng.lng, mine.latlng.lat);
    }, 0);
  });
  app.map.on('popupopen', e => { if (tap) tap.popup = e.popup; });
  document.getElementById('identify-close').addEventListener('click', closeIdentify);
  I18n.onLanguage(render);
}
