// Large layers drawn from the server's tiles (OGC API – Tiles in WebMercatorQuad): at coarse zooms (≤ RASTER_MAX_ZOOM) the
// server's map tiles, PNGs it paints with the layer's style from the same features as its vector tiles; above, Mapbox
// Vector Tiles fetched, decoded with pbf (WebJar) and drawn on a canvas with the layer's style from styles/*.json. Either
// way every feature is on screen at every zoom. A registry of the tiles in place and the features drawn in each tells tests and
// benchmarks what is visible (tileReport, tilesSettled). Clicking a tile layer asks the API: identify lists the
// zones, and the topmost tile-drawn zone opens a popup with its exact geometry and attributes from /items/{id}.
import { theme } from './theme.js';
import { app } from './state.js';
import { observed } from './observed.js';
import * as Api from './api.js';
import * as Identify from './identify.js';
import * as Layers from './layers.js';


// ---- MVT (vector_tile.proto 2.1) reader on pbf -------------------------------------------------------------
function readTile(buf) {
  return new Pbf(new Uint8Array(buf)).readFields(tileField, {});
}

function tileField(tag, layers, pbf) {
  if (tag !== 3) return;
  const l = { name: '', extent: 4096, keys: [], values: [], features: [] };
  pbf.readFields(layerField, l, pbf.readVarint() + pbf.pos);
  layers[l.name] = l;
}

function layerField(tag, l, pbf) {
  if (tag === 1) l.name = pbf.readString();
  else if (tag === 5) l.extent = pbf.readVarint();
  else if (tag === 3) l.keys.push(pbf.readString());
  else if (tag === 4) l.values.push(readValue(pbf));
  else if (tag === 2) {
    const f = { id: undefined, tags: [], type: 0, geometry: [] };
    pbf.readFields(featureField, f, pbf.readVarint() + pbf.pos);
    l.features.push(f);
  }
}

function featureField(tag, f, pbf) {
  if (tag === 1) f.id = pbf.readVarint();
  else if (tag === 2) pbf.readPackedVarint(f.tags);
  else if (tag === 3) f.type = pbf.readVarint();
  else if (tag === 4) pbf.readPackedVarint(f.geometry);
}

function readValue(pbf) {
  const end = pbf.readVarint() + pbf.pos;
  let v = null;
  while (pbf.pos < end) {
    const tag = pbf.readVarint() >> 3;
    if (tag === 1) v = pbf.readString();
    else if (tag === 2) v = pbf.readFloat();
    else if (tag === 3) v = pbf.readDouble();
    else if (tag === 4) v = pbf.readVarint(true);
    else if (tag === 5) v = pbf.readVarint();
    else if (tag === 6) v = pbf.readSVarint();
    else if (tag === 7) v = pbf.readBoolean();
    else v = null;
  }
  return v;
}

function properties(l, f) {
  const p = {};
  for (let i = 0; i + 1 < f.tags.length; i += 2) p[l.keys[f.tags[i]]] = l.values[f.tags[i + 1]];
  return p;
}

/** Geometry commands → rings (flat [x0, y0, x1, y1, …] in tile units); points are one-pair rings. */
function rings(geom) {
  const out = [];
  let ring = null, x = 0, y = 0, i = 0;
  while (i < geom.length) {
    const c = geom[i++], cmd = c & 7, n = c >> 3;
    if (cmd === 1 || cmd === 2) {
      for (let k = 0; k < n && i + 1 < geom.length; k++) {
        x += (geom[i] >>> 1) ^ -(geom[i] & 1);
        y += (geom[i + 1] >>> 1) ^ -(geom[i + 1] & 1);
        i += 2;
        if (cmd === 1 || !ring) { ring = [x, y]; out.push(ring); } else ring.push(x, y);
      }
    }
    // 7 ClosePath: canvas closes the sub-path itself
  }
  return out;
}
export const mvt = { readTile: readTile, properties: properties, rings: rings };

