// Starts the map: language, Leaflet, layers, panels; window.ecozone.ready tells tests (and people) when it is usable.
import { applyTheme, theme } from './theme.js';
import * as Hooks from './hooks.js';
import { app } from './state.js';
import * as AccessList from './accesslist.js';
import * as Basemaps from './basemaps.js';
import * as Batch from './batch.js';
import * as Context from './context.js';
import * as Dom from './dom.js';
import * as Forester from './forester.js';
import * as I18n from './i18n.js';
import * as Identify from './identify.js';
import * as Layers from './layers.js';
import * as Notice from './notice.js';
import * as Phone from './phone.js';
import * as Planner from './planner.js';
import * as Search from './search.js';
import * as Tiles from './tiles.js';

const tabListeners = {};
app.ready = false;

export function onTab(name, fn) { (tabListeners[name] = tabListeners[name] || []).push(fn); };

export function showTab(name, focus) {
  document.querySelectorAll('#tabs button').forEach(b => {
    const on = b.dataset.tab === name;
    b.classList.toggle('active', on);
    b.setAttribute('aria-selected', on ? 'true' : 'false');
    b.tabIndex = on ? 0 : -1;
    if (on && focus) b.focus();
  });
  document.querySelectorAll('.tab').forEach(s => s.classList.toggle('active', s.id === 'tab-' + name));
  // on a phone the identify panel shares the sheet with the tabs: another tab is another subject
  if (Phone.isPhone && Phone.isPhone() && Identify.closeIdentify) Identify.closeIdentify();
  (tabListeners[name] || []).forEach(fn => fn());
}

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
  showTab(tabs[j].dataset.tab, true);
}

/** The file input is hidden behind its Chinese/English label; the chosen file's name is shown in the page's language. */
function fileName() {
  const input = document.getElementById('site-file');
  const name = document.getElementById('site-file-name');
  const show = () => {
    const f = input.files && input.files[0];
    if (f) { name.removeAttribute('data-i18n'); name.textContent = f.name; } else { name.dataset.i18n = 'noFileChosen'; name.textContent = I18n.t('noFileChosen'); }
  };
  input.addEventListener('change', show);
  document.getElementById('clear-site').addEventListener('click', () => setTimeout(show, 0));
  show();
}

/** Popup attribute values that are vocabulary (优先保护, 劣Ⅴ, 已修复 …) in English when English is on. */
function translatePopups() {
  Layers.decoratePopups(e => {
    if (app.lang === 'en') {
      e.querySelectorAll('table.attrs td').forEach(td => { td.textContent = I18n.term(td.textContent); });
      e.querySelectorAll('.chart-legend span').forEach(s => { const t = s.lastChild; if (t && t.nodeType === 3) t.textContent = I18n.term(t.textContent); });
    }
    return e;
  });
}

/** Lets the user draw one polygon with leaflet-draw, then hands its GeoJSON geometry (lon/lat) to done. */
export function drawPolygon(done) {
  if (app.drawer) app.drawer.disable();
  app.drawing = true;
  app.drawer = new L.Draw.Polygon(app.map, { showArea: false, shapeOptions: { color: theme.site, weight: 2 } });
  app.drawer.enable();
  app.map.once(L.Draw.Event.CREATED, e => {
    app.drawer = null;
    setTimeout(() => { app.drawing = false; }, 0);  // the closing click must not also ask "which zones"
    done(e.layer.toGeoJSON().geometry);
  });
  app.map.once(L.Draw.Event.DRAWSTOP, () => setTimeout(() => { app.drawing = false; }, 0));
}

function drawLabels() {
  // leaflet-draw's tooltips in the page's language
  if (!L.drawLocal) return;
  const zh = app.lang !== 'en';
  L.drawLocal.draw.handlers.polygon.tooltip = zh
    ? { start: '单击开始绘制地块', cont: '单击继续绘制', end: '单击第一个点结束' }
    : { start: 'Click to start drawing the shape', cont: 'Click to continue drawing the shape', end: 'Click the first point to close this shape' };
}

async function start() {
  Hooks.installTestHooks();
  applyTheme(document.documentElement);
  I18n.initLanguage();
  drawLabels();
  I18n.onLanguage(drawLabels);
  app.map = L.map('map', { center: [40.1, 113.2], zoom: 9, zoomControl: true, preferCanvas: false });
  app.map.attributionControl.setPrefix(false);
  const attribution = () => Dom.esc(I18n.t('illustrative'));
  let current = attribution();
  app.map.attributionControl.addAttribution(current);
  I18n.onLanguage(() => { app.map.attributionControl.removeAttribution(current); current = attribution(); app.map.attributionControl.addAttribution(current); });
  L.control.scale({ imperial: false }).addTo(app.map);
  document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => showTab(b.dataset.tab)));
  document.getElementById('tabs').addEventListener('keydown', tabKeys);
  translatePopups();
  fileName();
  Phone.initPhone();
  Basemaps.initBasemaps();
  Basemaps.setBasemap('none');
  try {
    const catalog = await Layers.initLayers();
    Notice.initNotice(catalog);
    const bounds = Layers.catalogBounds();
    // not animated: the map is usable (and `ready`) only once the view has settled
    if (bounds) app.map.fitBounds(bounds, { padding: [10, 10], animate: false });
    AccessList.initAccessList();
    Identify.initIdentify();
    Tiles.initTiles();
    Context.initContext();
    Search.initSearch();
    Planner.initPlanner(catalog);
    Forester.initForester(catalog);
    Batch.initBatch(catalog);
    app.ready = true;
    document.body.classList.add('ready');
  } catch (e) {
    document.getElementById('layer-status').replaceWith(Dom.errorBox(e));
    console.error('map failed to start: ' + (e.detail || e.message));
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
