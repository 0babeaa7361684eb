// Offline context: without a base map the zoning still has a geography. District outlines come from the admin layer
// (drawn like any layer); this adds names as labels: districts always, control units from zoom 11 once few enough are in view
// (/map/labels answers complete: false above its limit). Labels sit at a point inside each feature and are thinned
// so that none overlap; admin names win over unit names.
import { app } from './state.js';
import { observed } from './observed.js';
import * as Api from './api.js';
import * as Dom from './dom.js';

const UNIT_LIMIT = 300;
const UNIT_MIN_ZOOM = 11;
const ADMIN_LIMIT = 3000;
let group = null;
let abort = null;
let timer = null;
observed.contextLabels = { admin: 0, unit: 0, unitComplete: false, done: false };

function specs() {
  const near = app.map.getZoom() >= UNIT_MIN_ZOOM;
  return Object.values(app.layers).filter(l => l.visible && l.def.geometryType !== 'point' && (l.def.kind === 'admin' || (near && l.def.kind === 'control_unit')))
    .map(l => l.def.kind === 'admin' ? { l: l, kind: 'admin', limit: ADMIN_LIMIT, font: 13 } : { l: l, kind: 'unit', limit: UNIT_LIMIT, font: 11 });
}

async function refresh() {
  if (abort) abort.abort();
  const mine = abort = new AbortController();
  observed.contextLabels.done = false;
  const b = app.map.getBounds();
  const bbox = [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())]
    .map(x => x.toFixed(5)).join(',');
  let answers;
  try {
    // a layer whose labels fail is left unlabelled (and counted incomplete); an abort (the view moved on) stops all
    answers = await Promise.all(specs().map(s => Api.getJson('/map/labels/' + encodeURIComponent(s.l.def.id) + '?' + Api.query({ bbox: bbox, limit: s.limit }),
      { signal: mine.signal }).catch(e => { if (e.name === 'AbortError') throw e; console.warn('labels ' + s.l.def.id + ': ' + (e.detail || e.message)); return { labels: [], complete: false }; })
      .then(j => ({ s: s, j: j }))));
  } catch (e) {
    if (e.name !== 'AbortError') console.warn('labels: ' + e.message);
    return;
  }
  if (mine !== abort) return;
  place(answers);
}

/** Greedy placement in screen space: admin labels first, then units; a label overlapping a placed one is left out. */
function place(answers) {
  group.clearLayers();
  const boxes = [];
  const counts = { admin: 0, unit: 0 };
  let unitComplete = true;
  answers.sort((a, b) => (a.s.kind === 'admin' ? 0 : 1) - (b.s.kind === 'admin' ? 0 : 1));
  answers.forEach(({ s, j }) => {
    if (s.kind === 'unit') unitComplete = unitComplete && !!j.complete;
    (j.labels || []).forEach(lb => {
      const p = app.map.latLngToContainerPoint([lb.lat, lb.lon]);
      const w = String(lb.name).length * s.font + 8, h = s.font + 6;
      const box = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      if (boxes.some(o => box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1])) return;
      boxes.push(box);
      counts[s.kind]++;
      L.marker([lb.lat, lb.lon], { pane: 'ctx-labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'ctx-label ctx-label-' + s.kind, iconSize: null,
          html: '<span data-id="' + Dom.esc(lb.id) + '">' + Dom.esc(lb.name) + '</span>' }) }).addTo(group);
    });
  });
  observed.contextLabels = { admin: counts.admin, unit: counts.unit, unitComplete: unitComplete, done: true };
}

export function initContext() {
  const pane = app.map.createPane('ctx-labels');
  pane.style.zIndex = '580';
  pane.style.pointerEvents = 'none';
  group = L.layerGroup().addTo(app.map);
  app.map.on('moveend', () => { clearTimeout(timer); timer = setTimeout(refresh, 150); });
  // a layer switched off takes its labels along
  document.getElementById('legend').addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(refresh, 50); });
  return refresh();
}