// ---- drawing ----------------------------------------------------------------------------------------------
/** Draws one decoded tile layer on a 2D context; answers the ids of the features drawn. */
function draw(ctx, l, tileLayer, size, z, cssSize) {
  const s = size / (tileLayer.extent || 4096);
  // at national and provincial zooms full-width outlines would bury the fills of small features
  const thin = z < 8 ? 0.5 : 1;
  const ids = [];
  const idProp = l.def.idProperty;
  const point = l.def.geometryType === 'point';
  const cache = new Map();
  for (const f of tileLayer.features) {
    const p = properties(tileLayer, f);
    const key = l.style && l.style.property ? String(p[l.style.property]) : '';
    let st = cache.get(key);
    if (!st) { st = Layers.styleFor(l.style, p); cache.set(key, st); }
    const rs = rings(f.geometry);
    if (!rs.length) continue;
    ids.push(p[idProp] != null ? String(p[idProp]) : String(f.id));
    const dpr = size / cssSize;
    ctx.beginPath();
    if (f.type === 1 || point) {
      const r = (st.radius || 6) * dpr;
      rs.forEach(ring => { for (let k = 0; k + 1 < ring.length; k += 2) { ctx.moveTo(ring[k] * s + r, ring[k + 1] * s); ctx.arc(ring[k] * s, ring[k + 1] * s, r, 0, 2 * Math.PI); } });
    } else {
      rs.forEach(ring => {
        ctx.moveTo(ring[0] * s, ring[1] * s);
        for (let k = 2; k + 1 < ring.length; k += 2) ctx.lineTo(ring[k] * s, ring[k + 1] * s);
        if (f.type === 3) ctx.closePath();
      });
    }
    if (f.type !== 2 && st.fill !== false) {
      ctx.globalAlpha = st.fillOpacity == null ? 0.2 : st.fillOpacity;
      ctx.fillStyle = st.fillColor || st.color;
      ctx.fill('evenodd');
    }
    if (st.stroke !== false && (st.weight || 0) > 0) {
      ctx.globalAlpha = st.opacity == null ? 1 : st.opacity;
      ctx.strokeStyle = st.color;
      ctx.lineWidth = st.weight * dpr * thin;
      ctx.setLineDash(st.dashArray ? String(st.dashArray).split(/[ ,]+/).map(Number).map(v => v * dpr) : []);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  return ids;
}
export { draw as drawTileLayer };

// ---- the Leaflet layer ------------------------------------------------------------------------------------
/**
 * Up to this map zoom a tile layer draws the server's map tiles (PNG painted from the same coarse-grid features the
 * vector tile holds, /collections/{id}/map/tiles/…); above it, vector tiles. Map zoom 8 is server zoom 7, the last
 * zoom whose tiles are made on the coarse 512-unit grid (one unit per pixel of these 512-pixel tiles): there a map tile
 * is the vector tile drawn by the server, pixel for pixel, and the browser decodes a PNG instead of up to 2 MB of MVT
 * and tens of thousands of features per tile. ?raster=N changes it (0 draws vector tiles at every zoom).
 */
const RASTER_PARAM = parseInt(new URLSearchParams(location.search).get('raster'), 10);
export const RASTER_MAX_ZOOM = Number.isFinite(RASTER_PARAM) ? RASTER_PARAM : 8;

/** True when tiles of this map zoom are drawn from the server's map tiles (PNG). */
export function rasterAt(z) {
  return z <= RASTER_MAX_ZOOM;
}

const MvtLayer = L.GridLayer.extend({
  // 512-pixel tiles, each one server tile of the zoom level above (z − 1): a quarter of the requests, and the
  // server's grid (4096 units a tile) is still 8 units a pixel — at national zooms this halves what is sent
  options: { tileSize: 512, updateWhenZooming: false, keepBuffer: 1, minZoom: 1, maxNativeZoom: 21 },

  initialize: function (l, options) {
    L.setOptions(this, options);
    this._ez = l;
    this.registry = new Map();     // tile key → {z, x, y, status: 'pending' | 200 | 204 | 'failed', ids, ms}
    this.stats = { requested: 0, ok: 0, empty: 0, failed: 0, aborted: 0, features: 0, bytes: 0, rasterTiles: 0 };
    this.failures = [];
    this.on('tileunload', e => {
      const key = this._tileCoordsToKey(e.coords);
      const entry = this.registry.get(key);
      if (entry && entry.status === 'pending' && entry.abort) { entry.abort.abort(); }
      this.registry.delete(key);
    });
  },

  tileUrl: function (c) {
    if (rasterAt(c.z)) return this.mapTileUrl(c);
    return '/collections/' + encodeURIComponent(this._ez.def.id) + '/tiles/WebMercatorQuad/' + (c.z - 1) + '/' + c.y + '/' + c.x;
  },

  /** The server's 512-pixel map tile (scale=2) of the tile a level up: the same ground as this 512-pixel tile. */
  mapTileUrl: function (c) {
    return '/collections/' + encodeURIComponent(this._ez.def.id) + '/map/tiles/WebMercatorQuad/' + (c.z - 1) + '/' + c.y + '/' + c.x + '?scale=2';
  },

  createTile: function (coords, done) {
    const canvas = L.DomUtil.create('canvas', 'tile-mvt');
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const size = this.getTileSize().x * dpr;
    canvas.width = size;
    canvas.height = size;
    const key = this._tileCoordsToKey(coords);
    const entry = { z: coords.z, x: coords.x, y: coords.y, status: 'pending', ids: [], abort: new AbortController(), t0: performance.now(),
      raster: rasterAt(coords.z), canvas: canvas };
    this.registry.set(key, entry);
    this.stats.requested++;
    if (entry.raster) return this.createRasterTile(coords, canvas, entry, done);
    Api.request(this.tileUrl(coords), { signal: entry.abort.signal, accept: 'application/vnd.mapbox-vector-tile', as: 'arrayBuffer' })
      .then(buf => {
        if (buf && buf.byteLength) {
          this.stats.bytes += buf.byteLength;
          const tile = readTile(buf);
          const tl = tile[this._ez.def.id];
          if (tl) entry.ids = draw(canvas.getContext('2d'), this._ez, tl, size, coords.z, this.getTileSize().x);
        }
        entry.status = buf && buf.byteLength ? 200 : 204;
        if (entry.status === 200) this.stats.ok++; else this.stats.empty++;
        this.stats.features += entry.ids.length;
        entry.drawnAt = performance.now();
        entry.ms = entry.drawnAt - entry.t0;
        entry.abort = null;
        done(null, canvas);
      })
      .catch(e => this.tileFailed(coords, canvas, entry, done, e));
    return canvas;
  },

  /** A map tile: the PNG decoded off the main thread (createImageBitmap) and drawn on the tile's canvas. */
  createRasterTile: function (coords, canvas, entry, done) {
    Api.request(this.tileUrl(coords), { signal: entry.abort.signal, accept: 'image/png', as: 'blob' })
      .then(blob => blob && blob.size ? createImageBitmap(blob).then(bmp => ({ blob: blob, bmp: bmp })) : null)
      .then(img => {
        if (img) {
          this.stats.bytes += img.blob.size;
          const ctx = canvas.getContext('2d');
          ctx.drawImage(img.bmp, 0, 0, canvas.width, canvas.height);
          if (img.bmp.close) img.bmp.close();
        }
        entry.status = img ? 200 : 204;
        if (entry.status === 200) this.stats.ok++; else this.stats.empty++;
        this.stats.rasterTiles++;
        entry.drawnAt = performance.now();
        entry.ms = entry.drawnAt - entry.t0;
        entry.abort = null;
        done(null, canvas);
      })
      .catch(e => this.tileFailed(coords, canvas, entry, done, e));
    return canvas;
  },

  tileFailed: function (coords, canvas, entry, done, e) {
    entry.abort = null;
    if (e.name === 'AbortError') { this.stats.aborted++; return; }
    entry.status = 'failed';
    entry.error = e.message;
    this.stats.failed++;
    this.failures.push(this.tileUrl(coords) + ': ' + e.message);
    done(e, canvas);
  },

  /**
   * For tests and benchmarks: which of the points [[lon, lat], …] have no painted pixel (alpha > 0) of this layer
   * within radius CSS pixels (default 1) in the tiles on screen — answers their indexes. A point outside every
   * visible tile counts as unpainted.
   */
  unpaintedAt: function (points, radius) {
    const map = this._map;
    const z = this._tileZoom != null ? this._tileZoom : Math.round(map.getZoom());
    const ts = this.getTileSize().x;
    const r = radius == null ? 1 : radius;
    const pixels = new Map();
    const out = [];
    points.forEach((p, i) => {
      const pt = map.project(L.latLng(p[1], p[0]), z);
      const tx = Math.floor(pt.x / ts), ty = Math.floor(pt.y / ts);
      const key = tx + ':' + ty + ':' + z;
      const e = this.registry.get(key);
      if (!e || (e.status !== 200 && e.status !== 204)) { out.push(i); return; }
      if (e.status === 204) { out.push(i); return; }
      let data = pixels.get(key);
      if (!data) {
        data = e.canvas.getContext('2d').getImageData(0, 0, e.canvas.width, e.canvas.height);
        pixels.set(key, data);
      }
      const k = data.width / ts;
      const cx = (pt.x - tx * ts) * k, cy = (pt.y - ty * ts) * k, rr = Math.max(1, r * k);
      let painted = false;
      for (let y = Math.max(0, Math.floor(cy - rr)); !painted && y <= Math.min(data.height - 1, Math.floor(cy + rr)); y++) {
        for (let x = Math.max(0, Math.floor(cx - rr)); x <= Math.min(data.width - 1, Math.floor(cx + rr)); x++) {
          if (data.data[(y * data.width + x) * 4 + 3] > 0) { painted = true; break; }
        }
      }
      if (!painted) out.push(i);
    });
    return out;
  },

  /** The tiles the current view needs from this layer (inside the layer's bounds), as registry keys. */
  visibleKeys: function () {
    const map = this._map;
    if (!map) return [];
    const z = this._tileZoom != null ? this._tileZoom : Math.round(map.getZoom());
    const pb = map.getPixelBounds(map.getCenter(), z);
    const ts = this.getTileSize().x;
    const n = Math.pow(2, z) * 256 / ts;
    const keys = [];
    for (let x = Math.floor(pb.min.x / ts); x <= Math.floor((pb.max.x - 1) / ts); x++) {
      for (let y = Math.max(0, Math.floor(pb.min.y / ts)); y <= Math.min(n - 1, Math.floor((pb.max.y - 1) / ts)); y++) {
        const c = L.point(x, y);
        c.z = z;
        if (!this._isValidTile(c)) continue;
        keys.push(this._tileCoordsToKey(c));
      }
    }
    return keys;
  },

  /**
   * What is on screen: tiles needed, answered (200/204), failed, pending, how many of them are map tiles (raster), and
   * the distinct features drawn in the vector tiles among them (a map tile's features are not known to the page: see
   * unpaintedAt).
   */
  report: function () {
    const keys = this.visibleKeys();
    const ids = new Set();
    let ok = 0, empty = 0, failed = 0, pending = 0, missing = 0, raster = 0;
    keys.forEach(k => {
      const e = this.registry.get(k);
      if (!e) { missing++; return; }
      if (e.raster) raster++;
      if (e.status === 200) ok++; else if (e.status === 204) empty++; else if (e.status === 'failed') failed++; else pending++;
      e.ids.forEach(i => ids.add(i));
    });
    return { layer: this._ez.def.id, zoom: this._map ? this._map.getZoom() : null, tiles: keys.length, ok: ok, empty: empty,
      failed: failed, pending: pending, missing: missing, raster: raster, features: ids.size, featureCount: this._ez.def.featureCount,
      requested: this.stats.requested, aborted: this.stats.aborted, failedEver: this.stats.failed, bytes: this.stats.bytes, rasterTiles: this.stats.rasterTiles,
      failures: this.failures.slice(0, 10) };
  },

  /** The distinct feature ids drawn in the visible tiles. */
  drawnIds: function () {
    const ids = new Set();
    this.visibleKeys().forEach(k => { const e = this.registry.get(k); if (e) e.ids.forEach(i => ids.add(i)); });
    return Array.from(ids);
  }
});

/** A vector-tile layer for a catalog layer (drawn in its pane, only inside its extent). */
export function tileLayer(l) {
  const opts = { pane: 'pane-' + l.def.id };
  if (l.def.bbox) {
    const b = l.def.bbox;
    opts.bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]).pad(0.02);
  }
  return new MvtLayer(l, opts).on('load', noteTilesSettled);
}

