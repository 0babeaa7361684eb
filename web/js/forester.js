// 矿山修复: measure a drawn polygon on the server (ellipsoid, 公顷/亩); restoration plots summarised by mine/status/year.
(function () {
  'use strict';
  const ez = window.ecozone;
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
  ez.groupableAttributes = function (def) {
    if (!def) return [];
    return def.attributes.filter(a => Array.isArray(a.values) && a.values.length
      || (a.type === 'string' && a.name !== def.idProperty && a.name !== def.nameProperty));
  };

  /** Groups in the attribute's catalog order (workflow order for status: 待修复 → 修复中 → 已修复 → 已验收), others after. */
  function ordered(groups, attr) {
    const values = attr && Array.isArray(attr.values) ? attr.values.map(String) : [];
    const rank = g => { const i = values.indexOf(String(g.key)); return i < 0 ? values.length : i; };
    return groups.map((g, i) => [g, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(x => x[0]);
  }

  function csvHref(groupBy, table) {
    return '/analysis/measure/' + encodeURIComponent(layerId) + '?' + ez.query({ groupBy: groupBy, format: 'csv', table: table });
  }

  function remember(r) {
    if (!r || !r.plots) return;
    measuresById = new Map(r.plots.map(p => [String(p.id), p]));
  }

  /** Measures for popups: the report on screen, or fetched once when a plot is clicked before the tab was opened. */
  function measures() {
    if (measuresById) return Promise.resolve(measuresById);
    if (!measuresLoading) {
      measuresLoading = ez.getJson('/analysis/measure/' + encodeURIComponent(layerId) + '?' + ez.query({ format: 'json' }))
        .then(r => { if (!measuresById) remember(r); return measuresById; })
        .catch(e => { measuresLoading = null; throw e; });
    }
    return measuresLoading;
  }

  /** Outlines the plots on the map and zooms to them. */
  function highlightPlots(plots) {
    if (plotHighlight) plotHighlight.remove();
    plotHighlight = null;
    const l = ez.layers[layerId];
    if (!l || !plots.length) return;
    const group = L.featureGroup([], { pane: 'highlight' });
    plots.forEach(p => {
      const drawn = l.byId.get(String(p.id));
      if (drawn && drawn.feature) {
        L.geoJSON(drawn.feature, { pane: 'highlight', interactive: false,
          style: { color: '#ff6d00', weight: 4, fillColor: '#ffab40', fillOpacity: 0.35 } }).addTo(group);
      }
    });
    plotHighlight = group.addTo(ez.map);
    ez.highlightedPlots = plots.map(p => p.id);
    if (group.getLayers().length) ez.map.fitBounds(group.getBounds(), { maxZoom: 15, padding: [30, 30], animate: false });
  }

  function select(key) {
    selected = key;
    renderSummary();
    const groupBy = document.getElementById('group-by').value;
    highlightPlots(selected == null ? [] : (report.plots || []).filter(p => groupKey(p.attributes && p.attributes[groupBy]) === selected));
  }

  ez.measurePolygon = async function (geometry) {
    if (measureLayer) measureLayer.remove();
    measureLayer = L.geoJSON(geometry, { pane: 'site', style: { color: '#0057e7', weight: 2, dashArray: '4 4', fillOpacity: 0.1 } }).addTo(ez.map);
    measure = { loading: true };
    renderMeasure();
    const body = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'measure-1', properties: {}, geometry: geometry }] };
    try {
      measure = { geometry: geometry, report: await ez.post('/analysis/measure', JSON.stringify(body), 'application/json') };
    } catch (e) {
      measure = { geometry: geometry, error: e };
    }
    ez.lastMeasure = measure;
    renderMeasure();
    return measure;
  };

  function renderMeasure() {
    const box = ez.clear(document.getElementById('measure-result'));
    if (!measure) return;
    if (measure.loading) { box.appendChild(ez.el('p', null, ez.t('measuring'))); return; }
    if (measure.error) { box.appendChild(ez.errorBox(measure.error)); return; }
    const p = (measure.report.plots || [])[0];
    if (!p) return;
    box.appendChild(ez.el('p', { class: 'area' }, ez.t('ellipsoidArea') + ez.t('labelSep'),
      ez.el('strong', { id: 'measure-ha' }, ez.num(p.area.ha, 4) + ' ' + ez.t('ha')), ez.t('parenOpen'), ez.el('strong', { id: 'measure-mu' }, ez.num(p.area.mu, 2) + ' ' + ez.t('mu')),
      ez.t('comma') + ez.num(p.area.m2, 1) + ' ' + ez.t('m2') + ez.t('parenClose')));
    if (p.gkArea) box.appendChild(ez.el('p', { class: 'area' }, ez.t('gkArea', { zone: p.gkZone }) + ez.t('labelSep') + ez.num(p.gkArea.m2, 1) + ' ' + ez.t('m2')));
    box.appendChild(ez.el('p', { class: 'area' }, ez.t('perimeter') + ez.t('labelSep') + ez.num(p.perimeterM, 1) + ' ' + ez.t('m')));
    if (p.problem) box.appendChild(ez.el('p', { class: 'error' }, p.problem));
  }

  async function loadSummary() {
    const groupBy = document.getElementById('group-by').value;
    selected = null;
    report = null;
    reportError = null;
    highlightPlots([]);
    ez.highlightedPlots = [];
    renderSummary();
    try {
      report = await ez.getJson('/analysis/measure/' + encodeURIComponent(layerId) + '?' + ez.query({ groupBy: groupBy, format: 'json' }));
    } catch (e) {
      reportError = e;
    }
    ez.lastRestoration = report;
    remember(report);
    renderSummary();
  }

  function groupKey(v) { return v == null || String(v).trim() === '' ? '（空）' : String(v); }  // as the server's groups

  function renderSummary() {
    const box = ez.clear(document.getElementById('restoration-summary'));
    const plotsBox = ez.clear(document.getElementById('restoration-plots'));
    if (!layerId) { box.appendChild(ez.el('p', { class: 'none' }, ez.t('noRestoration'))); return; }
    if (reportError) { box.appendChild(ez.errorBox(reportError)); return; }
    if (!report) { box.appendChild(ez.el('p', null, ez.t('loading'))); return; }
    const groupBy = document.getElementById('group-by').value;
    const t = report.totals || {};
    box.appendChild(ez.el('p', { class: 'totals' }, ez.t('totals', { plots: t.plots, ha: ez.num(t.measured && t.measured.ha, 2),
      mu: ez.num(t.measured && t.measured.mu, 2), mismatched: t.mismatched })));
    const attr = layer.attributes.find(a => a.name === groupBy);
    const groups = ordered(report.groups || [], attr);
    const label = g => g.key == null || g.key === '' ? ez.t('unknown') : String(g.key);
    box.appendChild(ez.el('p', { class: 'hint' }, ez.t('clickGroupHint')));
    box.appendChild(ez.table('groups', ['group', 'count', 'measuredHa', 'measuredMu', 'declaredMu'], groups.map(g =>
      [ez.dataValue(label(g)), String(g.count), ez.num(g.measured.ha, 2), ez.num(g.measured.mu, 2), ez.num(g.declaredMu, 2)]),
    i => ({ class: 'group-row' + (groupKey(groups[i].key) === selected ? ' selected' : ''), 'data-key': groupKey(groups[i].key),
      tabindex: '0', onclick: () => select(groupKey(groups[i].key)),
      onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(groupKey(groups[i].key)); } } })));
    box.appendChild(ez.el('p', { class: 'buttons csv-links' },
      ez.el('a', { id: 'csv-link', class: 'button', download: '', href: csvHref(groupBy, 'summary') }, ez.t('downloadSummaryCsv')),
      ez.el('a', { id: 'csv-plots-link', class: 'button', download: '', href: csvHref(groupBy, 'plots') }, ez.t('downloadPlotsCsv'))));
    if ((report.progress || []).length && groupBy === 'mine') {
      box.appendChild(ez.el('h3', null, ez.t('progress')));
      const progress = report.progress;
      box.appendChild(ez.table('progress', ['mine', 'restoredOfPlots', 'measuredMu', 'restoredShare'], progress.map(p =>
        [ez.dataValue(p.mine), ez.el('span', { class: 'restored-of-plots', title: ez.t('restoredOfPlotsTip', { restored: p.restoredPlots, plots: p.plots }) },
          p.restoredPlots + ' / ' + p.plots), ez.num(p.total.mu, 2), ez.pct(p.restoredShare)]),
      i => ({ class: 'progress-row' + (groupKey(progress[i].mine) === selected ? ' selected' : ''), 'data-key': groupKey(progress[i].mine),
        onclick: () => select(groupKey(progress[i].mine)) })));
      box.appendChild(ez.el('p', { class: 'hint', id: 'progress-note' }, ez.t('restoredOfPlotsNote')));
      box.appendChild(ez.el('p', { class: 'buttons' },
        ez.el('a', { id: 'csv-progress-link', class: 'button', download: '', href: csvHref(groupBy, 'progress') }, ez.t('downloadProgressCsv'))));
    }
    if (selected == null) return;
    const plots = (report.plots || []).filter(p => groupKey(p.attributes && p.attributes[groupBy]) === selected);
    plotsBox.appendChild(ez.el('h3', null, ez.t('plotsOf', { key: selected || ez.t('unknown') })));
    plotsBox.appendChild(ez.table('plots', ['plotId', 'measuredMu', 'declaredMu', 'diffPct', 'zoomTo'], plots.map(p => [
      p.id, ez.num(p.area.mu, 2), ez.num(p.declaredMu, 2),
      ez.el('span', { class: p.declaredMismatch ? 'mismatch' : '' }, ez.num(p.differencePct, 2) + (p.declaredMismatch ? ' ⚠' : '')),
      ez.el('a', { href: '#', class: 'zoom-plot', onclick: e => { e.preventDefault(); ez.zoomToFeature(layerId, p.id); } }, ez.t('zoomTo'))])));
  }

  /** The restoration layer's popups: the measured area next to the declared one. */
  function withMeasuredArea(original) {
    return function (l, f) {
      const content = original(l, f);
      if (!layer || l.def.id !== layerId) return content;
      const table = content.querySelector && content.querySelector('table.attrs tbody');
      if (!table) return content;
      const declaredName = (layer.attributes.find(a => /declared/.test(a.name)) || {}).name;
      const declaredTitle = declaredName ? ez.pick(layer.attributes.find(a => a.name === declaredName).title) || declaredName : null;
      const cell = ez.el('td', { class: 'popup-measured' }, ez.t('loading'));
      const row = ez.el('tr', { class: 'measured-row' }, ez.el('th', null, ez.t('measuredAreaPopup')), cell);
      const declaredRow = Array.from(table.children).find(tr => tr.firstChild && tr.firstChild.textContent === declaredTitle);
      if (declaredRow) declaredRow.after(row); else table.appendChild(row);
      measures().then(byId => {
        const m = byId && byId.get(String(f.id));
        cell.textContent = !m ? '—' : m.declaredMu == null ? ez.num(m.area.mu, 2)
          : ez.t('measuredVsDeclared', { measured: ez.num(m.area.mu, 2), declared: ez.num(m.declaredMu, 2), pct: ez.num(m.differencePct, 2) });
        if (m && m.declaredMismatch) cell.classList.add('mismatch');
      }).catch(() => { cell.textContent = '—'; });
      return content;
    };
  }

  ez.initForester = function (catalog) {
    layer = catalog.layers.find(l => l.kind === 'restoration') || null;
    layerId = layer ? layer.id : null;
    if (!ez.map.getPane('highlight')) ez.map.createPane('highlight').style.zIndex = '620';
    if (layer && ez.popupContent) ez.popupContent = withMeasuredArea(ez.popupContent);
    const select = document.getElementById('group-by');
    const fillGroups = () => {
      const chosen = select.value;
      ez.clear(select);
      if (!layer) return;
      ez.groupableAttributes(layer).forEach(a => select.appendChild(ez.el('option', { value: a.name }, ez.pick(a.title) || a.name)));
      if (chosen) select.value = chosen;
    };
    fillGroups();
    select.addEventListener('change', loadSummary);
    ez.onLanguage(() => { fillGroups(); renderMeasure(); renderSummary(); });
    document.getElementById('draw-measure').addEventListener('click', () => ez.drawPolygon(ez.measurePolygon));
    let loaded = false;
    // the summary is computed when the forester first opens the tab, not for every visitor
    ez.onTab('forester', () => { if (!loaded && layerId) { loaded = true; loadSummary(); } });
    renderSummary();
  };
})();
