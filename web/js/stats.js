// District statistics (统计): GET /analysis/stats shown per district — 红线占比 as a bar chart, water-source zones by
// level, control-unit types as a stacked bar per district, restored plots — and per control-unit type across districts.
(function () {
  'use strict';
  const ez = window.ecozone;
  const SVG = 'http://www.w3.org/2000/svg';
  const FALLBACK = ['#94ea85', '#cb4e20', '#c4c3be', '#9a41cb', '#17a1a7'];
  let stats = null;
  let loading = null;

  function svg(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(k => e.setAttribute(k, attrs[k]));
    if (text != null) e.textContent = text;
    return e;
  }

  const km2 = area => ez.num(area.m2 / 1e6, 2) + ' ' + ez.t('km2');
  const ha = area => ez.num(area.ha, 1) + ' ' + ez.t('ha');
  /** 红线占比 to two decimals: the figure the plans report (生态保护红线面积占国土面积比例). */
  ez.statsPct = share => ez.num(share * 100, 2) + '%';

  /** The colour of a control-unit type on the map (its style class), so the chart and the map agree. */
  function typeColour(type, i) {
    const l = ez.layers && Object.values(ez.layers).find(x => x.def.kind === 'control_unit');
    const s = l && l.style ? ez.styleFor(l.style, { [l.style.property || 'type']: type }) : null;
    return (s && s.fillColor && l.style.classes.some(c => String(c.value) === type)) ? s.fillColor : FALLBACK[i % FALLBACK.length];
  }

  function typeLabel(type) {
    const l = ez.layers && Object.values(ez.layers).find(x => x.def.kind === 'control_unit');
    const c = l && l.style && (l.style.classes || []).find(x => String(x.value) === type);
    return c ? ez.pick(c.label) : type;
  }

  /** Horizontal bars: one per district, length = share of the district's area, the figure written beside it. */
  function shareChart(rows, title) {
    const rowH = 26, labelW = 84, barW = 200, valueW = 64, width = labelW + barW + valueW;
    const max = Math.max(0.0001, ...rows.map(r => r.share));
    const scale = max > 0.5 ? 1 : Math.min(1, Math.ceil(max * 10 + 0.5) / 10);  // the axis ends at a round share
    const chart = svg('svg', { viewBox: `0 0 ${width} ${rows.length * rowH + 18}`, class: 'stats-chart redline-chart', role: 'img' });
    chart.appendChild(svg('title', {}, title + ': ' + rows.map(r => r.name + ' ' + ez.statsPct(r.share)).join(', ')));
    rows.forEach((r, i) => {
      const y = i * rowH + 4, w = Math.max(1, barW * r.share / scale);
      const g = svg('g', { class: 'bar' + (r.total ? ' total' : ''), 'data-district': r.code || '' });
      g.appendChild(svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', class: 'label', 'data-verbatim': '' }, r.name));
      g.appendChild(svg('rect', { x: labelW, y: y, width: barW, height: 18, class: 'track' }));
      g.appendChild(svg('rect', { x: labelW, y: y, width: w, height: 18, class: 'value', 'data-share': String(r.share) }));
      g.appendChild(svg('text', { x: labelW + barW + 6, y: y + 14, class: 'figure' }, ez.statsPct(r.share)));
      chart.appendChild(g);
    });
    const axisY = rows.length * rowH + 14;
    chart.appendChild(svg('text', { x: labelW, y: axisY, class: 'axis' }, '0'));
    chart.appendChild(svg('text', { x: labelW + barW, y: axisY, 'text-anchor': 'end', class: 'axis' }, ez.num(scale * 100, 0) + '%'));
    return chart;
  }

  /** One 100 % bar per district, split into control-unit types in their map colours. */
  function stackedChart(districts, types) {
    const rowH = 26, labelW = 84, barW = 264, width = labelW + barW + 4;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${districts.length * rowH + 4}`, class: 'stats-chart unit-chart', role: 'img' });
    chart.appendChild(svg('title', {}, ez.t('statsUnitTypes')));
    districts.forEach((d, i) => {
      const y = i * rowH + 4;
      const g = svg('g', { class: 'stack', 'data-district': d.code || '' });
      g.appendChild(svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', class: 'label' }, d.name));
      let x = labelW;
      types.forEach((t, k) => {
        const s = d.controlUnitByType[t];
        if (!s || s.share <= 0) return;
        const w = barW * Math.min(1, s.share);
        const rect = svg('rect', { x: x, y: y, width: w, height: 18, fill: typeColour(t, k), 'data-type': t, 'data-share': String(s.share) });
        rect.appendChild(svg('title', {}, typeLabel(t) + ' ' + ez.statsPct(s.share) + ' · ' + km2(s.area)));
        g.appendChild(rect);
        if (w > 34) g.appendChild(svg('text', { x: x + w / 2, y: y + 13, 'text-anchor': 'middle', class: 'in-bar' }, ez.num(s.share * 100, 0) + '%'));
        x += w;
      });
      chart.appendChild(g);
    });
    return chart;
  }

  function legend(types) {
    return ez.el('div', { class: 'chart-legend stats-legend' }, types.map((t, k) =>
      ez.el('span', null, ez.el('i', { style: 'background:' + typeColour(t, k) }), typeLabel(t))));
  }

  function cell(area, share) {
    return ez.el('span', { class: 'stat' }, ez.num(area.ha, 1), ez.el('br'), ez.el('small', null, ez.statsPct(share)));
  }

  function render() {
    const box = ez.clear(document.getElementById('stats-body'));
    if (!stats) return;
    const districts = stats.districts || [];
    if (!districts.length) { box.appendChild(ez.el('p', { class: 'none' }, ez.t('statsNone'))); return; }
    const all = stats.total ? districts.concat([Object.assign({}, stats.total, { name: ez.t('statsTotal'), total: true })]) : districts;
    box.appendChild(ez.el('p', { class: 'hint stats-basis' }, ez.t('statsBasis')));

    // 红线占比
    box.appendChild(ez.el('h3', null, ez.t('statsRedline')));
    box.appendChild(shareChart(all.map(d => ({ name: d.name, code: d.code, share: d.redline.share, total: d.total })), ez.t('statsRedline')));
    box.appendChild(ez.table('stats-redline', ['statsDistrict', 'statsLandArea', 'statsRedlineArea', 'statsRedlineShare'],
      all.map(d => [d.name, km2(d.area), km2(d.redline.area), ez.statsPct(d.redline.share)]),
      i => ({ 'data-district': all[i].code || '', class: all[i].total ? 'total' : null })));

    // water-source zones by level
    const levels = [];
    districts.forEach(d => Object.keys(d.waterSourceByLevel || {}).forEach(k => { if (!levels.includes(k)) levels.push(k); }));
    box.appendChild(ez.el('h3', null, ez.t('statsWater')));
    box.appendChild(ez.el('div', { class: 'table-scroll' }, ez.el('table', { class: 'data stats-water' },
      ez.el('thead', null, ez.el('tr', null, ez.el('th', null, ez.t('statsDistrict')), levels.map(l => ez.el('th', null, ez.dataValue(l))),
        ez.el('th', null, ez.t('statsWaterAll')))),
      ez.el('tbody', null, all.map(d => ez.el('tr', { 'data-district': d.code || '', class: d.total ? 'total' : null },
        ez.el('td', null, ez.dataValue(d.name)),
        levels.map(l => { const s = (d.waterSourceByLevel || {})[l]; return ez.el('td', null, s ? cell(s.area, s.share) : '—'); }),
        ez.el('td', null, cell(d.waterSource.area, d.waterSource.share))))))));
    box.appendChild(ez.el('p', { class: 'hint' }, ez.t('statsWaterNote')));

    // control-unit types per district (stacked) and per type across districts
    const types = [];
    districts.forEach(d => Object.keys(d.controlUnitByType || {}).forEach(k => { if (!types.includes(k)) types.push(k); }));
    box.appendChild(ez.el('h3', null, ez.t('statsUnitTypes')));
    if (types.length) {
      box.appendChild(stackedChart(all, types));
      box.appendChild(legend(types));
      box.appendChild(ez.el('h3', null, ez.t('statsByType')));
      types.forEach((t, k) => {
        const total = stats.total && stats.total.controlUnitByType[t];
        box.appendChild(ez.el('div', { class: 'stats-type', 'data-type': t },
          ez.el('h4', null, ez.el('i', { class: 'swatch', style: 'background:' + typeColour(t, k) }), ' ', typeLabel(t),
            total ? ez.el('span', { class: 'stats-type-total' }, ' ', km2(total.area), ' · ', ez.statsPct(total.share)) : null),
          ez.table('stats-types', ['statsDistrict', 'statsAreaKm2', 'statsOfDistrict', 'statsOfType'],
            districts.map(d => {
              const s = (d.controlUnitByType || {})[t];
              if (!s) return [d.name, '—', '—', '—'];
              return [d.name, ez.num(s.area.m2 / 1e6, 2), ez.statsPct(s.share),
                total && total.area.m2 > 0 ? ez.num(100 * s.area.m2 / total.area.m2, 1) + '%' : '—'];
            }), i => ({ 'data-district': districts[i].code || '' }))));
      });
    } else {
      box.appendChild(ez.el('p', { class: 'none' }, ez.t('statsNone')));
    }

    // restoration
    box.appendChild(ez.el('h3', null, ez.t('statsRestoration')));
    box.appendChild(ez.table('stats-restoration', ['statsDistrict', 'statsPlots', 'statsRestored', 'statsRestoredShare'],
      all.map(d => [d.name, ha(d.restorationPlots.area), ha(d.restoredPlots.area),
        d.restorationPlots.area.m2 > 0 ? ez.num(100 * d.restoredPlots.area.m2 / d.restorationPlots.area.m2, 1) + '%' : '—']),
      i => ({ 'data-district': all[i].code || '', class: all[i].total ? 'total' : null })));
    box.appendChild(ez.el('p', { class: 'hint' }, ez.t('statsRestoredNote')));
  }

  async function load() {
    if (stats || loading) return loading;
    const box = ez.clear(document.getElementById('stats-body'));
    box.appendChild(ez.el('p', { class: 'hint' }, ez.t('loading')));
    loading = ez.getJson('/analysis/stats').then(s => { stats = s; render(); }).catch(e => {
      loading = null;
      ez.clear(box).appendChild(ez.errorBox(e));
    });
    return loading;
  }

  /** Loads the statistics (once) and draws them; the stats tab calls it when opened. Resolves when drawn. */
  ez.showStats = load;

  document.addEventListener('DOMContentLoaded', () => {
    if (ez.onTab) ez.onTab('stats', load);
    if (ez.onLanguage) ez.onLanguage(render);
  });
})();