/**
 * Called when a tile layer has loaded every tile it needs and when the GeoJSON layers are in: once everything is
 * drawn, observed.settledAt is set to that frame's time (ms since navigation), and the first time also observed.firstFullPaint.
 */
export function noteTilesSettled() {
  if (!app.layersLoaded || !tilesSettled()) return;
  if (observed.firstSettledCheck == null) observed.firstSettledCheck = performance.now();
  requestAnimationFrame(() => {
    if (!tilesSettled()) return;
    observed.settledAt = performance.now();
    if (observed.firstFullPaint == null) observed.firstFullPaint = observed.settledAt;
  });
}

/** Every visible tile layer's report (see MvtLayer.report). */
export function tileReport() {
  return Object.values(app.layers).filter(l => l.mode === 'tiles' && l.visible && l.tiles).map(l => l.tiles.report());
}

/** True when every tile the view needs from every visible tile layer has been answered and drawn. */
export function tilesSettled() {
  return tileReport().every(r => r.pending === 0 && r.missing === 0);
}

// ---- clicks on tile layers: popup from the API ------------------------------------------------------------
let highlight = null;

async function popupFromApi(state) {
  if (!state || !state.zones || !state.zones.length) return;
  // the topmost layer hit decides: a GeoJSON layer opens its own popup; a tile layer's feature is fetched
  const hits = state.zones.map(z => ({ z: z, l: app.layers[z.collection] })).filter(h => h.l && h.l.visible && h.l.def.kind !== 'admin');
  if (!hits.length) return;
  const order = Object.keys(app.layers);
  hits.sort((a, b) => order.indexOf(b.z.collection) - order.indexOf(a.z.collection));
  const top = hits[0];
  if (top.l.mode !== 'tiles') return;
  const f = await Api.getJson('/collections/' + encodeURIComponent(top.z.collection) + '/items/' + encodeURIComponent(top.z.featureId) + '?f=json');
  if (app.lastIdentify !== state) return;
  showFeature(top.l, f, L.latLng(state.lat, state.lon));
}

