// Catalog layers on the map: drawn with styles/*.json — small layers whole as GeoJSON, large ones from the vector tiles
// (tiles.js) — with legend, layer switcher and popups.
import { theme } from './theme.js';
import { app } from './state.js';
import { observed } from './observed.js';
import * as Api from './api.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as QualityChart from './quality-chart.js';
import * as Tiles from './tiles.js';

/**
 * Layers with more features than this are drawn from the server's vector tiles (3,000 control units of ~200 vertices
 * sent whole take ~17 s to draw as SVG; from tiles well under 2 s); ?whole=N lowers it to try.
 */
const TILE_THRESHOLD = Math.min(2000, parseInt(new URLSearchParams(location.search).get('whole'), 10) || 2000);
const PAGE = 10000;

observed.layerCounts = {};
app.layers = {};          // id -> {def, style, group, visible, byId: Map, mode}

/** Leaflet path options for a feature: the style's default, overridden by the class its property value falls in. */
export function styleFor(style, props) {
  const base = Object.assign({ color: theme.fallbackStroke, weight: 1, fillOpacity: 0.3 }, style && style['default']);
  const cls = classOf(style, props);
  return Object.assign(base, cls ? cls.style : null);
}

function classOf(style, props) {
  if (!style || !style.property || !Array.isArray(style.classes) || !props) return null;
  const v = props[style.property];
  if (v == null) return null;
  return style.classes.find(c => Array.isArray(c.value) ? c.value.map(String).includes(String(v)) : String(c.value) === String(v)) || null;
}

function featureName(l, f) {
  const p = f.properties || {};
  return p[l.def.nameProperty] != null ? String(p[l.def.nameProperty]) : String(f.id != null ? f.id : '');
}
export { featureName };

function attrTitle(l, name) {
  const a = l.def.attributes.find(x => x.name === name);
  return a ? I18n.pick(a.title) : name;
}

/** The popup of a feature: its name, layer, every attribute under its catalog title, yearly quality as a chart. */
const popupSteps = [];

/**
 * Adds a step to every feature popup: fn(content, layer, feature) answers the content, changed or not (the access list's
 * button, the measured area, English values). Steps run in the order added.
 */
export function decoratePopups(fn) { popupSteps.push(fn); }

/** A feature's popup: the attributes (basePopup), then every step added with decoratePopups. */
export function popupContent(l, f) {
  return popupSteps.reduce((content, step) => step(content, l, f), basePopup(l, f));
}

function basePopup(l, f) {
  const p = f.properties || {};
  const rows = [];
  let chart = null;
  const names = l.def.attributes.map(a => a.name).concat(Object.keys(p).filter(k => !l.def.attributes.some(a => a.name === k)));
  names.forEach(n => {
    const v = p[n];
    if (v == null || v === '') return;
    const a = l.def.attributes.find(x => x.name === n);
    if ((a && a.type === 'json') || typeof v === 'object') {
      const c = QualityChart.qualityChart(v);
      if (c && !chart) { chart = Dom.el('div', { class: 'chart' }, Dom.el('div', { class: 'chart-title' }, attrTitle(l, n)), c, legendOfClasses()); return; }
      rows.push([attrTitle(l, n), JSON.stringify(v)]);
    } else {
      rows.push([attrTitle(l, n), String(v)]);
    }
  });
  return Dom.el('div', { class: 'popup', dataset: { layer: l.def.id, feature: String(f.id) } },
    Dom.el('div', { class: 'popup-layer' }, I18n.pick(l.def.title)),
    Dom.el('h3', null, featureName(l, f)),
    Dom.el('table', { class: 'attrs' }, Dom.el('tbody', null, rows.map(r => Dom.el('tr', null, Dom.el('th', null, r[0]), Dom.el('td', null, r[1]))))),
    chart);
}

function legendOfClasses() {
  return Dom.el('div', { class: 'chart-legend' }, QualityChart.QUALITY_CLASSES.map((c, i) =>
    Dom.el('span', null, Dom.el('i', { style: 'background:' + QualityChart.QUALITY_COLOURS[i] }), c)));
}

