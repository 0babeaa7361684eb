// Editing a site's vertices on the map (选址研判): drag a vertex to move it, click (or tap) a vertex to delete it, click
// the small mark in the middle of an edge to insert a vertex there (or drag it to place the new vertex). Each edit can be
// undone. Works on any Polygon or MultiPolygon, holes included; a ring keeps at least three vertices. A focused vertex
// moves with the arrow keys (Shift: 10 px) and is deleted with Delete or Backspace.
import { theme } from './theme.js';
import { app } from './state.js';
import * as I18n from './i18n.js';
import * as Phone from './phone.js';

/** Beyond this many vertices the markers would make the map sluggish: editing is refused (the planner says so). */
const MAX_EDIT_VERTICES = 1000;

function clone(g) { return JSON.parse(JSON.stringify(g)); }

/** The polygons of a geometry as arrays of open rings (no repeated closing point). */
function openPolygons(g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.map(p => p.map(r => {
    const closed = r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1];
    return (closed ? r.slice(0, -1) : r.slice()).map(c => [c[0], c[1]]);
  }));
}

function closedGeometry(polys) {
  const close = p => p.map(r => r.concat([r[0].slice()]));
  return polys.length === 1 ? { type: 'Polygon', coordinates: close(polys[0]) } : { type: 'MultiPolygon', coordinates: polys.map(close) };
}

function vertexCount(g) {
  return openPolygons(g).reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}

/**
 * An editor drawing the site in `pane` on `map`. onChange(geometry) is called after every edit (and undo);
 * onState() whenever what can be undone changes. Answers {start(geometry), stop(), active(), geometry(), undo(),
 * canUndo(), reset(geometry)}.
 */