/** Outlines a tile layer's feature (exact geometry from the API) and opens its popup at latlng (or its centre). */
function showFeature(l, f, latlng) {
  if (highlight) app.map.removeLayer(highlight);
  highlight = L.geoJSON(f, { pane: 'tile-selected', interactive: false,
    style: () => Object.assign(Layers.styleFor(l.style, f.properties), { weight: 3, fillOpacity: 0.1, color: theme.picked, dashArray: null }) }).addTo(app.map);
  // the info panel covers the map's right side: the popup is panned clear of it
  const panel = document.getElementById('identify');
  const right = panel && !panel.hidden ? panel.getBoundingClientRect().width + 20 : 5;
  const popup = L.popup({ maxWidth: 360, className: 'tile-popup', autoPanPaddingBottomRight: L.point(right, 20) })
    .setLatLng(latlng || highlight.getBounds().getCenter()).setContent(Layers.popupContent(l, f)).openOn(app.map);
  popup.on('remove', () => { if (highlight) { app.map.removeLayer(highlight); highlight = null; } });
  return highlight;
}
export { showFeature as showTileFeature };

export function initTiles() {
  app.map.getPane('tile-selected').style.pointerEvents = 'none';
  // a move that needs no new tile fires no 'load': settled as soon as it ends
  app.map.on('moveend', noteTilesSettled);
  Identify.onIdentified(popupFromApi);
}
