// 选址研判: draw or upload a site, run /analysis/site-check, show the verdict, 逐维度研判, the industries banned here,
// hits and the clauses by dimension and level; highlight the hit zones; reports. The reports always re-send the exact
// request of the result on screen, and changing 行业 or 项目名称 re-runs the check (report buttons wait for it).
(function () {
  'use strict';
  const ez = window.ecozone;
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
    return ez.query({ industry: q.industry, name: q.name, f: f });
  }

  /** The URL a report button sends (with the request's body): the query of the result on screen. */
  ez.reportUrl = function (f) {
    return request && result ? '/analysis/site-check?' + params(request.query, f) : null;
  };

  /** Runs the check; body is a string or bytes (国土 TXT files are often GBK: sent as they are, the server decodes). */
  ez.siteCheck = async function (body, type, geojson, uploaded, options) {
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
    renderResult(ez.t('checking'));
    let r = null;
    let err = null;
    try {
      r = await ez.post('/analysis/site-check?' + params(q, 'json'), body, type);
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
    ez.lastSiteCheck = result || { error: error };
    updateClear();
    renderResult();
    if (result) await highlightHits(result, fromEditor);
    if (result && editor && !fromEditor) editor.reset(siteGeometry());
    updateClear();
    return result;
  };

  function rerun() {
    if (!request) return;
    ez.siteCheck(request.body, request.type, request.geojson, request.uploaded);
  }

  function clearMap() {
    if (siteLayer) siteLayer.remove();
    if (hitLayer) hitLayer.remove();
    siteLayer = null;
    hitLayer = null;
    shapeNote = null;
  }

  /** 清除: forgets the site, its result and highlights. */
  ez.clearSite = function () {
    seq++;
    if (ez.drawer) ez.drawer.disable();
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
    ez.lastSiteCheck = null;
    updateClear();
    renderResult();
  };

  function updateClear() {
    document.getElementById('clear-site').disabled = !(request || result || error || siteLayer);
    const done = !!(request && result);
    ['export-txt', 'export-geojson', 'permalink'].forEach(id => { const b = document.getElementById(id); if (b) b.disabled = !done || busy; });
    const edit = document.getElementById('edit-site');
    if (edit && editor) {
      const g = siteGeometry();
      const can = done && !busy && editor.editable(g);
      edit.disabled = !can && !editor.active();
      edit.title = done && g && !editor.editable(g) ? ez.t('editTooMany', { max: editor.MAX_EDIT_VERTICES }) : '';
      edit.textContent = ez.t(editor.active() ? 'editDone' : 'editSite');
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
    const drawing = !!(ez.drawer && ez.drawer._markers && ez.drawer._markers.length);
    undo.disabled = !(drawing || (editor && editor.canUndo()));
    undo.textContent = ez.t(drawing || !(editor && editor.canUndo()) ? 'undoVertex' : 'undoEdit');
  }

  function undo() {
    if (ez.drawer && ez.drawer._markers && ez.drawer._markers.length) ez.drawer.deleteLastVertex();
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
    ez.editedSiteGeometry = siteEdited ? g : null;
    updateClear();
    renderResult(busy ? ez.t('checking') : null);
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
    ez.lastSiteGeometry = g;
    return ez.siteCheck(JSON.stringify(g), 'application/json', { type: 'Feature', properties: {}, geometry: g }, false, { fromEditor: true });
  }
  ez.recheckSite = recheck;

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
    ez.clear(box);
    if (!toolNote) return;
    box.className = toolNote.kind === 'error' ? 'error' : 'hint';
    box.appendChild(ez.el('span', null, toolNote.text));
    if (toolNote.back) {
      box.appendChild(ez.el('button', { type: 'button', class: 'link-button', id: 'back-to-' + toolNote.back, style: 'margin-left:6px',
        onclick: () => ez.showTab(toolNote.back, true) }, ez.t('batchBackToList')));
    }
    if (toolNote.link) {
      box.appendChild(ez.el('input', { id: 'permalink-url', type: 'text', readonly: true, value: toolNote.link, 'aria-label': ez.t('permalink'),
        style: 'display:block;width:100%;box-sizing:border-box;margin-top:4px',
        onfocus: e => e.target.select() }));
    }
  }

  function siteGeometry() {
    if (!result) return null;
    if (result.siteGeometry) return result.siteGeometry;
    const g = request && request.geojson;
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
  ez.encodeSite = function (g) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
    if (!polys) return null;
    return polys.map(p => p.map(encodeRing).join(';')).join('!');
  };

  ez.decodeSite = function (text) {
    const polys = text.split('!').map(p => p.split(';').map(decodeRing));
    return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  };

  /** The link of the site and result on screen, or null with a note when it would be too long. */
  ez.permalink = function () {
    const g = currentSite();
    const code = g && ez.encodeSite(g);
    if (!code) return null;
    const hash = '#' + ez.query({ site: code, industry: request.query.industry, name: request.query.name || (request.uploaded && result.name !== '未命名地块' ? result.name : '') });
    if (hash.length > PERMALINK_MAX) {
      toolNote = { text: ez.t('permalinkTooLong', { max: PERMALINK_MAX }), kind: 'error' };
      renderTools();
      return null;
    }
    history.replaceState(null, '', location.pathname + location.search + hash);
    const link = location.href;
    toolNote = { text: ez.t('permalinkCopied'), link: link };
    renderTools();
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).catch(() => { /* the field shows it */ });
    return link;
  };

  /** Reopens the site of a permalink (#site=…&industry=…&name=…): the same form, the check run again. */
  function openPermalink() {
    const h = new URLSearchParams(location.hash.replace(/^#/, ''));
    const code = h.get('site');
    if (!code) return false;
    let geometry;
    try {
      geometry = ez.decodeSite(code);
    } catch (e) {
      toolNote = { text: ez.t('permalinkBad', { detail: e.message }), kind: 'error' };
      renderTools();
      return false;
    }
    const select = document.getElementById('industry');
    if (h.get('industry') && Array.from(select.options).some(o => o.value === h.get('industry'))) select.value = h.get('industry');
    if (h.get('name')) { document.getElementById('project-name').value = h.get('name'); nameAuto = false; }
    ez.showTab('planner');
    ez.lastSiteGeometry = geometry;
    fromLink = true;
    ez.siteCheck(JSON.stringify(geometry), 'application/json', { type: 'Feature', properties: {}, geometry: geometry }, false);
    return true;
  }

  /**
   * Opens a site from elsewhere (a batch result's row) in this panel: the industry and name set, the site drawn, zoomed
   * to and checked. The tools' note says where it came from and leads back.
   */
  ez.openSiteInPlanner = function (geometry, options) {
    const o = options || {};
    const select = document.getElementById('industry');
    select.value = o.industry && Array.from(select.options).some(x => x.value === o.industry) ? o.industry : '';
    const name = document.getElementById('project-name');
    name.value = o.name || '';
    nameAuto = !o.name;
    ez.showTab('planner');
    ez.lastSiteGeometry = geometry;
    const done = ez.siteCheck(JSON.stringify(geometry), 'application/json', { type: 'Feature', properties: {}, geometry: geometry }, false);
    if (o.batchRow != null) {
      toolNote = { text: ez.t('batchOpened', { row: o.batchRow, name: o.name || ez.t('unnamedSite') }), back: 'batch' };
      renderTools();
    }
    return done;
  };

  /** Downloads the site on screen as 国土 TXT or GeoJSON, written by the server from the request's own body. */
  ez.exportSite = async function (format) {
    if (!request || !result) return null;
    const q = { format: format, name: request.query.name || result.name || '' };
    // an edited site is exported as edited, whether or not it has been checked again
    const body = siteEdited ? JSON.stringify(currentSite()) : request.body;
    const type = siteEdited ? 'application/json' : request.type;
    try {
      const blob = await ez.post('/analysis/site-export?' + ez.query(q), body, type, true);
      const file = (q.name || '地块') + (format === 'txt' ? '-界址点.txt' : '.geojson');
      const url = URL.createObjectURL(new Blob([blob], { type: format === 'txt' ? 'text/plain;charset=utf-8' : 'application/geo+json' }));
      const a = ez.el('a', { href: url, download: file, id: 'site-export-download' });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      ez.lastSiteExport = { format: format, file: file, text: await new Blob([blob]).text() };
      return ez.lastSiteExport;
    } catch (e) {
      toolNote = { text: (e.title ? e.title + ' ' : '') + (e.detail || e.message), kind: 'error' };
      renderTools();
      return null;
    }
  };

  function initTools() {
    const clear = document.getElementById('clear-site');
    const undoButton = ez.el('button', { type: 'button', id: 'undo-vertex', disabled: true, title: 'Backspace / Ctrl+Z', onclick: undo }, ez.t('undoVertex'));
    const buttons = [undoButton,
      ez.el('button', { type: 'button', id: 'edit-site', disabled: true, 'aria-pressed': 'false', onclick: toggleEditing }, ez.t('editSite')),
      ez.el('button', { type: 'button', id: 'recheck-site', disabled: true, onclick: recheck }, ez.t('recheckSite')),
      ez.el('button', { type: 'button', id: 'export-txt', disabled: true, onclick: () => ez.exportSite('txt') }, ez.t('exportTxt')),
      ez.el('button', { type: 'button', id: 'export-geojson', disabled: true, onclick: () => ez.exportSite('geojson') }, ez.t('exportGeojson')),
      ez.el('button', { type: 'button', id: 'permalink', disabled: true, onclick: () => ez.permalink() }, ez.t('permalink'))];
    buttons.forEach(b => clear.parentNode.appendChild(b));
    clear.parentNode.after(ez.el('p', { id: 'site-tools-note', role: 'status' }));
    ez.onLanguage(() => {
      [['export-txt', 'exportTxt'], ['export-geojson', 'exportGeojson'], ['permalink', 'permalink'], ['recheck-site', 'recheckSite']]
        .forEach(([id, k]) => { document.getElementById(id).textContent = ez.t(k); });
      updateClear();
    });
    // undo: the last vertex while drawing (from the first vertex until the shape closes), else the last edit
    ez.map.on(L.Draw.Event.DRAWVERTEX, undoState);
    ez.map.on(L.Draw.Event.DRAWSTOP, () => setTimeout(undoState, 0));
    ez.map.on(L.Draw.Event.DRAWSTART, undoState);
    document.addEventListener('keydown', e => {
      if (/INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
      if (e.key === 'Backspace' && ez.drawer) { e.preventDefault(); ez.drawer.deleteLastVertex(); undoState(); }
      else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && (e.key === 'z' || e.key === 'Z') && editor && editor.canUndo() && !ez.drawer) {
        e.preventDefault(); undo();
      }
    });
    editor = ez.createSiteEditor(ez.map, {
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
      siteLayer = L.geoJSON(geojson, { pane: 'site', style: { color: '#d400d4', weight: 3, fill: true, fillOpacity: 0.08, dashArray: '6 4' } }).addTo(ez.map);
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
    hitLayer = group.addTo(ez.map);
    const seen = new Set();
    // districts are the background of every site: outlining them would hide the zones that matter
    const zones = (r.hits || []).filter(h => !(ez.layers[h.collection] && ez.layers[h.collection].def.kind === 'admin'));
    await Promise.all(zones.filter(h => !seen.has(h.collection + '/' + h.featureId) && seen.add(h.collection + '/' + h.featureId)).map(async h => {
      try {
        const f = await ez.getJson('/collections/' + encodeURIComponent(h.collection) + '/items/' + encodeURIComponent(h.featureId) + '?f=json');
        if (mine === seq) L.geoJSON(f, { pane: 'highlight', style: { color: '#ff1744', weight: 3, fillOpacity: 0.05 } }).addTo(group);
      } catch (e) {
        console.warn('highlight ' + h.collection + '/' + h.featureId + ': ' + (e.detail || e.message));
      }
    }));
    if (mine !== seq) return;
    if (!siteLayer && r.site && Array.isArray(r.site.bbox) && r.site.bbox.length === 4) {
      // too large to send back as a shape: its bounding box, said so
      const b = r.site.bbox;
      siteLayer = L.rectangle([[b[1], b[0]], [b[3], b[2]]], { pane: 'site', color: '#d400d4', weight: 2, dashArray: '2 6', fillOpacity: 0.02 }).addTo(ez.map);
      shapeNote = ez.t('siteShapeBox');
      renderResult();
    }
    updateClear();
    if (siteLayer && !keepView) ez.map.fitBounds(siteLayer.getBounds(), { maxZoom: 15, padding: [40, 40], animate: false });
  }

  /** The site's name as given (a data value), or the server's stand-in 未命名地块 in the page's language. */
  function siteName(name) {
    return name === '未命名地块' ? ez.el('span', { class: 'site-name' }, ez.t('unnamedSite')) : ez.el('span', { class: 'site-name', 'data-verbatim': '' }, name);
  }

  function verdictClass(v) { return 'verdict-' + String(v).replace(/[^a-z]/g, ''); }

  function verdictBadge(v, id) {
    return ez.el('span', { class: 'verdict ' + verdictClass(v), id: id }, ez.t('verdict_' + v));
  }

  function industryName(id, fallback) {
    const i = ((ez.catalog && ez.catalog.industries) || []).find(x => x.id === id);
    return i ? ez.pick(i) : (fallback || id);
  }

  function layerTitle(h) {
    const l = ez.layers[h.collection];
    return l ? ez.pick(l.def.title) : (h.collectionTitle || h.collection);
  }

  /** A water-source hit's level (一级/二级/准保护区) under its legend label. */
  function waterLevel(h) {
    const l = ez.layers[h.collection];
    if (!l || l.def.kind !== 'water_source' || !h.properties || h.properties.level == null) return null;
    const v = String(h.properties.level);
    const c = l.style && l.style.property === 'level' ? (l.style.classes || []).find(k => String(k.value) === v) : null;
    return ez.el('span', { class: 'ws-level', title: ez.t('wsLevel') }, c ? ez.pick(c.label) : v);
  }

  function renderResult(message) {
    const box = ez.clear(document.getElementById('planner-result'));
    if (message) { box.appendChild(ez.el('p', { class: 'busy' }, message)); return; }
    if (error) { box.appendChild(ez.errorBox(error)); return; }
    if (!result) return;
    const r = result;
    const s = r.site || {};
    const en = ez.lang === 'en';
    box.appendChild(ez.el('div', { class: 'verdict-line' }, ez.t('verdict') + ez.t('labelSep'), verdictBadge(r.verdict, 'verdict'),
      r.name ? siteName(r.name) : null));
    box.appendChild(ez.el('p', { class: 'industry-line', id: 'result-industry' },
      ez.t('industryLine', { industry: r.industry ? industryName(r.industry, r.industryZh) : ez.t('anyIndustry') })));
    if (stale) box.appendChild(ez.el('p', { class: 'stale', role: 'status' }, ez.t('staleReport')));
    if (siteEdited) {
      box.appendChild(ez.el('p', { class: 'stale', role: 'status', id: 'site-edited-note' }, ez.t('siteEditedNote'), ' ',
        ez.el('button', { type: 'button', class: 'link-button', onclick: recheck, disabled: busy }, ez.t('recheckSite'))));
    }
    const notices = ez.noticeTexts(r);
    if (notices.length) box.appendChild(ez.el('ul', { class: 'warnings' }, notices.map(w => ez.el('li', null, w))));
    if (shapeNote) box.appendChild(ez.el('p', { class: 'hint' }, shapeNote));

    // 逐维度研判: one line per dimension
    box.appendChild(ez.el('h3', null, ez.t('dimensionVerdicts')));
    box.appendChild(ez.el('ul', { class: 'dimension-verdicts' }, (r.dimensions || []).map(d =>
      ez.el('li', { class: 'dimension-verdict', 'data-dimension': d.dimension, 'data-verdict': d.verdict },
        ez.el('span', { class: 'dimension-name' }, en ? d.dimensionEn : d.dimensionZh),
        ez.el('span', { class: 'verdict small ' + verdictClass(d.verdict) }, ez.t('verdict_' + d.verdict)),
        ez.el('span', { class: 'dimension-count' }, ez.t(d.requirementCount === 1 ? 'requirementCountOne' : 'requirementCount', { n: d.requirementCount }))))));

    // no industry chosen: which industries are banned here, and where
    if (!r.industry && (r.industryVerdicts || []).length) {
      const rows = r.industryVerdicts.slice().sort((a, b) => (a.verdict === 'prohibited' ? 0 : 1) - (b.verdict === 'prohibited' ? 0 : 1));
      const banned = rows.filter(v => v.verdict === 'prohibited');
      box.appendChild(ez.el('h3', null, ez.t('industryVerdicts')));
      if (!banned.length) box.appendChild(ez.el('p', { class: 'none' }, ez.t('noBannedIndustry')));
      box.appendChild(ez.table('industry-verdicts', ['industryCol', 'verdict', 'bannedWhere', 'bannedBy'], rows.map(v => [
        industryName(v.industry, v.industryZh), ez.el('span', { class: 'verdict small ' + verdictClass(v.verdict) }, ez.t('verdict_' + v.verdict)),
        ez.verbatim(ez.listJoin(v.bannedWhere || [])), (v.bannedBy || []).join(', ')]), i => ({ 'data-industry': rows[i].industry, 'data-verdict': rows[i].verdict })));
    }

    box.appendChild(ez.el('h3', null, ez.t('siteArea')));
    box.appendChild(ez.el('p', { class: 'area' }, ez.t('ellipsoidArea') + ez.t('labelSep'),
      ez.el('strong', { id: 'site-area-ha' }, ez.num(s.areaHa, 4) + ' ' + ez.t('ha')),
      ez.paren(ez.num(s.areaMu, 2) + ' ' + ez.t('mu') + ez.t('comma') + ez.num(s.areaM2, 1) + ' ' + ez.t('m2'))));
    if (s.gkAreaM2 != null) box.appendChild(ez.el('p', { class: 'area' }, ez.t('gkArea', { zone: s.gkZone }) + ez.t('labelSep') + ez.num(s.gkAreaM2, 1) + ' ' + ez.t('m2')));
    const parcels = (s.parcels || []).filter(p => p.declaredHa != null);
    if (parcels.length) {
      box.appendChild(ez.table('parcels', ['parcels', 'measuredHa', 'declared', 'difference'], parcels.map(p =>
        [ez.verbatim(p.name || ''), ez.num(p.areaHa, 4), ez.num(p.declaredHa, 4), ez.num(p.differenceHa, 4) + ' ' + ez.t('ha') + ez.paren(ez.num(p.differencePct, 2) + '%')])));
    }
    box.appendChild(ez.el('h3', null, ez.t('hits')));
    const hits = r.hits || [];
    if (!hits.length) box.appendChild(ez.el('p', { class: 'none' }, ez.t('noHits')));
    else box.appendChild(ez.table('hits', ['layer', 'name', 'overlapHa', 'overlapMu', 'siteShare', 'zoneShare'], hits.map(h => [
      layerTitle(h), [ez.el('a', { href: '#', 'data-verbatim': '', onclick: e => { e.preventDefault(); ez.zoomToFeature(h.collection, h.featureId); } }, h.name || h.featureId),
        waterLevel(h) ? ' ' : null, waterLevel(h)],
      ez.num(h.overlapHa, 4), ez.num(h.overlapMu, 2), ez.pct(h.siteShare), ez.pct(h.zoneShare)]), i => ({ 'data-collection': hits[i].collection })));
    if ((r.nearby || []).length) {
      box.appendChild(ez.el('h3', null, ez.t('nearby')));
      box.appendChild(ez.table('nearby', ['layer', 'name', 'distance'], r.nearby.map(n => [layerTitle(n), ez.verbatim(n.name || n.featureId),
        ez.num(n.distanceM, 0) + ' ' + ez.t('m')])));
    }
    box.appendChild(ez.el('h3', null, ez.t('clauses')));
    const clauses = r.clauses || [];
    if (!clauses.length) box.appendChild(ez.el('p', { class: 'none' }, ez.t('noClauses')));
    else box.appendChild(clausesByDimension(r, clauses));
    const disabled = busy || stale || siteEdited;
    box.appendChild(ez.el('div', { class: 'buttons reports' },
      ez.el('button', { type: 'button', id: 'report-html', onclick: openHtmlReport, disabled: disabled }, ez.t('reportHtml')),
      ez.el('button', { type: 'button', id: 'report-pdf', onclick: downloadPdf, disabled: disabled }, ez.t('reportPdf'))));
  }

  /** The clauses under a heading per dimension, then per level (unit, county … national), each with its zone and basis. */
  function clausesByDimension(r, clauses) {
    const en = ez.lang === 'en';
    const names = {};
    (r.dimensions || []).forEach(d => { names[d.dimension] = en ? d.dimensionEn : d.dimensionZh; });
    const order = DIMENSIONS.concat(clauses.map(c => c.dimension).filter(d => !DIMENSIONS.includes(d)));
    return ez.el('div', { class: 'clauses-by-dimension' }, order.filter(d => clauses.some(c => c.dimension === d)).map(d => {
      const mine = clauses.filter(c => c.dimension === d);
      const levels = LEVELS.concat(mine.map(c => c.level).filter(l => !LEVELS.includes(l)));
      return ez.el('div', { class: 'clause-dimension', 'data-dimension': d },
        ez.el('h4', null, names[d] || (mine[0].dimensionZh || d)),
        levels.filter(l => mine.some(c => c.level === l)).map(l => [
          ez.el('h5', { class: 'clause-level' }, ez.levelLabel(l)),
          ez.el('ul', { class: 'clauses' }, mine.filter(c => c.level === l).map(c => {
            const effect = String(c.effect || c.severity).replace(/[^a-z]/g, '');
            const zoneLayer = c.collection && ez.layers[c.collection] ? ez.pick(ez.layers[c.collection].def.title) + ' ' : '';
            const zoneName = c.featureName || c.featureId || '';
            const zone = zoneLayer + zoneName;
            return ez.el('li', { class: 'clause severity-' + effect, 'data-clause': c.clauseId },
              ez.el('span', { class: 'severity' }, ez.t('effect_' + effect)),
              ez.el('span', { class: 'clause-text' }, en && c.textEn ? c.textEn : c.text),
              zone.trim() ? ez.el('span', { class: 'clause-meta clause-zone' }, ez.t('triggeredBy', { zone: zoneLayer }), ez.verbatim(zoneName)) : null,
              c.basis ? ez.el('span', { class: 'clause-meta clause-basis' }, ez.t('basis') + ez.t('labelSep'),
                ez.verbatim(c.basis + (c.basisIssuer ? '（' + c.basisIssuer + '）' : ''))) : null);
          }))]));
    }));
  }

  /** The report is a POST: opened in a tab as a blob URL (the tab is opened at the click so no pop-up blocker stops it). */
  async function openHtmlReport() {
    const url0 = ez.reportUrl('html');
    if (!url0) return;
    const tab = window.open('', '_blank');
    try {
      const blob = await ez.post(url0, request.body, request.type, true);
      const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
      if (tab) tab.location = url; else window.location.assign(url);
    } catch (e) {
      if (tab) tab.close();
      error = e; renderResult(); error = null;
    }
  }

  async function downloadPdf() {
    const url0 = ez.reportUrl('pdf');
    if (!url0) return;
    try {
      const blob = await ez.post(url0, request.body, request.type, true);
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      const a = ez.el('a', { href: url, download: '选址研判-' + (result.name || 'site') + '.pdf' });
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

  ez.initPlanner = function (catalog) {
    ez.map.createPane('highlight').style.zIndex = '620';
    ez.map.createPane('site').style.zIndex = '630';
    const select = document.getElementById('industry');
    const name = document.getElementById('project-name');
    (catalog.industries || []).forEach(i => select.appendChild(ez.el('option', { value: i.id }, ez.pick(i))));
    ez.onLanguage(() => {
      Array.from(select.options).forEach(o => {
        const i = (catalog.industries || []).find(x => x.id === o.value);
        if (i) o.textContent = ez.pick(i);
      });
      renderResult(busy ? ez.t('checking') : null);
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
    document.getElementById('clear-site').addEventListener('click', ez.clearSite);
    initTools();
    document.getElementById('draw-site').addEventListener('click', () => ez.drawPolygon(geometry => {
      const feature = { type: 'Feature', properties: {}, geometry: geometry };
      ez.lastSiteGeometry = geometry;
      ez.siteCheck(JSON.stringify(geometry), 'application/json', feature, false);
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
      await ez.siteCheck(bytes, type, geojson, true);
      e.target.value = '';
    });
    openPermalink();
    window.addEventListener('hashchange', openPermalink);  // not fired by the permalink's own replaceState
  };
})();
