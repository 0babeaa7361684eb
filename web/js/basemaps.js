// Base maps: none (default; works offline, the district layer and labels are the background), OpenStreetMap, or 天地图
// with a key. A base map whose tiles fail to load (offline, blocked, wrong key) says so in a notice; the map keeps working.
import { app } from './state.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';

let current = [];
let currentName = 'none';
let notice = null;

/** Tile URL templates (tests point them elsewhere). */
export const basemapUrls = {
  osm: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tianditu: 'https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}' +
    '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}'
};

function tianditu(layer, key) {
  return L.tileLayer(basemapUrls.tianditu, { layer: layer, tk: encodeURIComponent(key),
    subdomains: '01234567', maxZoom: 18, attribution: '&copy; 天地图 Tianditu' });
}

function key() {
  const cfg = window.ECOZONE_CONFIG || {};
  let k = cfg.tiandituKey;
  try { k = localStorage.getItem('ecozone.tiandituKey') || k; } catch (e) { /* no storage */ }
  return k || '';
}

function title(name) {
  return I18n.t(name === 'osm' ? 'basemapOsm' : 'basemapTianditu');
}

/** The failure notice over the map (one at a time), in the page's language. */
function showFailure(name) {
  if (notice && notice.name === name) return;
  hideFailure();
  const box = Dom.el('div', { class: 'ctx-basemap-notice', role: 'alert', 'data-basemap': name });
  const render = () => {
    Dom.clear(box);
    box.appendChild(Dom.el('span', { class: 'ctx-basemap-notice-text' }, I18n.t('basemapFailed', { name: title(name) })));
    box.appendChild(Dom.el('button', { type: 'button', class: 'ctx-basemap-none', onclick: () => {
      document.getElementById('basemap').value = 'none';
      setBasemap('none');
    } }, I18n.t('useNoBasemap')));
    box.appendChild(Dom.el('button', { type: 'button', class: 'ctx-basemap-close', 'aria-label': I18n.t('close'), onclick: hideFailure }, '×'));
  };
  render();
  L.DomEvent.disableClickPropagation(box);
  app.map.getContainer().appendChild(box);
  notice = { name: name, box: box, render: render };
}

function hideFailure() {
  if (notice) notice.box.remove();
  notice = null;
}
export const basemapNotice = () => notice ? notice.box : null;

export function setBasemap(name) {
  current.forEach(l => app.map.removeLayer(l));
  current = [];
  currentName = name;
  hideFailure();
  document.getElementById('tianditu-key-box').hidden = name !== 'tianditu';
  if (name === 'osm') {
    current = [L.tileLayer(basemapUrls.osm,
      { maxZoom: 19, attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' })];
  } else if (name === 'tianditu' && key()) {
    current = [tianditu('vec', key()), tianditu('cva', key())];
  }
  current.forEach(l => {
    l.on('tileerror', () => { if (currentName === name && current.includes(l)) showFailure(name); });
    l.addTo(app.map);
  });
}

export function initBasemaps() {
  const select = document.getElementById('basemap');
  const input = document.getElementById('tianditu-key');
  input.value = key();
  select.value = 'none';
  select.addEventListener('change', () => setBasemap(select.value));
  document.getElementById('tianditu-apply').addEventListener('click', () => {
    try { localStorage.setItem('ecozone.tiandituKey', input.value.trim()); } catch (e) { /* keep for this page only */ }
    setBasemap('tianditu');
  });
  I18n.onLanguage(() => { if (notice) notice.render(); });
}
