// 选址研判: draw or upload a site, run /analysis/site-check, show the verdict, 逐维度研判, the industries banned here,
// hits and the clauses by dimension and level; highlight the hit zones; reports. The reports always re-send the exact
// request of the result on screen, and changing 行业 or 项目名称 re-runs the check (report buttons wait for it).
import { theme } from './theme.js';
import { app } from './state.js';
import { observed } from './observed.js';
import * as AccessList from './accesslist.js';
import * as Api from './api.js';
import * as App from './app.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as Layers from './layers.js';
import * as SiteEdit from './site-edit.js';

const DIMENSIONS = ['spatial', 'emission', 'risk', 'resource'];
const LEVELS = ['单元', '区县', '市', '省', '国家'];
const RERUN_AFTER_TYPING_MS = 700;
/** Longest permalink hash: longer URLs are cut by chat apps and some browsers; beyond it the planner says so. */
const PERMALINK_MAX = 2000;
const PRECISION = 1e6;  // 1e-6° ≈ 0.1 m: finer than any drawn vertex
let request = null;   // {body, type, geojson, uploaded, query: {industry, name}} of the result on screen
let result = null;
let error = null;
let busy = false;
let stale = false;    // the form changed since the result: a new check is due
let seq = 0;
let nameAuto = true;  // the project name is empty or was filled from the plot, not typed
let siteLayer = null;
let hitLayer = null;
let shapeNote = null;
let editor = null;    // the vertex editor (site-edit.js)
let siteEdited = false; // the editor's site differs from the site of the result on screen: 重新研判 is due

function contentTypeOf(file) {
  const n = (file.name || '').toLowerCase();
  if (n.endsWith('.geojson') || n.endsWith('.json')) return 'application/json';
  return 'text/plain';
}

function form() {
  return { industry: document.getElementById('industry').value, name: document.getElementById('project-name').value.trim() };
}

function params(q, f) {
  return Api.query({ industry: q.industry, name: q.name, f: f });
}

/** The URL a report button sends (with the request's body): the query of the result on screen. */
export function reportUrl(f) {
  return request && result ? '/analysis/site-check?' + params(request.query, f) : null;
}

