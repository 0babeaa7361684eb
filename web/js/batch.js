// 批量研判: upload a project list (GeoJSON, CSV/xlsx with WKT, zipped shapefile, GeoPackage, ZIP of 国土 TXT), run the
// batch-check process as an asynchronous job (Prefer: respond-async), follow /jobs/{id} with a progress bar, then show
// the counts per verdict and links to the table (CSV, xlsx) and the reports ZIP. Errors stay in the panel.
(function () {
  'use strict';
  const ez = window.ecozone;
  const VERDICTS = ['prohibited', 'restricted', 'conditional', 'allowed', 'outside', 'error'];
  const POLL_MS = 500;
  let current = null; // {jobId, timer}

  function box() { return document.getElementById('batch-result'); }

  function show(...nodes) { ez.clear(box()); nodes.forEach(n => n && box().appendChild(n)); }

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
    if (!file) { show(ez.errorBox({ title: ez.t('error'), detail: ez.t('batchNoFile') })); return; }
    stop();
    const button = document.getElementById('batch-start');
    button.disabled = true;
    show(ez.el('p', { class: 'hint' }, ez.t('batchSubmitting')));
    try {
      const inputs = { projects: { value: await base64(file), encoding: 'base64', mediaType: mediaType(file.name) } };
      const industry = document.getElementById('batch-industry').value;
      if (industry) inputs.industry = industry;
      if (document.getElementById('batch-reports').checked) inputs.reports = true;
      const res = await fetch('/processes/batch-check/execution', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Prefer: 'respond-async', Accept: 'application/json' },
        body: JSON.stringify({ inputs: inputs })
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { title: body.title, detail: body.detail });
      current = { jobId: body.jobID };
      progress(body);
      poll();
    } catch (e) {
      show(ez.errorBox(e));
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
    const bar = ez.el('progress', { id: 'batch-progress', max: 100, value: pct });
    show(ez.el('p', { id: 'batch-status', dataset: { status: job.status, job: job.jobID } },
      ez.t('batchProgress', { status: ez.t('jobStatus_' + job.status), processed: job.processed || 0, total: job.total || '?' })),
    bar,
    job.etaSeconds != null && job.status === 'running' ? ez.el('p', { class: 'hint' }, ez.t('batchEta', { s: Math.round(job.etaSeconds) })) : null);
  }

  async function poll() {
    if (!current) return;
    const id = current.jobId;
    try {
      const job = await ez.getJson('/jobs/' + encodeURIComponent(id));
      if (!current || current.jobId !== id) return;
      if (job.status === 'successful') { await finished(job); return; }
      if (job.status === 'failed' || job.status === 'dismissed') {
        show(ez.errorBox({ title: ez.t('jobStatus_' + job.status), detail: job.message || '' }));
        current = null;
        return;
      }
      progress(job);
      current.timer = setTimeout(poll, POLL_MS);
    } catch (e) {
      show(ez.errorBox(e));
      current = null;
    }
  }

  async function finished(job) {
    const doc = await ez.getJson('/jobs/' + encodeURIComponent(job.jobID) + '/results');
    current = null;
    const s = doc.summary || {};
    const per = s.perVerdict || {};
    const keys = VERDICTS.filter(v => per[v] != null).concat(Object.keys(per).filter(v => !VERDICTS.includes(v)));
    const counts = ez.el('table', { class: 'data', id: 'batch-summary' },
      ez.el('thead', null, ez.el('tr', null, ez.el('th', null, ez.t('verdict')), ez.el('th', null, ez.t('batchCount')))),
      ez.el('tbody', null, keys.map(v => ez.el('tr', { dataset: { verdict: v } },
        ez.el('td', null, ez.el('span', { class: 'verdict verdict-' + v }, ez.t(v === 'error' ? 'batchError' : 'verdict_' + v))),
        ez.el('td', { class: 'num' }, String(per[v]))))));
    const links = ez.el('p', { class: 'buttons', id: 'batch-downloads' },
      [['table', 'batchCsv'], ['tableXlsx', 'batchXlsx'], ['reports', 'batchReports']]
        .filter(([k]) => doc[k] && doc[k].href)
        .map(([k, label]) => ez.el('a', { href: doc[k].href, download: '', class: 'download', id: 'batch-dl-' + k }, ez.t(label))));
    const errors = (s.errors || []).length ? ez.el('div', { id: 'batch-errors' }, ez.el('h3', null, ez.t('batchBadRows', { n: s.errors.length })),
      ez.el('ul', null, s.errors.map(e => ez.el('li', null, ez.t('batchRow', { row: e.row }) + (e.file ? ' ' + e.file : '') + ' '
        + (e.name || '') + '：' + (e.reason || ''))))) : null;
    show(ez.el('p', { id: 'batch-status', dataset: { status: 'successful', job: job.jobID } },
      ez.t('batchDone', { n: s.projects != null ? s.projects : job.total })),
    ez.el('progress', { id: 'batch-progress', max: 100, value: 100 }),
    counts, links, errors,
    s.dataVersion ? ez.el('p', { class: 'hint' }, ez.t('batchDataVersion', { v: s.dataVersion })) : null);
  }

  ez.initBatch = function (catalog) {
    const select = document.getElementById('batch-industry');
    const fill = () => {
      const chosen = select.value;
      ez.clear(select);
      select.appendChild(ez.el('option', { value: '' }, ez.t('batchNoDefault')));
      ((catalog && catalog.industries) || []).forEach(i => select.appendChild(ez.el('option', { value: i.id }, ez.pick(i))));
      select.value = chosen;
    };
    fill();
    ez.onLanguage(fill);
    document.getElementById('batch-start').addEventListener('click', start);
  };
})();
