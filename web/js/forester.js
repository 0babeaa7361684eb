// 矿山修复: measure a drawn polygon on the server (ellipsoid, 公顷/亩); restoration plots summarised by mine/status/year.
import { theme } from './theme.js';
import { app } from './state.js';
import { observed } from './observed.js';
import * as Api from './api.js';
import * as App from './app.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as Layers from './layers.js';

let layer = null;       // the restoration layer's catalog entry
let layerId = null;
let measure = null;     // last measurement {report} or {error}
let report = null;      // restoration report for the chosen grouping
let reportError = null;
let selected = null;    // group key whose plots are listed
let measureLayer = null;
let plotHighlight = null; // the selected group's plots, outlined on the map
let measuresById = null;  // plot id -> its measure, for popups
let measuresLoading = null;

/**
 * Attributes that make sense as groups, from the catalog: those with a fixed list of values, and other text
 * attributes except the id and name (one group per plot says nothing).
 */
export function groupableAttributes(def) {
  if (!def) return [];
  return def.attributes.filter(a => Array.isArray(a.values) && a.values.length
    || (a.type === 'string' && a.name !== def.idProperty && a.name !== def.nameProperty));
}

/** Groups in the attribute's catalog order (workflow order for status: 待修复 → 修复中 → 已修复 → 已验收), others after. */
function ordered(groups, attr) {
  const values = attr && Array.isArray(attr.values) ? attr.values.map(String) : [];
  const rank = g => { const i = values.indexOf(String(g.key)); return i < 0 ? values.length : i; };
  return groups.map((g, i) => [g, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(x => x[0]);
}

function csvHref(groupBy, table) {
  return '/analysis/measure/' + encodeURIComponent(layerId) + '?' + Api.query({ groupBy: groupBy, format: 'csv', table: table });
}

function remember(r) {
  if (!r || !r.plots) return;
  measuresById = new Map(r.plots.map(p => [String(p.id), p]));
}

/** Measures for popups: the report on screen, or fetched once when a plot is clicked before the tab was opened. */
function measures() {
  if (measuresById) return Promise.resolve(measuresById);
  if (!measuresLoading) {
    measuresLoading = Api.getJson('/analysis/measure/' + encodeURIComponent(layerId) + '?' + Api.query({ format: 'json' }))
      .then(r => { if (!measuresById) remember(r); return measuresById; })
      .catch(e => { measuresLoading = null; throw e; });
  }
  return measuresLoading;
}

/** Outlines the plots on the map and zooms to them. */
function highlightPlots(plots) {
  if (plotHighlight) plotHighlight.remove();
  plotHighlight = null;
  const l = app.layers[layerId];
  if (!l || !plots.length) return;
  const group = L.featureGroup([], { pane: 'highlight' });
  plots.forEach(p => {
    const drawn = l.byId.get(String(p.id));
    if (drawn && drawn.feature) {
      L.geoJSON(drawn.feature, { pane: 'highlight', interactive: false,
        style: { color: theme.plot, weight: 4, fillColor: theme.plotFill, fillOpacity: 0.35 } }).addTo(group);
    }
  });
  plotHighlight = group.addTo(app.map);
  observed.highlightedPlots = plots.map(p => p.id);
  if (group.getLayers().length) app.map.fitBounds(group.getBounds(), { maxZoom: 15, padding: [30, 30], animate: false });
}

function select(key) {
  selected = key;
  renderSummary();
  const groupBy = document.getElementById('group-by').value;
  highlightPlots(selected == null ? [] : (report.plots || []).filter(p => groupKey(p.attributes && p.attributes[groupBy]) === selected));
}

export async function measurePolygon(geometry) {
  if (measureLayer) measureLayer.remove();
  measureLayer = L.geoJSON(geometry, { pane: 'site', style: { color: theme.measure, weight: 2, dashArray: '4 4', fillOpacity: 0.1 } }).addTo(app.map);
  measure = { loading: true };
  renderMeasure();
  const body = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'measure-1', properties: {}, geometry: geometry }] };
  try {
    measure = { geometry: geometry, report: await Api.post('/analysis/measure', JSON.stringify(body), 'application/json') };
  } catch (e) {
    measure = { geometry: geometry, error: e };
  }
  observed.lastMeasure = measure;
  renderMeasure();
  return measure;
}

