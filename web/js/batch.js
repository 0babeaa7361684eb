// 批量研判: upload a project list (GeoJSON, CSV/xlsx with WKT, zipped shapefile, GeoPackage, ZIP of 国土 TXT), run the
// batch-check process as an asynchronous job (Prefer: respond-async), follow /jobs/{id} with a progress bar, then show
// the counts per verdict and links to the table (CSV, xlsx) and the reports ZIP. Errors stay in the panel.
import { app } from './state.js';
import * as Api from './api.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as Planner from './planner.js';

const VERDICTS = ['prohibited', 'restricted', 'conditional', 'allowed', 'outside', 'error'];
const POLL_MS = 500;
let current = null; // {jobId, timer}
let uploaded = null; // {name, features}: the GeoJSON list as uploaded (shapes for rows whose result has none)
let table = null;    // {projects, key, dir}: the result table on screen and its sort

function box() { return document.getElementById('batch-result'); }

function show(...nodes) { Dom.clear(box()); nodes.forEach(n => n && box().appendChild(n)); }

/** The file's bytes as base64 (keeps GBK CSVs, xlsx, ZIPs and GeoPackages intact). */
function base64(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => { const s = String(r.result); resolve(s.substring(s.indexOf(',') + 1)); };
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

function mediaType(name) {
  const n = name.toLowerCase();
  if (n.endsWith('.zip')) return 'application/zip';
  if (n.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (n.endsWith('.gpkg')) return 'application/geopackage+sqlite3';
  if (n.endsWith('.csv')) return 'text/csv';
  if (n.endsWith('.txt')) return 'text/plain';
  return 'application/geo+json';
}

async function start() {
  const input = document.getElementById('batch-file');
  const file = input.files && input.files[0];
  if (!file) { show(Dom.errorBox({ title: I18n.t('error'), detail: I18n.t('batchNoFile') })); return; }
  stop();
  const button = document.getElementById('batch-start');
  button.disabled = true;
  show(Dom.el('p', { class: 'hint' }, I18n.t('batchSubmitting')));
  uploaded = await uploadedShapes(file);
  try {
    const inputs = { projects: { value: await base64(file), encoding: 'base64', mediaType: mediaType(file.name) } };
    const industry = document.getElementById('batch-industry').value;
    if (industry) inputs.industry = industry;
    if (document.getElementById('batch-reports').checked) inputs.reports = true;
    const body = await Api.post('/processes/batch-check/execution', JSON.stringify({ inputs: inputs }), 'application/json', false,
      { Prefer: 'respond-async' });
    current = { jobId: body.jobID };
    progress(body);
    poll();
  } catch (e) {
    show(Dom.errorBox(e));
  } finally {
    button.disabled = false;
  }
}

function stop() {
  if (current && current.timer) clearTimeout(current.timer);
  current = null;
}

function progress(job) {
  const pct = job.total ? Math.floor(100 * job.processed / job.total) : (job.progress || 0);
  const bar = Dom.el('progress', { id: 'batch-progress', max: 100, value: pct });
  show(Dom.el('p', { id: 'batch-status', dataset: { status: job.status, job: job.jobID } },
    I18n.t('batchProgress', { status: I18n.t('jobStatus_' + job.status), processed: job.processed || 0, total: job.total || '?' })),
  bar,
  job.etaSeconds != null && job.status === 'running' ? Dom.el('p', { class: 'hint' }, I18n.t('batchEta', { s: Math.round(job.etaSeconds) })) : null);
}

async function poll() {
  if (!current) return;
  const id = current.jobId;
  try {
    const job = await Api.getJson('/jobs/' + encodeURIComponent(id));
    if (!current || current.jobId !== id) return;
    if (job.status === 'successful') { await finished(job); return; }
    if (job.status === 'failed' || job.status === 'dismissed') {
      show(Dom.errorBox({ title: I18n.t('jobStatus_' + job.status), detail: job.message || '' }));
      current = null;
      return;
    }
    progress(job);
    current.timer = setTimeout(poll, POLL_MS);
  } catch (e) {
    show(Dom.errorBox(e));
    current = null;
  }
}

async function finished(job) {
  const doc = await Api.getJson('/jobs/' + encodeURIComponent(job.jobID) + '/results');
  current = null;
  const s = doc.summary || {};
  const per = s.perVerdict || {};
  const keys = VERDICTS.filter(v => per[v] != null).concat(Object.keys(per).filter(v => !VERDICTS.includes(v)));
  const counts = Dom.el('table', { class: 'data', id: 'batch-summary' },
    Dom.el('thead', null, Dom.el('tr', null, Dom.el('th', null, I18n.t('verdict')), Dom.el('th', null, I18n.t('batchCount')))),
    Dom.el('tbody', null, keys.map(v => Dom.el('tr', { dataset: { verdict: v } },
      Dom.el('td', null, Dom.el('span', { class: 'verdict verdict-' + v }, I18n.t(v === 'error' ? 'batchError' : 'verdict_' + v))),
      Dom.el('td', { class: 'num' }, String(per[v]))))));
  const links = Dom.el('p', { class: 'buttons', id: 'batch-downloads' },
    [['table', 'batchCsv'], ['tableXlsx', 'batchXlsx'], ['reports', 'batchReports']]
      .filter(([k]) => doc[k] && doc[k].href)
      .map(([k, label]) => Dom.el('a', { href: doc[k].href, download: '', class: 'download', id: 'batch-dl-' + k }, I18n.t(label))));
  const errors = (s.errors || []).length ? Dom.el('div', { id: 'batch-errors' }, Dom.el('h3', null, I18n.t('batchBadRows', { n: s.errors.length })),
    Dom.el('ul', null, s.errors.map(e => Dom.el('li', null, I18n.t('batchRow', { row: e.row }), e.file ? [' ', I18n.verbatim(e.file)] : null, ' ',
      e.name ? I18n.verbatim(e.name) : null, I18n.t('labelSep'), I18n.forPeople(I18n.bilingual(e.reason || '')))))) : null;
  let projects = [];
  if (doc.projects && doc.projects.href) {
    try {
      projects = await Api.getJson(doc.projects.href);
    } catch (e) {
      projects = null;
      console.warn('batch projects: ' + (e.detail || e.message));
    }
  }
  table = Array.isArray(projects) && projects.length ? { projects: projects, key: 'row', dir: 1 } : null;
  show(Dom.el('p', { id: 'batch-status', dataset: { status: 'successful', job: job.jobID } },
    I18n.t('batchDone', { n: s.projects != null ? s.projects : job.total })),
  Dom.el('progress', { id: 'batch-progress', max: 100, value: 100 }),
  counts, links,
  table ? Dom.el('h3', { id: 'batch-results-title' }, I18n.t('batchResults')) : null,
  table ? Dom.el('div', { id: 'batch-table-box' }) : null,
  errors,
  s.dataVersion ? Dom.el('p', { class: 'hint' }, I18n.t('batchDataVersion', { v: s.dataVersion })) : null);
  renderTable();
}

// ---- the result table: one row per project, sortable by each column, each row opens its project's site ----

const SEVERITY = { prohibited: 0, restricted: 1, conditional: 2, allowed: 3, outside: 4, error: 5 };

function industryLabel(o) {
  const i = ((app.catalog && app.catalog.industries) || []).find(x => x.id === o.industry || x.zh === o.industry);
  return i ? I18n.pick(i) : (o.industryZh || o.industry || '');
}

function nearestM(o) { return o.nearestProtected ? o.nearestProtected.distanceM : null; }

/** The columns: label key, sort value, cell. Empty values sort last either way. */
const COLUMNS = [
  { key: 'row', label: 'batchRowCol', value: o => o.row, cell: o => String(o.row), num: true },
  { key: 'name', label: 'batchProject', value: o => o.name || '', cell: o => Dom.el('button', { type: 'button', class: 'link-button open-project',
    title: I18n.t('batchOpen') }, I18n.verbatim(o.name || I18n.t('unnamedSite'))) },
  { key: 'industry', label: 'batchIndustryCol', value: o => industryLabel(o), cell: o => industryLabel(o) || (o.verdict === 'error' ? '—' : I18n.t('anyIndustry')) },
  { key: 'verdict', label: 'verdict', value: o => SEVERITY[o.verdict] != null ? SEVERITY[o.verdict] : 9,
    cell: o => Dom.el('span', { class: 'verdict small verdict-' + String(o.verdict).replace(/[^a-z]/g, '') },
      I18n.t(o.verdict === 'error' ? 'batchError' : 'verdict_' + o.verdict)), num: true },
  { key: 'district', label: 'batchDistrict', value: o => o.district || '', cell: o => o.district ? I18n.verbatim(o.district) : '—' },
  { key: 'area', label: 'batchAreaHa', value: o => o.siteAreaHa, cell: o => Dom.num(o.siteAreaHa, 4), num: true },
  { key: 'hits', label: 'batchHitsCol', value: o => (o.hits || []).length, cell: o => hitsCell(o), num: true },
  { key: 'nearest', label: 'batchNearest', value: nearestM, cell: o => o.nearestProtected ? Dom.num(nearestM(o), 0) : '—', num: true }
];

/** How many zones the site overlaps; their names on hover (the map shows them once the row is opened). */
function hitsCell(o) {
  const hits = o.hits || [];
  return Dom.el('span', { title: hits.map(h => h.name || h.featureId).join(I18n.t('listSep')) || null }, String(hits.length));
}

const collator = () => new Intl.Collator(app.lang === 'en' ? 'en' : 'zh-CN', { numeric: true });

function sorted() {
  const col = COLUMNS.find(c => c.key === table.key);
  const cmp = collator();
  return table.projects.map((o, i) => ({ o: o, i: i })).sort((a, b) => {
    const x = col.value(a.o), y = col.value(b.o);
    const ex = x == null || x === '', ey = y == null || y === '';
    if (ex || ey) return ex === ey ? a.i - b.i : ex ? 1 : -1;   // empty cells last, both ways
    const c = col.num ? x - y : cmp.compare(String(x), String(y));
    return c !== 0 ? c * table.dir : a.i - b.i;
  }).map(x => x.o);
}

function renderTable(focusKey) {
  const holder = document.getElementById('batch-table-box');
  if (!holder || !table) return;
  const rows = sorted();
  const head = Dom.el('tr', null, COLUMNS.map(c => {
    const on = c.key === table.key;
    return Dom.el('th', { scope: 'col', 'aria-sort': on ? (table.dir > 0 ? 'ascending' : 'descending') : 'none', 'data-key': c.key },
      Dom.el('button', { type: 'button', class: 'sort', 'data-key': c.key, title: I18n.t('batchSortHint'),
        onclick: () => sortBy(c.key) }, I18n.t(c.label), Dom.el('span', { class: 'sort-mark', 'aria-hidden': 'true' }, on ? (table.dir > 0 ? ' ▲' : ' ▼') : ' ↕')));
  }));
  const body = rows.map(o => Dom.el('tr', { class: 'project-row', 'data-row': o.row, 'data-verdict': o.verdict,
    onclick: e => { if (!(e.target.closest && e.target.closest('a'))) openProject(o); } },
  COLUMNS.map(c => Dom.el('td', { class: 'col-' + c.key + (c.num ? ' num' : '') }, c.cell(o)))));
  Dom.clear(holder).appendChild(Dom.el('div', { class: 'table-scroll' }, Dom.el('table', { class: 'data batch-projects', id: 'batch-projects' },
    Dom.el('caption', { class: 'visually-hidden' }, I18n.t('batchResults')),
    Dom.el('thead', null, head), Dom.el('tbody', null, body))));
  if (focusKey) {
    const b = holder.querySelector('button.sort[data-key="' + focusKey + '"]');
    if (b) b.focus();
  }
}

/** A click on a column's heading sorts by it; a second click reverses. */
function sortBy(key) {
  if (!table) return;
  if (table.key === key) table.dir = -table.dir; else { table.key = key; table.dir = 1; }
  renderTable(key);
}
export { sortBy as sortBatchTable };

// ---- a row's site on the map ----

/** The GeoJSON features of an uploaded GeoJSON list (lon/lat only), numbered as the server numbers rows (from 1). */
async function uploadedShapes(file) {
  if (mediaType(file.name) !== 'application/geo+json') return null;
  try {
    const doc = JSON.parse(await file.text());
    const features = doc.type === 'FeatureCollection' ? doc.features : doc.type === 'Feature' ? [doc] : null;
    return Array.isArray(features) ? { name: file.name, features: features } : null;
  } catch (e) {
    return null;
  }
}

function lonLat(g) {
  const ok = c => Array.isArray(c) && (typeof c[0] === 'number' ? Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90 : c.every(ok));
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && ok(g.coordinates);
}

/** A project's site: the result's own shape when it has one, else the uploaded GeoJSON feature of its row. */
function shapeOf(o) {
  if (o.siteGeometry && lonLat(o.siteGeometry)) return o.siteGeometry;
  const f = uploaded && !o.source && uploaded.features[o.row - 1];
  return f && lonLat(f.geometry) ? f.geometry : null;
}

/** Opens a project in the 选址研判 panel: its site drawn and zoomed to, its industry and name, its result. */
function openProject(o) {
  const g = shapeOf(o);
  const note = document.getElementById('batch-open-note');
  if (!g) {
    const text = I18n.t('batchNoShape');
    if (note) note.textContent = text; else document.getElementById('batch-table-box').before(Dom.el('p', { id: 'batch-open-note', class: 'error', role: 'status' }, text));
    return null;
  }
  if (note) note.remove();
  document.querySelectorAll('#batch-projects tr.selected').forEach(r => r.classList.remove('selected'));
  const tr = document.querySelector('#batch-projects tr[data-row="' + o.row + '"]');
  if (tr) tr.classList.add('selected');
  return Planner.openSiteInPlanner(g, { industry: o.industry, name: o.name, batchRow: o.row });
}
export function openBatchProject(row) {
  const o = table && table.projects.find(p => p.row === row);
  return o ? openProject(o) : null;
}

export function initBatch(catalog) {
  const select = document.getElementById('batch-industry');
  const fill = () => {
    const chosen = select.value;
    Dom.clear(select);
    select.appendChild(Dom.el('option', { value: '' }, I18n.t('batchNoDefault')));
    ((catalog && catalog.industries) || []).forEach(i => select.appendChild(Dom.el('option', { value: i.id }, I18n.pick(i))));
    select.value = chosen;
  };
  fill();
  I18n.onLanguage(fill);
  I18n.onLanguage(() => { if (table && document.getElementById('batch-table-box')) renderTable(); });
  document.getElementById('batch-start').addEventListener('click', start);
}