function makeGroup(l) {
  // a tile layer's group holds only the features picked by search or a zone link, outlined over the tiles
  const picked = l.mode === 'tiles';
  const style = f => picked ? Object.assign(styleFor(l.style, f.properties), { weight: 3, color: theme.picked, fillOpacity: 0.1, dashArray: null })
    : styleFor(l.style, f.properties);
  return L.geoJSON(null, {
    pane: picked ? 'tile-selected' : 'pane-' + l.def.id,
    style: style,
    pointToLayer: (f, latlng) => L.circleMarker(latlng, Object.assign({ radius: 6 }, styleFor(l.style, f.properties), { pane: 'pane-' + l.def.id })),
    onEachFeature: (f, layer) => {
      layer.feature = f;
      l.byId.set(String(f.id), layer);
      layer.bindPopup(() => popupContent(l, f), { maxWidth: 360 });
    }
  });
}

function replaceFeatures(l, features) {
  l.group.clearLayers();
  l.byId = new Map();
  l.group.addData(features);
  observed.layerCounts[l.def.id] = features.length;
}

async function loadWhole(l) {
  let url = '/collections/' + encodeURIComponent(l.def.id) + '/items?' + Api.query({ limit: PAGE, f: 'json' });
  const features = [];
  while (url) {
    const page = await Api.getJson(url);
    (page.features || []).forEach(f => features.push(f));
    const next = (page.links || []).find(k => k.rel === 'next');
    url = next && (page.features || []).length ? next.href : null;
  }
  replaceFeatures(l, features);
}

/** Tile layers whose tiles failed to load are named under the legend (the map stays usable). */
function renderStatus() {
  const box = document.getElementById('layer-status');
  const notes = Object.values(app.layers).filter(l => l.mode === 'tiles' && l.visible && l.tiles && l.tiles.stats.failed)
    .map(l => I18n.t('tilesFailed', { layer: I18n.pick(l.def.title), n: l.tiles.stats.failed }));
  box.textContent = notes.join(' ');
  box.classList.toggle('tile-failed', notes.length > 0);
}

/** Loads the catalog and styles, draws every layer; resolves when all layers have their first features. */
export async function initLayers() {
  const [catalog, styles] = await Promise.all([Api.getJson('/map/catalog.json'), Api.getJson('/styles')]);
  app.catalog = catalog;
  app.map.createPane('tile-selected').style.zIndex = '590';
  const bounds = catalogBounds();
  // the whole extent first, so tile layers ask only for the tiles of the view they will be seen at
  if (bounds) app.map.fitBounds(bounds, { padding: [10, 10], animate: false });
  catalog.layers.forEach((def, i) => {
    const pane = app.map.createPane('pane-' + def.id);
    pane.style.zIndex = String(400 + i);
    const l = { def: def, style: styles[def.id] || null, visible: true, byId: new Map(),
      mode: def.featureCount > TILE_THRESHOLD ? 'tiles' : 'whole' };
    l.group = makeGroup(l).addTo(app.map);
    app.layers[def.id] = l;
    observed.layerCounts[def.id] = l.mode === 'tiles' ? def.featureCount : 0;
  });
  renderLegend();
  I18n.onLanguage(() => { renderLegend(); renderStatus(); });
  // the small layers' requests first: the browser's few connections are then not all taken by tiles
  const whole = Promise.all(Object.values(app.layers).filter(l => l.mode === 'whole').map(loadWhole));
  Object.values(app.layers).filter(l => l.mode === 'tiles').forEach(l => {
    l.tiles = Tiles.tileLayer(l).addTo(app.map);
    l.tiles.on('tileerror', renderStatus);
  });
  await whole;
  app.layersLoaded = true;
  Tiles.noteTilesSettled();
  return catalog;
}