function renderMeasure() {
  const box = Dom.clear(document.getElementById('measure-result'));
  if (!measure) return;
  if (measure.loading) { box.appendChild(Dom.el('p', null, I18n.t('measuring'))); return; }
  if (measure.error) { box.appendChild(Dom.errorBox(measure.error)); return; }
  const p = (measure.report.plots || [])[0];
  if (!p) return;
  box.appendChild(Dom.el('p', { class: 'area' }, I18n.t('ellipsoidArea') + I18n.t('labelSep'),
    Dom.el('strong', { id: 'measure-ha' }, Dom.num(p.area.ha, 4) + ' ' + I18n.t('ha')), I18n.t('parenOpen'), Dom.el('strong', { id: 'measure-mu' }, Dom.num(p.area.mu, 2) + ' ' + I18n.t('mu')),
    I18n.t('comma') + Dom.num(p.area.m2, 1) + ' ' + I18n.t('m2') + I18n.t('parenClose')));
  if (p.gkArea) box.appendChild(Dom.el('p', { class: 'area' }, I18n.t('gkArea', { zone: p.gkZone }) + I18n.t('labelSep') + Dom.num(p.gkArea.m2, 1) + ' ' + I18n.t('m2')));
  box.appendChild(Dom.el('p', { class: 'area' }, I18n.t('perimeter') + I18n.t('labelSep') + Dom.num(p.perimeterM, 1) + ' ' + I18n.t('m')));
  if (p.problem) box.appendChild(Dom.el('p', { class: 'error' }, p.problem));
}

async function loadSummary() {
  const groupBy = document.getElementById('group-by').value;
  selected = null;
  report = null;
  reportError = null;
  highlightPlots([]);
  observed.highlightedPlots = [];
  renderSummary();
  try {
    report = await Api.getJson('/analysis/measure/' + encodeURIComponent(layerId) + '?' + Api.query({ groupBy: groupBy, format: 'json' }));
  } catch (e) {
    reportError = e;
  }
  observed.lastRestoration = report;
  remember(report);
  renderSummary();
}

function groupKey(v) { return v == null || String(v).trim() === '' ? '（空）' : String(v); }  // as the server's groups

function renderSummary() {
  const box = Dom.clear(document.getElementById('restoration-summary'));
  const plotsBox = Dom.clear(document.getElementById('restoration-plots'));
  if (!layerId) { box.appendChild(Dom.el('p', { class: 'none' }, I18n.t('noRestoration'))); return; }
  if (reportError) { box.appendChild(Dom.errorBox(reportError)); return; }
  if (!report) { box.appendChild(Dom.el('p', null, I18n.t('loading'))); return; }
  const groupBy = document.getElementById('group-by').value;
  const t = report.totals || {};
  box.appendChild(Dom.el('p', { class: 'totals' }, I18n.t('totals', { plots: t.plots, ha: Dom.num(t.measured && t.measured.ha, 2),
    mu: Dom.num(t.measured && t.measured.mu, 2), mismatched: t.mismatched })));
  const attr = layer.attributes.find(a => a.name === groupBy);
  const groups = ordered(report.groups || [], attr);
  const label = g => g.key == null || g.key === '' ? I18n.t('unknown') : String(g.key);
  box.appendChild(Dom.el('p', { class: 'hint' }, I18n.t('clickGroupHint')));
  box.appendChild(Dom.table('groups', ['group', 'count', 'measuredHa', 'measuredMu', 'declaredMu'], groups.map(g =>
    [I18n.dataValue(label(g)), String(g.count), Dom.num(g.measured.ha, 2), Dom.num(g.measured.mu, 2), Dom.num(g.declaredMu, 2)]),
  i => ({ class: 'group-row' + (groupKey(groups[i].key) === selected ? ' selected' : ''), 'data-key': groupKey(groups[i].key),
    tabindex: '0', onclick: () => select(groupKey(groups[i].key)),
    onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(groupKey(groups[i].key)); } } })));
  box.appendChild(Dom.el('p', { class: 'buttons csv-links' },
    Dom.el('a', { id: 'csv-link', class: 'button', download: '', href: csvHref(groupBy, 'summary') }, I18n.t('downloadSummaryCsv')),
    Dom.el('a', { id: 'csv-plots-link', class: 'button', download: '', href: csvHref(groupBy, 'plots') }, I18n.t('downloadPlotsCsv'))));
  if ((report.progress || []).length && groupBy === 'mine') {
    box.appendChild(Dom.el('h3', null, I18n.t('progress')));
    const progress = report.progress;
    box.appendChild(Dom.table('progress', ['mine', 'restoredOfPlots', 'measuredMu', 'restoredShare'], progress.map(p =>
      [I18n.dataValue(p.mine), Dom.el('span', { class: 'restored-of-plots', title: I18n.t('restoredOfPlotsTip', { restored: p.restoredPlots, plots: p.plots }) },
        p.restoredPlots + ' / ' + p.plots), Dom.num(p.total.mu, 2), Dom.pct(p.restoredShare)]),
    i => ({ class: 'progress-row' + (groupKey(progress[i].mine) === selected ? ' selected' : ''), 'data-key': groupKey(progress[i].mine),
      onclick: () => select(groupKey(progress[i].mine)) })));
    box.appendChild(Dom.el('p', { class: 'hint', id: 'progress-note' }, I18n.t('restoredOfPlotsNote')));
    box.appendChild(Dom.el('p', { class: 'buttons' },
      Dom.el('a', { id: 'csv-progress-link', class: 'button', download: '', href: csvHref(groupBy, 'progress') }, I18n.t('downloadProgressCsv'))));
  }
  if (selected == null) return;
  const plots = (report.plots || []).filter(p => groupKey(p.attributes && p.attributes[groupBy]) === selected);
  plotsBox.appendChild(Dom.el('h3', null, I18n.t('plotsOf', { key: selected || I18n.t('unknown') })));
  plotsBox.appendChild(Dom.table('plots', ['plotId', 'measuredMu', 'declaredMu', 'diffPct', 'zoomTo'], plots.map(p => [
    p.id, Dom.num(p.area.mu, 2), Dom.num(p.declaredMu, 2),
    Dom.el('span', { class: p.declaredMismatch ? 'mismatch' : '' }, Dom.num(p.differencePct, 2) + (p.declaredMismatch ? ' ⚠' : '')),
    Dom.el('a', { href: '#', class: 'zoom-plot', onclick: e => { e.preventDefault(); Layers.zoomToFeature(layerId, p.id); } }, I18n.t('zoomTo'))])));
}

