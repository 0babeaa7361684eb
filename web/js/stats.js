// District statistics (统计): GET /analysis/stats shown per district — 红线占比 as a bar chart, water-source zones by
// level, control-unit types as a stacked bar per district, restored plots — and per control-unit type across districts.
import { theme } from './theme.js';
import { app } from './state.js';
import * as Api from './api.js';
import * as App from './app.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as Layers from './layers.js';

const SVG = 'http://www.w3.org/2000/svg';
const FALLBACK = theme.unitTypeFallback;
let stats = null;
let loading = null;

function svg(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  Object.keys(attrs || {}).forEach(k => e.setAttribute(k, attrs[k]));
  if (text != null) e.textContent = text;
  return e;
}

const km2 = area => Dom.num(area.m2 / 1e6, 2) + ' ' + I18n.t('km2');
const ha = area => Dom.num(area.ha, 1) + ' ' + I18n.t('ha');
/** 红线占比 to two decimals: the figure the plans report (生态保护红线面积占国土面积比例). */
export const statsPct = share => Dom.num(share * 100, 2) + '%';

/** The colour of a control-unit type on the map (its style class), so the chart and the map agree. */
function typeColour(type, i) {
  const l = app.layers && Object.values(app.layers).find(x => x.def.kind === 'control_unit');
  const s = l && l.style ? Layers.styleFor(l.style, { [l.style.property || 'type']: type }) : null;
  return (s && s.fillColor && l.style.classes.some(c => String(c.value) === type)) ? s.fillColor : FALLBACK[i % FALLBACK.length];
}

function typeLabel(type) {
  const l = app.layers && Object.values(app.layers).find(x => x.def.kind === 'control_unit');
  const c = l && l.style && (l.style.classes || []).find(x => String(x.value) === type);
  return c ? I18n.pick(c.label) : type;
}