/** Extent [w, s, e, n] of every layer together, from the catalog. */
export function catalogBounds() {
  const boxes = app.catalog.layers.filter(l => l.bbox).map(l => l.bbox);
  if (!boxes.length) return null;
  return L.latLngBounds([Math.min(...boxes.map(b => b[1])), Math.min(...boxes.map(b => b[0]))],
    [Math.max(...boxes.map(b => b[3])), Math.max(...boxes.map(b => b[2]))]);
}

function swatch(def, style) {
  const s = Object.assign({ color: theme.fallbackStroke, weight: 1, fillOpacity: 0.3 }, style);
  const fill = s.fill === false ? 'transparent' : translucent(s.fillColor || s.color, s.fillOpacity == null ? 0.3 : s.fillOpacity);
  const css = `border:${Math.max(1, Math.min(3, s.weight || 1))}px ${s.dashArray ? 'dashed' : 'solid'} ${s.color};background:${fill}`;
  return Dom.el('i', { class: 'swatch ' + (def.geometryType === 'point' ? 'point' : 'polygon'), style: css });
}

/** #rgb / #rrggbb with an opacity as rgba(); other CSS colours as they are. */
function translucent(colour, opacity) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(colour || ''));
  if (!m) return colour;
  const h = m[1].length === 3 ? m[1].split('').map(c => c + c).join('') : m[1];
  const rgb = [0, 2, 4].map(i => parseInt(h.substring(i, i + 2), 16));
  return `rgba(${rgb.join(',')},${Math.max(0.15, Math.min(1, opacity))})`;
}

/** The legend doubles as the layer switcher: one checkbox per layer, one row per style class. */
function renderLegend() {
  const box = Dom.clear(document.getElementById('legend'));
  box.appendChild(Dom.el('h2', null, I18n.t('legend')));
  Object.values(app.layers).forEach(l => {
    const check = Dom.el('input', { type: 'checkbox', checked: l.visible, 'data-layer': l.def.id,
      onchange: e => setVisible(l, e.target.checked) });
    const classes = l.style && Array.isArray(l.style.classes) ? l.style.classes : [];
    const baseStyle = styleFor(l.style, null);
    box.appendChild(Dom.el('div', { class: 'legend-layer', 'data-layer': l.def.id },
      Dom.el('label', { class: 'legend-title' }, check, classes.length ? null : swatch(l.def, baseStyle), I18n.pick(l.def.title)),
      classes.length ? Dom.el('ul', { class: 'legend-classes' }, classes.map(c =>
        Dom.el('li', { class: 'legend-class', 'data-value': Array.isArray(c.value) ? c.value.join(',') : String(c.value) },
          swatch(l.def, Object.assign({}, baseStyle, c.style)), I18n.pick(c.label) || String(c.value)))) : null));
  });
}

function setVisible(l, on) {
  l.visible = on;
  [l.group, l.tiles].filter(Boolean).forEach(g => { if (on) g.addTo(app.map); else app.map.removeLayer(g); });
  renderStatus();
}

/** Zooms to a feature (fetching it when the layer has not drawn it) and opens its popup. */
export async function zoomToFeature(layerId, featureId, feature) {
  const l = app.layers[layerId];
  if (!l) return;
  let layer = l.byId.get(String(featureId));
  if (l.mode === 'tiles') {
    // one picked feature at a time over the tiles
    l.group.clearLayers();
    l.byId.clear();
    layer = null;
  }
  if (!layer) {
    const f = feature && feature.geometry ? feature
      : await Api.getJson('/collections/' + encodeURIComponent(layerId) + '/items/' + encodeURIComponent(featureId) + '?f=json');
    l.group.addData(f);
    layer = l.byId.get(String(f.id));
    if (l.mode !== 'tiles') observed.layerCounts[layerId] = l.byId.size;
  }
  if (!l.visible) setVisible(l, true);
  // not animated, so the popup opens where the feature already is
  if (layer.getBounds) app.map.fitBounds(layer.getBounds(), { maxZoom: 15, padding: [20, 20], animate: false });
  else app.map.setView(layer.getLatLng(), Math.max(app.map.getZoom(), 14), { animate: false });
  layer.openPopup();
}