/** The restoration layer's popups: the measured area next to the declared one. */
function withMeasuredArea(content, l, f) {
  if (!layer || l.def.id !== layerId) return content;
  const table = content.querySelector && content.querySelector('table.attrs tbody');
  if (!table) return content;
  const declaredName = (layer.attributes.find(a => /declared/.test(a.name)) || {}).name;
  const declaredTitle = declaredName ? I18n.pick(layer.attributes.find(a => a.name === declaredName).title) || declaredName : null;
  const cell = Dom.el('td', { class: 'popup-measured' }, I18n.t('loading'));
  const row = Dom.el('tr', { class: 'measured-row' }, Dom.el('th', null, I18n.t('measuredAreaPopup')), cell);
  const declaredRow = Array.from(table.children).find(tr => tr.firstChild && tr.firstChild.textContent === declaredTitle);
  if (declaredRow) declaredRow.after(row); else table.appendChild(row);
  measures().then(byId => {
    const m = byId && byId.get(String(f.id));
    cell.textContent = !m ? '—' : m.declaredMu == null ? Dom.num(m.area.mu, 2)
      : I18n.t('measuredVsDeclared', { measured: Dom.num(m.area.mu, 2), declared: Dom.num(m.declaredMu, 2), pct: Dom.num(m.differencePct, 2) });
    if (m && m.declaredMismatch) cell.classList.add('mismatch');
  }).catch(() => { cell.textContent = '—'; });
  return content;
}

export function initForester(catalog) {
  layer = catalog.layers.find(l => l.kind === 'restoration') || null;
  layerId = layer ? layer.id : null;
  if (!app.map.getPane('highlight')) app.map.createPane('highlight').style.zIndex = '620';
  if (layer) Layers.decoratePopups(withMeasuredArea);
  const select = document.getElementById('group-by');
  const fillGroups = () => {
    const chosen = select.value;
    Dom.clear(select);
    if (!layer) return;
    groupableAttributes(layer).forEach(a => select.appendChild(Dom.el('option', { value: a.name }, I18n.pick(a.title) || a.name)));
    if (chosen) select.value = chosen;
  };
  fillGroups();
  select.addEventListener('change', loadSummary);
  I18n.onLanguage(() => { fillGroups(); renderMeasure(); renderSummary(); });
  document.getElementById('draw-measure').addEventListener('click', () => App.drawPolygon(measurePolygon));
  let loaded = false;
  // the summary is computed when the forester first opens the tab, not for every visitor
  App.onTab('forester', () => { if (!loaded && layerId) { loaded = true; loadSummary(); } });
  renderSummary();
}