/** Runs the check; body is a string or bytes (国土 TXT files are often GBK: sent as they are, the server decodes). */
export async function siteCheck(body, type, geojson, uploaded, options) {
  const fromEditor = !!(options && options.fromEditor);
  const mine = ++seq;
  const q = form();
  request = { body: body, type: type, geojson: geojson, uploaded: !!uploaded, query: q };
  result = null;
  error = null;
  stale = false;
  busy = true;
  siteEdited = false;
  clearMap();
  // a new site (drawn, uploaded, from a link or a batch row) starts without edits; a re-check of an edited site keeps them
  if (editor && !fromEditor) editor.reset(null);
  showSite(geojson);
  toolNote = null;
  if (!fromLink && /[#&]site=/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
  fromLink = false;
  updateClear();
  renderResult(I18n.t('checking'));
  let r = null;
  let err = null;
  try {
    r = await Api.post('/analysis/site-check?' + params(q, 'json'), body, type);
  } catch (e) {
    err = e;
  }
  if (mine !== seq) return r;  // a newer check (or 清除) came since
  busy = false;
  result = r;
  error = err;
  if (err) {
    // a failed check leaves nothing of the previous one on the map or the panel
    request = null;
    clearMap();
  } else if (uploaded && nameAuto && !q.name && r.name && r.name !== '未命名地块') {
    // the server named the site after the plot in the file: the field shows that name, the reports use it too
    document.getElementById('project-name').value = r.name;
  }
  observed.lastSiteCheck = result || { error: error };
  updateClear();
  renderResult();
  if (result) await highlightHits(result, fromEditor);
  if (result && editor && !fromEditor) editor.reset(siteGeometry());
  updateClear();
  return result;
}

function rerun() {
  if (!request) return;
  siteCheck(request.body, request.type, request.geojson, request.uploaded);
}

function clearMap() {
  if (siteLayer) siteLayer.remove();
  if (hitLayer) hitLayer.remove();
  siteLayer = null;
  hitLayer = null;
  shapeNote = null;
}

/** 清除: forgets the site, its result and highlights. */
export function clearSite() {
  seq++;
  if (app.drawer) app.drawer.disable();
  toolNote = null;
  if (/[#&]site=/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
  request = null;
  result = null;
  error = null;
  busy = false;
  stale = false;
  siteEdited = false;
  clearMap();
  if (editor) editor.reset(null);
  if (nameAuto) document.getElementById('project-name').value = '';
  document.getElementById('site-file').value = '';
  observed.lastSiteCheck = null;
  updateClear();
  renderResult();
}

function updateClear() {
  document.getElementById('clear-site').disabled = !(request || result || error || siteLayer);
  const done = !!(request && result);
  ['export-txt', 'export-geojson', 'permalink'].forEach(id => { const b = document.getElementById(id); if (b) b.disabled = !done || busy; });
  const edit = document.getElementById('edit-site');
  if (edit && editor) {
    const g = siteGeometry();
    const can = done && !busy && editor.editable(g);
    edit.disabled = !can && !editor.active();
    edit.title = done && g && !editor.editable(g) ? I18n.t('editTooMany', { max: editor.MAX_EDIT_VERTICES }) : '';
    edit.textContent = I18n.t(editor.active() ? 'editDone' : 'editSite');
    edit.setAttribute('aria-pressed', editor.active() ? 'true' : 'false');
  }
  const recheck = document.getElementById('recheck-site');
  if (recheck) recheck.disabled = !siteEdited || busy;
  undoState();
  renderTools();
}

/** 撤销: the last vertex while drawing, else the last edit of the site's vertices. */
function undoState() {
  const undo = document.getElementById('undo-vertex');
  if (!undo) return;
  const drawing = !!(app.drawer && app.drawer._markers && app.drawer._markers.length);
  undo.disabled = !(drawing || (editor && editor.canUndo()));
  undo.textContent = I18n.t(drawing || !(editor && editor.canUndo()) ? 'undoVertex' : 'undoEdit');
}

function undo() {
  if (app.drawer && app.drawer._markers && app.drawer._markers.length) app.drawer.deleteLastVertex();
  else if (editor) editor.undo();
  undoState();
}

/** The same geometry with rings closed and repeated closing points dropped, to compare an edited site with the checked one. */
function sameSite(a, b) {
  if (!a || !b) return false;
  const norm = g => JSON.stringify((g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map(p => p.map(r => {
    const closed = r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1];
    return closed ? r.slice(0, -1) : r;
  })));
  return norm(a) === norm(b);
}

/** The editor changed the site: the result on screen is of the site before; re-checking is the planner's call. */
function siteChanged(g) {
  siteEdited = !!(result && !sameSite(g, siteGeometry()));
  observed.editedSiteGeometry = siteEdited ? g : null;
  updateClear();
  renderResult(busy ? I18n.t('checking') : null);
}

function toggleEditing() {
  if (!editor) return;
  if (editor.active()) {
    editor.stop(siteEdited);
  } else {
    const g = siteGeometry();
    if (!editor.editable(g)) return;
    editor.start(editor.geometry() || g);
  }
  updateClear();
}

/** 重新研判: the edited site is checked; the editor stays as it is (its edits can still be undone). */
function recheck() {
  if (!editor || !siteEdited) return;
  const g = editor.geometry();
  observed.lastSiteGeometry = g;
  return siteCheck(JSON.stringify(g), 'application/json', { type: 'Feature', properties: {}, geometry: g }, false, { fromEditor: true });
}
export { recheck as recheckSite };

/** The site as it stands: edited (not yet checked) or the one of the result on screen. */
function currentSite() {
  return siteEdited && editor ? editor.geometry() : siteGeometry();
}

// ---- site tools: undo while drawing, export as 国土 TXT / GeoJSON, permalink ----
let toolNote = null;   // {text, kind, link}
let fromLink = false;  // the check under way was opened from a permalink (its hash stays)

function renderTools() {
  const box = document.getElementById('site-tools-note');
  if (!box) return;
  Dom.clear(box);
  if (!toolNote) return;
  box.className = toolNote.kind === 'error' ? 'error' : 'hint';
  box.appendChild(Dom.el('span', null, toolNote.text));
  if (toolNote.back) {
    box.appendChild(Dom.el('button', { type: 'button', class: 'link-button', id: 'back-to-' + toolNote.back, style: 'margin-left:6px',
      onclick: () => App.showTab(toolNote.back, true) }, I18n.t('batchBackToList')));
  }
  if (toolNote.link) {
    box.appendChild(Dom.el('input', { id: 'permalink-url', type: 'text', readonly: true, value: toolNote.link, 'aria-label': I18n.t('permalink'),
      style: 'display:block;width:100%;box-sizing:border-box;margin-top:4px',
      onfocus: e => e.target.select() }));
  }
}

/**
 * The site's shape: the server's echo (a 国土 TXT, WKT or GK site), else the GeoJSON the planner sent, which the server
 * does not echo when it is one geometry or feature in lon/lat (siteGeometry in docs/site-check.md).
 */
function siteGeometry() {
  if (!result) return null;
  if (result.siteGeometry) return result.siteGeometry;
  let g = request && request.geojson;
  if (g && g.type === 'FeatureCollection' && g.features && g.features.length === 1) g = g.features[0];
  return g && g.type === 'Feature' ? g.geometry : g;
}

/** Google's polyline encoding (1e-6°): signed deltas in 5-bit chunks as characters ?…~. */
function encodeRing(ring) {
  let out = '', plat = 0, plon = 0;
  const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  const num = v => { v = v < 0 ? ~(v << 1) : v << 1; let s = ''; while (v >= 0x20) { s += String.fromCharCode((0x20 | (v & 0x1f)) + 63); v >>= 5; } return s + String.fromCharCode(v + 63); };
  open.forEach(c => {
    const lat = Math.round(c[1] * PRECISION), lon = Math.round(c[0] * PRECISION);
    out += num(lat - plat) + num(lon - plon);
    plat = lat; plon = lon;
  });
  return out;
}

function decodeRing(str) {
  const ring = [];
  let i = 0, lat = 0, lon = 0;
  const num = () => {
    let shift = 0, v = 0, b;
    do {
      if (i >= str.length) throw new Error('truncated');
      b = str.charCodeAt(i++) - 63;
      if (b < 0 || b > 63) throw new Error('bad character');
      v |= (b & 0x1f) << shift; shift += 5;
    } while (b >= 0x20);
    return v & 1 ? ~(v >> 1) : v >> 1;
  };
  while (i < str.length) { lat += num(); lon += num(); ring.push([lon / PRECISION, lat / PRECISION]); }
  if (ring.length < 3) throw new Error('fewer than 3 points');
  ring.push(ring[0].slice());
  return ring;
}

/** A Polygon or MultiPolygon as text: rings split by ";", polygons by "!". */
export function encodeSite(g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
  if (!polys) return null;
  return polys.map(p => p.map(encodeRing).join(';')).join('!');
}

export function decodeSite(text) {
  const polys = text.split('!').map(p => p.split(';').map(decodeRing));
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** The link of the site and result on screen, or null with a note when it would be too long. */
export function permalink() {
  const g = currentSite();
  const code = g && encodeSite(g);
  if (!code) return null;
  const hash = '#' + Api.query({ site: code, industry: request.query.industry, name: request.query.name || (request.uploaded && result.name !== '未命名地块' ? result.name : '') });
  if (hash.length > PERMALINK_MAX) {
    toolNote = { text: I18n.t('permalinkTooLong', { max: PERMALINK_MAX }), kind: 'error' };
    renderTools();
    return null;
  }
  history.replaceState(null, '', location.pathname + location.search + hash);
  const link = location.href;
  toolNote = { text: I18n.t('permalinkCopied'), link: link };
  renderTools();
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).catch(() => { /* the field shows it */ });
  return link;
}

/** Reopens the site of a permalink (#site=…&industry=…&name=…): the same form, the check run again. */
function openPermalink() {
  const h = new URLSearchParams(location.hash.replace(/^#/, ''));
  const code = h.get('site');
  if (!code) return false;
  let geometry;
  try {
    geometry = decodeSite(code);
  } catch (e) {
    toolNote = { text: I18n.t('permalinkBad', { detail: e.message }), kind: 'error' };
    renderTools();
    return false;
  }
  const select = document.getElementById('industry');
  if (h.get('industry') && Array.from(select.options).some(o => o.value === h.get('industry'))) select.value = h.get('industry');
  if (h.get('name')) { document.getElementById('project-name').value = h.get('name'); nameAuto = false; }
  App.showTab('planner');
  observed.lastSiteGeometry = geometry;
  fromLink = true;
  siteCheck(JSON.stringify(geometry), 'application/json', { type: 'Feature', properties: {}, geometry: geometry }, false);
  return true;
}

/**
 * Opens a site from elsewhere (a batch result's row) in this panel: the industry and name set, the site drawn, zoomed
 * to and checked. The tools' note says where it came from and leads back.
 */
export function openSiteInPlanner(geometry, options) {
  const o = options || {};
  const select = document.getElementById('industry');
  select.value = o.industry && Array.from(select.options).some(x => x.value === o.industry) ? o.industry : '';
  const name = document.getElementById('project-name');
  name.value = o.name || '';
  nameAuto = !o.name;
  App.showTab('planner');
  observed.lastSiteGeometry = geometry;
  const done = siteCheck(JSON.stringify(geometry), 'application/json', { type: 'Feature', properties: {}, geometry: geometry }, false);
  if (o.batchRow != null) {
    toolNote = { text: I18n.t('batchOpened', { row: o.batchRow, name: o.name || I18n.t('unnamedSite') }), back: 'batch' };
    renderTools();
  }
  return done;
}

/** Downloads the site on screen as 国土 TXT or GeoJSON, written by the server from the request's own body. */
export async function exportSite(format) {
  if (!request || !result) return null;
  const q = { format: format, name: request.query.name || result.name || '' };
  // an edited site is exported as edited, whether or not it has been checked again
  const body = siteEdited ? JSON.stringify(currentSite()) : request.body;
  const type = siteEdited ? 'application/json' : request.type;
  try {
    const blob = await Api.post('/analysis/site-export?' + Api.query(q), body, type, true);
    const file = (q.name || '地块') + (format === 'txt' ? '-界址点.txt' : '.geojson');
    const url = URL.createObjectURL(new Blob([blob], { type: format === 'txt' ? 'text/plain;charset=utf-8' : 'application/geo+json' }));
    const a = Dom.el('a', { href: url, download: file, id: 'site-export-download' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    observed.lastSiteExport = { format: format, file: file, text: await new Blob([blob]).text() };
    return observed.lastSiteExport;
  } catch (e) {
    toolNote = { text: (e.title ? e.title + ' ' : '') + (e.detail || e.message), kind: 'error' };
    renderTools();
    return null;
  }
}

function initTools() {
  const clear = document.getElementById('clear-site');
  const undoButton = Dom.el('button', { type: 'button', id: 'undo-vertex', disabled: true, title: 'Backspace / Ctrl+Z', onclick: undo }, I18n.t('undoVertex'));
  const buttons = [undoButton,
    Dom.el('button', { type: 'button', id: 'edit-site', disabled: true, 'aria-pressed': 'false', onclick: toggleEditing }, I18n.t('editSite')),
    Dom.el('button', { type: 'button', id: 'recheck-site', disabled: true, onclick: recheck }, I18n.t('recheckSite')),
    Dom.el('button', { type: 'button', id: 'export-txt', disabled: true, onclick: () => exportSite('txt') }, I18n.t('exportTxt')),
    Dom.el('button', { type: 'button', id: 'export-geojson', disabled: true, onclick: () => exportSite('geojson') }, I18n.t('exportGeojson')),
    Dom.el('button', { type: 'button', id: 'permalink', disabled: true, onclick: () => permalink() }, I18n.t('permalink'))];
  buttons.forEach(b => clear.parentNode.appendChild(b));
  clear.parentNode.after(Dom.el('p', { id: 'site-tools-note', role: 'status' }));
  I18n.onLanguage(() => {
    [['export-txt', 'exportTxt'], ['export-geojson', 'exportGeojson'], ['permalink', 'permalink'], ['recheck-site', 'recheckSite']]
      .forEach(([id, k]) => { document.getElementById(id).textContent = I18n.t(k); });
    updateClear();
  });
  // undo: the last vertex while drawing (from the first vertex until the shape closes), else the last edit
  app.map.on(L.Draw.Event.DRAWVERTEX, undoState);
  app.map.on(L.Draw.Event.DRAWSTOP, () => setTimeout(undoState, 0));
  app.map.on(L.Draw.Event.DRAWSTART, undoState);
  document.addEventListener('keydown', e => {
    if (/INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    if (e.key === 'Backspace' && app.drawer) { e.preventDefault(); app.drawer.deleteLastVertex(); undoState(); }
    else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && (e.key === 'z' || e.key === 'Z') && editor && editor.canUndo() && !app.drawer) {
      e.preventDefault(); undo();
    }
  });
  editor = SiteEdit.createSiteEditor(app.map, {
    pane: 'site',
    onChange: siteChanged,
    onState: undoState,
    onRefused: text => { toolNote = { text: text, kind: 'error' }; renderTools(); }
  });
}

function showSite(geojson) {
  if (siteLayer) siteLayer.remove();
  siteLayer = null;
  if (!geojson) return;
  try {
    siteLayer = L.geoJSON(geojson, { pane: 'site', style: { color: theme.site, weight: 3, fill: true, fillOpacity: 0.08, dashArray: '6 4' } }).addTo(app.map);
  } catch (e) {
    siteLayer = null;  // not drawable here: the server's answer says what is wrong with it
  }
}

/** Draws the site as it is, the hit zones in a highlight colour, and zooms to them. */
async function highlightHits(r, keepView) {
  if (r.siteGeometry) showSite(r.siteGeometry);
  if (hitLayer) hitLayer.remove();
  const mine = seq;
  const group = L.featureGroup([], { pane: 'highlight' });
  hitLayer = group.addTo(app.map);
  const seen = new Set();
  // districts are the background of every site: outlining them would hide the zones that matter
  const zones = (r.hits || []).filter(h => !(app.layers[h.collection] && app.layers[h.collection].def.kind === 'admin'));
  await Promise.all(zones.filter(h => !seen.has(h.collection + '/' + h.featureId) && seen.add(h.collection + '/' + h.featureId)).map(async h => {
    try {
      const f = await Api.getJson('/collections/' + encodeURIComponent(h.collection) + '/items/' + encodeURIComponent(h.featureId) + '?f=json');
      if (mine === seq) L.geoJSON(f, { pane: 'highlight', style: { color: theme.hit, weight: 3, fillOpacity: 0.05 } }).addTo(group);
    } catch (e) {
      console.warn('highlight ' + h.collection + '/' + h.featureId + ': ' + (e.detail || e.message));
    }
  }));
  if (mine !== seq) return;
  if (!siteLayer && r.site && Array.isArray(r.site.bbox) && r.site.bbox.length === 4) {
    // too large to send back as a shape: its bounding box, said so
    const b = r.site.bbox;
    siteLayer = L.rectangle([[b[1], b[0]], [b[3], b[2]]], { pane: 'site', color: theme.site, weight: 2, dashArray: '2 6', fillOpacity: 0.02 }).addTo(app.map);
    shapeNote = I18n.t('siteShapeBox');
    renderResult();
  }
  updateClear();
  if (siteLayer && !keepView) app.map.fitBounds(siteLayer.getBounds(), { maxZoom: 15, padding: [40, 40], animate: false });
}

/** The site's name as given (a data value), or the server's stand-in 未命名地块 in the page's language. */
function siteName(name) {
  return name === '未命名地块' ? Dom.el('span', { class: 'site-name' }, I18n.t('unnamedSite')) : Dom.el('span', { class: 'site-name', 'data-verbatim': '' }, name);
}

function verdictClass(v) { return 'verdict-' + String(v).replace(/[^a-z]/g, ''); }

function verdictBadge(v, id) {
  return Dom.el('span', { class: 'verdict ' + verdictClass(v), id: id }, I18n.t('verdict_' + v));
}

function industryName(id, fallback) {
  const i = ((app.catalog && app.catalog.industries) || []).find(x => x.id === id);
  return i ? I18n.pick(i) : (fallback || id);
}

function layerTitle(h) {
  const l = app.layers[h.collection];
  return l ? I18n.pick(l.def.title) : (h.collectionTitle || h.collection);
}

/** A water-source hit's level (一级/二级/准保护区) under its legend label. */
function waterLevel(h) {
  const l = app.layers[h.collection];
  if (!l || l.def.kind !== 'water_source' || !h.properties || h.properties.level == null) return null;
  const v = String(h.properties.level);
  const c = l.style && l.style.property === 'level' ? (l.style.classes || []).find(k => String(k.value) === v) : null;
  return Dom.el('span', { class: 'ws-level', title: I18n.t('wsLevel') }, c ? I18n.pick(c.label) : v);
}

function renderResult(message) {
  const box = Dom.clear(document.getElementById('planner-result'));
  if (message) { box.appendChild(Dom.el('p', { class: 'busy' }, message)); return; }
  if (error) { box.appendChild(Dom.errorBox(error)); return; }
  if (!result) return;
  const r = result;
  const s = r.site || {};
  const en = app.lang === 'en';
  box.appendChild(Dom.el('div', { class: 'verdict-line' }, I18n.t('verdict') + I18n.t('labelSep'), verdictBadge(r.verdict, 'verdict'),
    r.name ? siteName(r.name) : null));
  box.appendChild(Dom.el('p', { class: 'industry-line', id: 'result-industry' },
    I18n.t('industryLine', { industry: r.industry ? industryName(r.industry, r.industryZh) : I18n.t('anyIndustry') })));
  if (stale) box.appendChild(Dom.el('p', { class: 'stale', role: 'status' }, I18n.t('staleReport')));
  if (siteEdited) {
    box.appendChild(Dom.el('p', { class: 'stale', role: 'status', id: 'site-edited-note' }, I18n.t('siteEditedNote'), ' ',
      Dom.el('button', { type: 'button', class: 'link-button', onclick: recheck, disabled: busy }, I18n.t('recheckSite'))));
  }
  const notices = I18n.noticeTexts(r);
  if (notices.length) box.appendChild(Dom.el('ul', { class: 'warnings' }, notices.map(w => Dom.el('li', null, w))));
  if (shapeNote) box.appendChild(Dom.el('p', { class: 'hint' }, shapeNote));

  // 逐维度研判: one line per dimension
  box.appendChild(Dom.el('h3', null, I18n.t('dimensionVerdicts')));
  box.appendChild(Dom.el('ul', { class: 'dimension-verdicts' }, (r.dimensions || []).map(d =>
    Dom.el('li', { class: 'dimension-verdict', 'data-dimension': d.dimension, 'data-verdict': d.verdict },
      Dom.el('span', { class: 'dimension-name' }, en ? d.dimensionEn : d.dimensionZh),
      Dom.el('span', { class: 'verdict small ' + verdictClass(d.verdict) }, I18n.t('verdict_' + d.verdict)),
      Dom.el('span', { class: 'dimension-count' }, I18n.t(d.requirementCount === 1 ? 'requirementCountOne' : 'requirementCount', { n: d.requirementCount }))))));

  // no industry chosen: which industries are banned here, and where
  if (!r.industry && (r.industryVerdicts || []).length) {
    const rows = r.industryVerdicts.slice().sort((a, b) => (a.verdict === 'prohibited' ? 0 : 1) - (b.verdict === 'prohibited' ? 0 : 1));
    const banned = rows.filter(v => v.verdict === 'prohibited');
    box.appendChild(Dom.el('h3', null, I18n.t('industryVerdicts')));
    if (!banned.length) box.appendChild(Dom.el('p', { class: 'none' }, I18n.t('noBannedIndustry')));
    box.appendChild(Dom.table('industry-verdicts', ['industryCol', 'verdict', 'bannedWhere', 'bannedBy'], rows.map(v => [
      industryName(v.industry, v.industryZh), Dom.el('span', { class: 'verdict small ' + verdictClass(v.verdict) }, I18n.t('verdict_' + v.verdict)),
      I18n.verbatim(I18n.listJoin(v.bannedWhere || [])), (v.bannedBy || []).join(', ')]), i => ({ 'data-industry': rows[i].industry, 'data-verdict': rows[i].verdict })));
  }

  box.appendChild(Dom.el('h3', null, I18n.t('siteArea')));
  box.appendChild(Dom.el('p', { class: 'area' }, I18n.t('ellipsoidArea') + I18n.t('labelSep'),
    Dom.el('strong', { id: 'site-area-ha' }, Dom.num(s.areaHa, 4) + ' ' + I18n.t('ha')),
    I18n.paren(Dom.num(s.areaMu, 2) + ' ' + I18n.t('mu') + I18n.t('comma') + Dom.num(s.areaM2, 1) + ' ' + I18n.t('m2'))));
  if (s.gkAreaM2 != null) box.appendChild(Dom.el('p', { class: 'area' }, I18n.t('gkArea', { zone: s.gkZone }) + I18n.t('labelSep') + Dom.num(s.gkAreaM2, 1) + ' ' + I18n.t('m2')));
  const parcels = (s.parcels || []).filter(p => p.declaredHa != null);
  if (parcels.length) {
    box.appendChild(Dom.table('parcels', ['parcels', 'measuredHa', 'declared', 'difference'], parcels.map(p =>
      [I18n.verbatim(p.name || ''), Dom.num(p.areaHa, 4), Dom.num(p.declaredHa, 4), Dom.num(p.differenceHa, 4) + ' ' + I18n.t('ha') + I18n.paren(Dom.num(p.differencePct, 2) + '%')])));
  }
  box.appendChild(Dom.el('h3', null, I18n.t('hits')));
  const hits = r.hits || [];
  if (!hits.length) box.appendChild(Dom.el('p', { class: 'none' }, I18n.t('noHits')));
  else box.appendChild(Dom.table('hits', ['layer', 'name', 'overlapHa', 'overlapMu', 'siteShare', 'zoneShare'], hits.map(h => [
    layerTitle(h), [Dom.el('a', { href: '#', 'data-verbatim': '', onclick: e => { e.preventDefault(); Layers.zoomToFeature(h.collection, h.featureId); } }, h.name || h.featureId),
      waterLevel(h) ? ' ' : null, waterLevel(h)],
    Dom.num(h.overlapHa, 4), Dom.num(h.overlapMu, 2), Dom.pct(h.siteShare), Dom.pct(h.zoneShare)]), i => ({ 'data-collection': hits[i].collection })));
  if ((r.nearby || []).length) {
    box.appendChild(Dom.el('h3', null, I18n.t('nearby')));
    box.appendChild(Dom.table('nearby', ['layer', 'name', 'distance'], r.nearby.map(n => [layerTitle(n), I18n.verbatim(n.name || n.featureId),
      Dom.num(n.distanceM, 0) + ' ' + I18n.t('m')])));
  }
  box.appendChild(Dom.el('h3', null, I18n.t('clauses')));
  const clauses = r.clauses || [];
  if (!clauses.length) box.appendChild(Dom.el('p', { class: 'none' }, I18n.t('noClauses')));
  else box.appendChild(clausesByDimension(r, clauses));
  const disabled = busy || stale || siteEdited;
  box.appendChild(Dom.el('div', { class: 'buttons reports' },
    Dom.el('button', { type: 'button', id: 'report-html', onclick: openHtmlReport, disabled: disabled }, I18n.t('reportHtml')),
    Dom.el('button', { type: 'button', id: 'report-pdf', onclick: downloadPdf, disabled: disabled }, I18n.t('reportPdf'))));
}

/** The clauses under a heading per dimension, then per level (unit, county … national), each with its zone and basis. */
function clausesByDimension(r, clauses) {
  const en = app.lang === 'en';
  const names = {};
  (r.dimensions || []).forEach(d => { names[d.dimension] = en ? d.dimensionEn : d.dimensionZh; });
  const order = DIMENSIONS.concat(clauses.map(c => c.dimension).filter(d => !DIMENSIONS.includes(d)));
  return Dom.el('div', { class: 'clauses-by-dimension' }, order.filter(d => clauses.some(c => c.dimension === d)).map(d => {
    const mine = clauses.filter(c => c.dimension === d);
    const levels = LEVELS.concat(mine.map(c => c.level).filter(l => !LEVELS.includes(l)));
    return Dom.el('div', { class: 'clause-dimension', 'data-dimension': d },
      Dom.el('h4', null, names[d] || (mine[0].dimensionZh || d)),
      levels.filter(l => mine.some(c => c.level === l)).map(l => [
        Dom.el('h5', { class: 'clause-level' }, AccessList.levelLabel(l)),
        Dom.el('ul', { class: 'clauses' }, mine.filter(c => c.level === l).map(c => {
          const effect = String(c.effect || c.severity).replace(/[^a-z]/g, '');
          const zoneLayer = c.collection && app.layers[c.collection] ? I18n.pick(app.layers[c.collection].def.title) + ' ' : '';
          const zoneName = c.featureName || c.featureId || '';
          const zone = zoneLayer + zoneName;
          return Dom.el('li', { class: 'clause severity-' + effect, 'data-clause': c.clauseId },
            Dom.el('span', { class: 'severity' }, I18n.t('effect_' + effect)),
            Dom.el('span', { class: 'clause-text' }, en && c.textEn ? c.textEn : c.text),
            zone.trim() ? Dom.el('span', { class: 'clause-meta clause-zone' }, I18n.t('triggeredBy', { zone: zoneLayer }), I18n.verbatim(zoneName)) : null,
            c.basis ? Dom.el('span', { class: 'clause-meta clause-basis' }, I18n.t('basis') + I18n.t('labelSep'),
              I18n.verbatim(c.basis + (c.basisIssuer ? '（' + c.basisIssuer + '）' : ''))) : null);
        }))]));
  }));
}

/** The report is a POST: opened in a tab as a blob URL (the tab is opened at the click so no pop-up blocker stops it). */
async function openHtmlReport() {
  const url0 = reportUrl('html');
  if (!url0) return;
  const tab = window.open('', '_blank');
  try {
    const blob = await Api.post(url0, request.body, request.type, true);
    const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location = url; else window.location.assign(url);
  } catch (e) {
    if (tab) tab.close();
    error = e; renderResult(); error = null;
  }
}

async function downloadPdf() {
  const url0 = reportUrl('pdf');
  if (!url0) return;
  try {
    const blob = await Api.post(url0, request.body, request.type, true);
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    const a = Dom.el('a', { href: url, download: '选址研判-' + (result.name || 'site') + '.pdf' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    error = e; renderResult(); error = null;
  }
}

/** The form changed: the result on screen no longer matches it; reports wait for the new check. */
function markStale() {
  if (!request || !result) return;
  stale = true;
  renderResult();
}

export function initPlanner(catalog) {
  app.map.createPane('highlight').style.zIndex = '620';
  app.map.createPane('site').style.zIndex = '630';
  const select = document.getElementById('industry');
  const name = document.getElementById('project-name');
  (catalog.industries || []).forEach(i => select.appendChild(Dom.el('option', { value: i.id }, I18n.pick(i))));
  I18n.onLanguage(() => {
    Array.from(select.options).forEach(o => {
      const i = (catalog.industries || []).find(x => x.id === o.value);
      if (i) o.textContent = I18n.pick(i);
    });
    renderResult(busy ? I18n.t('checking') : null);
  });
  select.addEventListener('change', () => { markStale(); rerun(); });
  let timer = null;
  name.addEventListener('input', () => {
    nameAuto = name.value.trim() === '';
    markStale();
    clearTimeout(timer);
    timer = setTimeout(rerun, RERUN_AFTER_TYPING_MS);
  });
  name.addEventListener('change', () => { clearTimeout(timer); if (stale) rerun(); });
  document.getElementById('clear-site').addEventListener('click', clearSite);
  initTools();
  document.getElementById('draw-site').addEventListener('click', () => App.drawPolygon(geometry => {
    const feature = { type: 'Feature', properties: {}, geometry: geometry };
    observed.lastSiteGeometry = geometry;
    siteCheck(JSON.stringify(geometry), 'application/json', feature, false);
  }));
  document.getElementById('site-file').addEventListener('change', async e => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    const bytes = await file.arrayBuffer();
    const type = contentTypeOf(file);
    let geojson = null;
    if (type === 'application/json') {
      try { geojson = JSON.parse(new TextDecoder('utf-8').decode(bytes)); } catch (err) { geojson = null; }
    }
    // a new file gets its own plot's name, unless the planner typed one
    if (nameAuto) name.value = '';
    await siteCheck(bytes, type, geojson, true);
    e.target.value = '';
  });
  openPermalink();
  window.addEventListener('hashchange', openPermalink);  // not fired by the permalink's own replaceState
}