/** Horizontal bars: one per district, length = share of the district's area, the figure written beside it. */
function shareChart(rows, title) {
  const rowH = 26, labelW = 84, barW = 200, valueW = 64, width = labelW + barW + valueW;
  const max = Math.max(0.0001, ...rows.map(r => r.share));
  const scale = max > 0.5 ? 1 : Math.min(1, Math.ceil(max * 10 + 0.5) / 10);  // the axis ends at a round share
  const chart = svg('svg', { viewBox: `0 0 ${width} ${rows.length * rowH + 18}`, class: 'stats-chart redline-chart', role: 'img' });
  chart.appendChild(svg('title', {}, title + ': ' + rows.map(r => r.name + ' ' + statsPct(r.share)).join(', ')));
  rows.forEach((r, i) => {
    const y = i * rowH + 4, w = Math.max(1, barW * r.share / scale);
    const g = svg('g', { class: 'bar' + (r.total ? ' total' : ''), 'data-district': r.code || '' });
    g.appendChild(svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', class: 'label', 'data-verbatim': '' }, r.name));
    g.appendChild(svg('rect', { x: labelW, y: y, width: barW, height: 18, class: 'track' }));
    g.appendChild(svg('rect', { x: labelW, y: y, width: w, height: 18, class: 'value', 'data-share': String(r.share) }));
    g.appendChild(svg('text', { x: labelW + barW + 6, y: y + 14, class: 'figure' }, statsPct(r.share)));
    chart.appendChild(g);
  });
  const axisY = rows.length * rowH + 14;
  chart.appendChild(svg('text', { x: labelW, y: axisY, class: 'axis' }, '0'));
  chart.appendChild(svg('text', { x: labelW + barW, y: axisY, 'text-anchor': 'end', class: 'axis' }, Dom.num(scale * 100, 0) + '%'));
  return chart;
}

/** One 100 % bar per district, split into control-unit types in their map colours. */
function stackedChart(districts, types) {
  const rowH = 26, labelW = 84, barW = 264, width = labelW + barW + 4;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${districts.length * rowH + 4}`, class: 'stats-chart unit-chart', role: 'img' });
  chart.appendChild(svg('title', {}, I18n.t('statsUnitTypes')));
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
      rect.appendChild(svg('title', {}, typeLabel(t) + ' ' + statsPct(s.share) + ' · ' + km2(s.area)));
      g.appendChild(rect);
      if (w > 34) g.appendChild(svg('text', { x: x + w / 2, y: y + 13, 'text-anchor': 'middle', class: 'in-bar' }, Dom.num(s.share * 100, 0) + '%'));
      x += w;
    });
    chart.appendChild(g);
  });
  return chart;
}

function legend(types) {
  return Dom.el('div', { class: 'chart-legend stats-legend' }, types.map((t, k) =>
    Dom.el('span', null, Dom.el('i', { style: 'background:' + typeColour(t, k) }), typeLabel(t))));
}

function cell(area, share) {
  return Dom.el('span', { class: 'stat' }, Dom.num(area.ha, 1), Dom.el('br'), Dom.el('small', null, statsPct(share)));
}

function render() {
  const box = Dom.clear(document.getElementById('stats-body'));
  if (!stats) return;
  const districts = stats.districts || [];
  if (!districts.length) { box.appendChild(Dom.el('p', { class: 'none' }, I18n.t('statsNone'))); return; }
  const all = stats.total ? districts.concat([Object.assign({}, stats.total, { name: I18n.t('statsTotal'), total: true })]) : districts;
  box.appendChild(Dom.el('p', { class: 'hint stats-basis' }, I18n.t('statsBasis')));

  // 红线占比
  box.appendChild(Dom.el('h3', null, I18n.t('statsRedline')));
  box.appendChild(shareChart(all.map(d => ({ name: d.name, code: d.code, share: d.redline.share, total: d.total })), I18n.t('statsRedline')));
  box.appendChild(Dom.table('stats-redline', ['statsDistrict', 'statsLandArea', 'statsRedlineArea', 'statsRedlineShare'],
    all.map(d => [d.name, km2(d.area), km2(d.redline.area), statsPct(d.redline.share)]),
    i => ({ 'data-district': all[i].code || '', class: all[i].total ? 'total' : null })));

  // water-source zones by level
  const levels = [];
  districts.forEach(d => Object.keys(d.waterSourceByLevel || {}).forEach(k => { if (!levels.includes(k)) levels.push(k); }));
  box.appendChild(Dom.el('h3', null, I18n.t('statsWater')));
  box.appendChild(Dom.el('div', { class: 'table-scroll' }, Dom.el('table', { class: 'data stats-water' },
    Dom.el('thead', null, Dom.el('tr', null, Dom.el('th', null, I18n.t('statsDistrict')), levels.map(l => Dom.el('th', null, I18n.dataValue(l))),
      Dom.el('th', null, I18n.t('statsWaterAll')))),
    Dom.el('tbody', null, all.map(d => Dom.el('tr', { 'data-district': d.code || '', class: d.total ? 'total' : null },
      Dom.el('td', null, I18n.dataValue(d.name)),
      levels.map(l => { const s = (d.waterSourceByLevel || {})[l]; return Dom.el('td', null, s ? cell(s.area, s.share) : '—'); }),
      Dom.el('td', null, cell(d.waterSource.area, d.waterSource.share))))))));
  box.appendChild(Dom.el('p', { class: 'hint' }, I18n.t('statsWaterNote')));

  // control-unit types per district (stacked) and per type across districts
  const types = [];
  districts.forEach(d => Object.keys(d.controlUnitByType || {}).forEach(k => { if (!types.includes(k)) types.push(k); }));
  box.appendChild(Dom.el('h3', null, I18n.t('statsUnitTypes')));
  if (types.length) {
    box.appendChild(stackedChart(all, types));
    box.appendChild(legend(types));
    box.appendChild(Dom.el('h3', null, I18n.t('statsByType')));
    types.forEach((t, k) => {
      const total = stats.total && stats.total.controlUnitByType[t];
      box.appendChild(Dom.el('div', { class: 'stats-type', 'data-type': t },
        Dom.el('h4', null, Dom.el('i', { class: 'swatch', style: 'background:' + typeColour(t, k) }), ' ', typeLabel(t),
          total ? Dom.el('span', { class: 'stats-type-total' }, ' ', km2(total.area), ' · ', statsPct(total.share)) : null),
        Dom.table('stats-types', ['statsDistrict', 'statsAreaKm2', 'statsOfDistrict', 'statsOfType'],
          districts.map(d => {
            const s = (d.controlUnitByType || {})[t];
            if (!s) return [d.name, '—', '—', '—'];
            return [d.name, Dom.num(s.area.m2 / 1e6, 2), statsPct(s.share),
              total && total.area.m2 > 0 ? Dom.num(100 * s.area.m2 / total.area.m2, 1) + '%' : '—'];
          }), i => ({ 'data-district': districts[i].code || '' }))));
    });
  } else {
    box.appendChild(Dom.el('p', { class: 'none' }, I18n.t('statsNone')));
  }

  // restoration
  box.appendChild(Dom.el('h3', null, I18n.t('statsRestoration')));
  box.appendChild(Dom.table('stats-restoration', ['statsDistrict', 'statsPlots', 'statsRestored', 'statsRestoredShare'],
    all.map(d => [d.name, ha(d.restorationPlots.area), ha(d.restoredPlots.area),
      d.restorationPlots.area.m2 > 0 ? Dom.num(100 * d.restoredPlots.area.m2 / d.restorationPlots.area.m2, 1) + '%' : '—']),
    i => ({ 'data-district': all[i].code || '', class: all[i].total ? 'total' : null })));
  box.appendChild(Dom.el('p', { class: 'hint' }, I18n.t('statsRestoredNote')));
}

async function load() {
  if (stats || loading) return loading;
  const box = Dom.clear(document.getElementById('stats-body'));
  box.appendChild(Dom.el('p', { class: 'hint' }, I18n.t('loading')));
  loading = Api.getJson('/analysis/stats').then(s => { stats = s; render(); }).catch(e => {
    loading = null;
    Dom.clear(box).appendChild(Dom.errorBox(e));
  });
  return loading;
}

/** Loads the statistics (once) and draws them; the stats tab calls it when opened. Resolves when drawn. */
export { load as showStats };

document.addEventListener('DOMContentLoaded', () => {
  if (App.onTab) App.onTab('stats', load);
  if (I18n.onLanguage) I18n.onLanguage(render);
});