export function createSiteEditor(map, options) {
  const onChange = options.onChange || (() => {});
  const onState = options.onState || (() => {});
  let polys = null;       // open rings of the geometry being edited
  let history = [];       // earlier states (open rings), most recent last
  let shape = null;       // the polygon drawn while editing
  let markers = null;     // layer group of vertex and midpoint markers
  let on = false;
  // vertices above the site and the highlighted zones, so that they are what a click or a tap reaches
  const markerPane = 'site-edit';
  if (!map.getPane(markerPane)) map.createPane(markerPane).style.zIndex = '640';

  function geometry() { return polys ? closedGeometry(polys) : null; }

  function icon(kind) {
    const phone = Phone.isPhone && Phone.isPhone();
    const size = kind === 'vertex' ? (phone ? 22 : 12) : (phone ? 16 : 10);
    return L.divIcon({ className: 'site-' + kind, iconSize: [size, size] });
  }

  function redrawShape() {
    const latlngs = polys.map(p => p.map(r => r.map(c => [c[1], c[0]])));
    if (shape) shape.setLatLngs(latlngs);
    else shape = L.polygon(latlngs, { pane: options.pane, color: theme.site, weight: 3, fillOpacity: 0.1, interactive: false }).addTo(map);
  }

  function remember() {
    history.push(clone(polys));
    onState();
  }

  function changed() {
    redrawShape();
    drawMarkers();
    onChange(geometry());
    onState();
  }

  function latLngToCoord(ll) {
    return [Math.round(ll.lng * 1e7) / 1e7, Math.round(ll.lat * 1e7) / 1e7];
  }

  function drawMarkers() {
    if (markers) markers.clearLayers(); else markers = L.layerGroup().addTo(map);
    polys.forEach((p, pi) => p.forEach((r, ri) => {
      r.forEach((c, vi) => {
        const m = L.marker([c[1], c[0]], { icon: icon('vertex'), draggable: true, keyboard: true, pane: markerPane,
          title: I18n.t('vertexTitle'), alt: I18n.t('vertexTitle') });
        let before = null;
        m.on('dragstart', () => { before = clone(polys); });
        m.on('drag', e => { r[vi] = latLngToCoord(e.target.getLatLng()); redrawShape(); });
        m.on('dragend', e => {
          r[vi] = latLngToCoord(e.target.getLatLng());
          if (before) { history.push(before); before = null; }
          changed();
        });
        m.on('click', () => removeVertex(pi, ri, vi));
        m.on('add', () => {
          const el = m.getElement();
          if (!el) return;
          el.dataset.vertex = pi + '/' + ri + '/' + vi;
          el.addEventListener('keydown', e => vertexKey(e, m, r, vi, pi, ri));
        });
        markers.addLayer(m);
        // the mark in the middle of the edge to the next vertex: click to insert a vertex there, or drag it into place
        const n = r[(vi + 1) % r.length];
        const mid = L.marker([(c[1] + n[1]) / 2, (c[0] + n[0]) / 2], { icon: icon('midpoint'), draggable: true, keyboard: false,
          pane: markerPane, title: I18n.t('midpointTitle'), opacity: 0.75 });
        let inserted = false;
        mid.on('dragstart', () => { remember(); r.splice(vi + 1, 0, latLngToCoord(mid.getLatLng())); inserted = true; });
        mid.on('drag', e => { r[vi + 1] = latLngToCoord(e.target.getLatLng()); redrawShape(); });
        mid.on('dragend', e => { if (inserted) r[vi + 1] = latLngToCoord(e.target.getLatLng()); inserted = false; changed(); });
        mid.on('click', () => { remember(); r.splice(vi + 1, 0, latLngToCoord(mid.getLatLng())); changed(); });
        mid.on('add', () => { const el = mid.getElement(); if (el) el.dataset.midpoint = pi + '/' + ri + '/' + vi; });
        markers.addLayer(mid);
      });
    }));
  }

  function vertexKey(e, m, r, vi, pi, ri) {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault(); e.stopPropagation();
      removeVertex(pi, ri, vi);
      return;
    }
    const step = e.shiftKey ? 10 : 1;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!d) return;
    e.preventDefault(); e.stopPropagation();
    const p = map.latLngToContainerPoint(m.getLatLng()).add(L.point(d[0], d[1]));
    remember();
    r[vi] = latLngToCoord(map.containerPointToLatLng(p));
    changed();
    const again = markers.getLayers().find(x => x.getElement() && x.getElement().dataset.vertex === pi + '/' + ri + '/' + vi);
    if (again) again.getElement().focus();
  }

  function removeVertex(pi, ri, vi) {
    const r = polys[pi][ri];
    if (r.length <= 3) {
      if (options.onRefused) options.onRefused(I18n.t('vertexMinimum'));
      return;
    }
    remember();
    r.splice(vi, 1);
    changed();
  }

  function hide() {
    if (markers) { markers.remove(); markers = null; }
    if (shape) { shape.remove(); shape = null; }
  }

  return {
    MAX_EDIT_VERTICES: MAX_EDIT_VERTICES,
    /** Whether g can be edited here: a Polygon or MultiPolygon of at most MAX_EDIT_VERTICES vertices. */
    editable: g => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && vertexCount(g) <= MAX_EDIT_VERTICES,
    /** Shows the vertices of g (or of the geometry being edited, when g is null) for editing. */
    start(g) {
      if (g) polys = openPolygons(g);
      if (!polys) return;
      on = true;
      app.siteEditing = true;
      redrawShape();
      drawMarkers();
      onState();
    },
    /** Hides the markers (and the shape unless keepShape); the geometry and its history stay (start() again resumes). */
    stop(keepShape) {
      on = false;
      app.siteEditing = false;
      if (markers) { markers.remove(); markers = null; }
      if (!keepShape && shape) { shape.remove(); shape = null; }
      onState();
    },
    active: () => on,
    geometry: geometry,
    /** Forgets everything: a new site (or none). */
    reset(g) { hide(); on = false; app.siteEditing = false; history = []; polys = g ? openPolygons(g) : null; onState(); },
    canUndo: () => history.length > 0,
    undo() {
      if (!history.length) return false;
      polys = history.pop();
      if (on) changed(); else { onChange(geometry()); onState(); }
      return true;
    },
    vertexCount: vertexCount
  };
}
