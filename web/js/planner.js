// 选址研判: draw or upload a site, run /analysis/site-check, show verdict, hits, clauses; highlight the hit zones; reports.
(function () {
  'use strict';
  const ez = window.ecozone;
  let request = null;   // {body, type} of the last check, re-sent for the reports
  let result = null;
  let error = null;
  let siteLayer = null;
  let hitLayer = null;

  function contentTypeOf(file) {
    const n = (file.name || '').toLowerCase();
    if (n.endsWith('.geojson') || n.endsWith('.json')) return 'application/json';
    return 'text/plain';
  }

  function params(f) {
    return ez.query({ industry: document.getElementById('industry').value, name: document.getElementById('project-name').value.trim(), f: f });
  }

  /** Runs the check; body is a string or bytes (国土 TXT files are often GBK: sent as they are, the server decodes). */
  ez.siteCheck = async function (body, type, geojson) {
    request = { body: body, type: type };
    result = null;
    error = null;
    showSite(geojson);
    renderResult(ez.t('checking'));
    try {
      result = await ez.post('/analysis/site-check?' + params('json'), body, type);
    } catch (e) {
      error = e;
    }
    ez.lastSiteCheck = result || { error: error };
    renderResult();
    if (result) await highlightHits(result);
    return result;
  };

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

  /** Draws the hit zones in a highlight colour and zooms to the site with its zones. */
  async function highlightHits(r) {
    if (hitLayer) hitLayer.remove();
    hitLayer = L.featureGroup([], { pane: 'highlight' }).addTo(ez.map);
    const seen = new Set();
    // districts are the background of every site: outlining them would hide the zones that matter
    const zones = (r.hits || []).filter(h => !(ez.layers[h.collection] && ez.layers[h.collection].def.kind === 'admin'));
    await Promise.all(zones.filter(h => !seen.has(h.collection + '/' + h.featureId) && seen.add(h.collection + '/' + h.featureId)).map(async h => {
      try {
        const f = await ez.getJson('/collections/' + encodeURIComponent(h.collection) + '/items/' + encodeURIComponent(h.featureId) + '?f=json');
        L.geoJSON(f, { pane: 'highlight', style: { color: '#ff1744', weight: 3, fillOpacity: 0.05 } }).addTo(hitLayer);
      } catch (e) {
        console.warn('highlight ' + h.collection + '/' + h.featureId + ': ' + (e.detail || e.message));
      }
    }));
    if (!siteLayer && r.site && Array.isArray(r.site.bbox) && r.site.bbox.length === 4) {
      const b = r.site.bbox;
      siteLayer = L.rectangle([[b[1], b[0]], [b[3], b[2]]], { pane: 'site', color: '#d400d4', weight: 2, dashArray: '6 4', fillOpacity: 0.05 }).addTo(ez.map);
    }
    if (siteLayer) ez.map.fitBounds(siteLayer.getBounds(), { maxZoom: 15, padding: [40, 40], animate: false });
  }

  function verdictBadge(v) {
    return ez.el('span', { class: 'verdict verdict-' + String(v).replace(/[^a-z]/g, ''), id: 'verdict' }, ez.t('verdict_' + v));
  }

  function renderResult(busy) {
    const box = ez.clear(document.getElementById('planner-result'));
    if (busy) { box.appendChild(ez.el('p', null, busy)); return; }
    if (error) { box.appendChild(ez.errorBox(error)); return; }
    if (!result) return;
    const r = result;
    const s = r.site || {};
    box.appendChild(ez.el('div', { class: 'verdict-line' }, ez.t('verdict') + '：', verdictBadge(r.verdict),
      r.name ? ez.el('span', { class: 'site-name' }, r.name) : null));
    box.appendChild(ez.el('h3', null, ez.t('siteArea')));
    box.appendChild(ez.el('p', { class: 'area' }, ez.t('ellipsoidArea') + '：',
      ez.el('strong', { id: 'site-area-ha' }, ez.num(s.areaHa, 4) + ' ' + ez.t('ha')), '（' + ez.num(s.areaMu, 2) + ' ' + ez.t('mu') + '，' +
      ez.num(s.areaM2, 1) + ' ' + ez.t('m2') + '）'));
    if (s.gkAreaM2 != null) box.appendChild(ez.el('p', { class: 'area' }, ez.t('gkArea', { zone: s.gkZone }) + '：' + ez.num(s.gkAreaM2, 1) + ' ' + ez.t('m2')));
    const parcels = (s.parcels || []).filter(p => p.declaredHa != null);
    if (parcels.length) {
      box.appendChild(ez.table('parcels', ['parcels', 'measuredHa', 'declared', 'difference'], parcels.map(p =>
        [p.name || '', ez.num(p.areaHa, 4), ez.num(p.declaredHa, 4), ez.num(p.differenceHa, 4) + ' ' + ez.t('ha') + '（' + ez.num(p.differencePct, 2) + '%）'])));
    }
    box.appendChild(ez.el('h3', null, ez.t('hits')));
    const hits = r.hits || [];
    if (!hits.length) box.appendChild(ez.el('p', { class: 'none' }, ez.t('noHits')));
    else box.appendChild(ez.table('hits', ['layer', 'name', 'overlapHa', 'overlapMu', 'siteShare', 'zoneShare'], hits.map(h => [
      layerTitle(h), ez.el('a', { href: '#', onclick: e => { e.preventDefault(); ez.zoomToFeature(h.collection, h.featureId); } }, h.name || h.featureId),
      ez.num(h.overlapHa, 4), ez.num(h.overlapMu, 2), ez.pct(h.siteShare), ez.pct(h.zoneShare)]), i => ({ 'data-collection': hits[i].collection })));
    if ((r.nearby || []).length) {
      box.appendChild(ez.el('h3', null, ez.t('nearby')));
      box.appendChild(ez.table('nearby', ['layer', 'name', 'distance'], r.nearby.map(n => [layerTitle(n), n.name || n.featureId,
        ez.num(n.distanceM, 0) + ' ' + ez.t('m')])));
    }
    box.appendChild(ez.el('h3', null, ez.t('clauses')));
    const clauses = r.clauses || [];
    if (!clauses.length) box.appendChild(ez.el('p', { class: 'none' }, ez.t('noClauses')));
    else box.appendChild(ez.el('ul', { class: 'clauses' }, clauses.map(c => ez.el('li', { class: 'clause severity-' + String(c.severity).replace(/[^a-z]/g, '') },
      ez.el('span', { class: 'severity' }, ez.t('severity_' + c.severity)),
      ez.el('span', { class: 'clause-text' }, ez.lang === 'en' && c.textEn ? c.textEn : c.text),
      ez.el('span', { class: 'clause-meta' }, [c.featureName || c.featureId, c.basis ? ez.t('basis') + '：' + c.basis : null].filter(Boolean).join(' · '))))));
    if ((r.warnings || []).length) {
      box.appendChild(ez.el('h3', null, ez.t('warnings')));
      box.appendChild(ez.el('ul', { class: 'warnings' }, r.warnings.map(w => ez.el('li', null, typeof w === 'string' ? w : JSON.stringify(w)))));
    }
    box.appendChild(ez.el('div', { class: 'buttons reports' },
      ez.el('button', { type: 'button', id: 'report-html', onclick: openHtmlReport }, ez.t('reportHtml')),
      ez.el('button', { type: 'button', id: 'report-pdf', onclick: downloadPdf }, ez.t('reportPdf'))));
  }

  function layerTitle(h) {
    const l = ez.layers[h.collection];
    return l ? ez.pick(l.def.title) : (h.collectionTitle || h.collection);
  }

  /** The report is a POST: opened in a tab as a blob URL (the tab is opened at the click so no pop-up blocker stops it). */
  async function openHtmlReport() {
    const tab = window.open('', '_blank');
    try {
      const blob = await ez.post('/analysis/site-check?' + params('html'), request.body, request.type, true);
      const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
      if (tab) tab.location = url; else window.location.assign(url);
    } catch (e) {
      if (tab) tab.close();
      error = e; renderResult(); error = null;
    }
  }

  async function downloadPdf() {
    try {
      const blob = await ez.post('/analysis/site-check?' + params('pdf'), request.body, request.type, true);
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

  ez.initPlanner = function (catalog) {
    ez.map.createPane('highlight').style.zIndex = '620';
    ez.map.createPane('site').style.zIndex = '630';
    const select = document.getElementById('industry');
    (catalog.industries || []).forEach(i => select.appendChild(ez.el('option', { value: i.id }, ez.pick(i))));
    ez.onLanguage(() => {
      Array.from(select.options).forEach(o => {
        const i = (catalog.industries || []).find(x => x.id === o.value);
        if (i) o.textContent = ez.pick(i);
      });
      renderResult();
    });
    document.getElementById('draw-site').addEventListener('click', () => ez.drawPolygon(geometry => {
      const feature = { type: 'Feature', properties: {}, geometry: geometry };
      ez.lastSiteGeometry = geometry;
      ez.siteCheck(JSON.stringify(geometry), 'application/json', feature);
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
      if (!document.getElementById('project-name').value.trim()) document.getElementById('project-name').value = file.name.replace(/\.[^.]*$/, '');
      await ez.siteCheck(bytes, type, geojson);
      e.target.value = '';
    });
  };
})();
