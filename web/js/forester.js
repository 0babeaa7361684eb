// 矿山修复: measure a drawn polygon on the server (ellipsoid, 公顷/亩); restoration plots summarised by mine/status/year.
(function () {
  'use strict';
  const ez = window.ecozone;
  const PREFERRED_GROUPS = ['mine', 'status', 'year', 'district', 'town', 'method', 'mineral'];
  let layerId = null;
  let measure = null;     // last measurement {report} or {error}
  let report = null;      // restoration report for the chosen grouping
  let reportError = null;
  let selected = null;    // group key whose plots are listed
  let measureLayer = null;

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
    box.appendChild(ez.el('p', { class: 'area' }, ez.t('ellipsoidArea') + '：',
      ez.el('strong', { id: 'measure-ha' }, ez.num(p.area.ha, 4) + ' ' + ez.t('ha')), '（', ez.el('strong', { id: 'measure-mu' }, ez.num(p.area.mu, 2) + ' ' + ez.t('mu')),
      '，' + ez.num(p.area.m2, 1) + ' ' + ez.t('m2') + '）'));
    if (p.gkArea) box.appendChild(ez.el('p', { class: 'area' }, ez.t('gkArea', { zone: p.gkZone }) + '：' + ez.num(p.gkArea.m2, 1) + ' ' + ez.t('m2')));
    box.appendChild(ez.el('p', { class: 'area' }, ez.t('perimeter') + '：' + ez.num(p.perimeterM, 1) + ' ' + ez.t('m')));
    if (p.problem) box.appendChild(ez.el('p', { class: 'error' }, p.problem));
  }

  async function loadSummary() {
    const groupBy = document.getElementById('group-by').value;
    selected = null;
    report = null;
    reportError = null;
    renderSummary();
    try {
      report = await ez.getJson('/analysis/measure/' + encodeURIComponent(layerId) + '?' + ez.query({ groupBy: groupBy, format: 'json' }));
    } catch (e) {
      reportError = e;
    }
    ez.lastRestoration = report;
    renderSummary();
  }

  function groupKey(v) { return v == null ? '' : String(v); }

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
    const groups = report.groups || [];
    box.appendChild(ez.table('groups', ['group', 'count', 'measuredHa', 'measuredMu', 'declaredMu'], groups.map(g =>
      [g.key == null || g.key === '' ? ez.t('unknown') : String(g.key), String(g.count), ez.num(g.measured.ha, 2), ez.num(g.measured.mu, 2), ez.num(g.declaredMu, 2)]),
    i => ({ class: 'group-row' + (groupKey(groups[i].key) === selected ? ' selected' : ''), 'data-key': groupKey(groups[i].key),
      onclick: () => { selected = groupKey(groups[i].key); renderSummary(); } })));
    box.appendChild(ez.el('p', null, ez.el('a', { id: 'csv-link', class: 'button', download: '',
      href: '/analysis/measure/' + encodeURIComponent(layerId) + '?' + ez.query({ groupBy: groupBy, format: 'csv' }) }, ez.t('downloadCsv'))));
    if ((report.progress || []).length && groupBy === 'mine') {
      box.appendChild(ez.el('h3', null, ez.t('progress')));
      box.appendChild(ez.table('progress', ['mine', 'count', 'measuredMu', 'restoredShare'], report.progress.map(p =>
        [p.mine, p.restoredPlots + ' / ' + p.plots, ez.num(p.total.mu, 2), ez.pct(p.restoredShare)])));
    }
    if (selected == null) return;
    const plots = (report.plots || []).filter(p => groupKey(p.attributes && p.attributes[groupBy]) === selected);
    plotsBox.appendChild(ez.el('h3', null, ez.t('plotsOf', { key: selected || ez.t('unknown') })));
    plotsBox.appendChild(ez.table('plots', ['plotId', 'measuredMu', 'declaredMu', 'diffPct', 'zoomTo'], plots.map(p => [
      p.id, ez.num(p.area.mu, 2), ez.num(p.declaredMu, 2),
      ez.el('span', { class: p.declaredMismatch ? 'mismatch' : '' }, ez.num(p.differencePct, 2) + (p.declaredMismatch ? ' ⚠' : '')),
      ez.el('a', { href: '#', class: 'zoom-plot', onclick: e => { e.preventDefault(); ez.zoomToFeature(layerId, p.id); } }, ez.t('zoomTo'))])));
  }

  ez.initForester = function (catalog) {
    const layer = catalog.layers.find(l => l.kind === 'restoration') || null;
    layerId = layer ? layer.id : null;
    const select = document.getElementById('group-by');
    const fillGroups = () => {
      const chosen = select.value;
      ez.clear(select);
      if (!layer) return;
      const names = layer.attributes.filter(a => a.type !== 'json').map(a => a.name);
      const ordered = PREFERRED_GROUPS.filter(n => names.includes(n)).concat(names.filter(n => !PREFERRED_GROUPS.includes(n)));
      ordered.forEach(n => select.appendChild(ez.el('option', { value: n }, ez.pick(layer.attributes.find(a => a.name === n).title))));
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
