// Water-quality class by year (GB 3838 classes Ⅰ–劣Ⅴ) as a small inline SVG bar chart: taller and redder is worse.
import { theme } from './theme.js';
import * as I18n from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const CLASSES = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', '劣Ⅴ'];
const COLOURS = theme.quality;
const ALIASES = { I: 0, II: 1, III: 2, IV: 3, V: 4, '劣V': 5, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, 'Ⅰ类': 0,
  'Ⅱ类': 1, 'Ⅲ类': 2, 'Ⅳ类': 3, 'Ⅴ类': 4, '劣Ⅴ类': 5 };

export { CLASSES as QUALITY_CLASSES };
export { COLOURS as QUALITY_COLOURS };

/** Index 0–5 of a class written as Ⅰ…劣Ⅴ, I…劣V or 1…6; -1 when unknown. */
export function qualityIndex(c) {
  if (c == null) return -1;
  const s = String(c).trim();
  const i = CLASSES.indexOf(s);
  if (i >= 0) return i;
  return s in ALIASES ? ALIASES[s] : (s.toUpperCase() in ALIASES ? ALIASES[s.toUpperCase()] : -1);
}

/** [{year, cls}] sorted by year from {"2015": "Ⅳ", …}, [{year, class|quality}], or the same as JSON text. */
export function qualitySeries(value) {
  let v = value;
  if (typeof v === 'string') { try { v = JSON.parse(v); } catch (e) { return []; } }
  let out = [];
  if (Array.isArray(v)) out = v.map(x => ({ year: x && x.year, cls: x && (x['class'] || x.quality || x.cls) }));
  else if (v && typeof v === 'object') out = Object.keys(v).map(k => ({ year: k, cls: v[k] }));
  return out.filter(x => x.year != null && qualityIndex(x.cls) >= 0).sort((a, b) => String(a.year).localeCompare(String(b.year)));
}

function node(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  Object.keys(attrs).forEach(k => e.setAttribute(k, attrs[k]));
  if (text != null) e.textContent = text;
  return e;
}

/** The chart as an SVG element, or null when the value holds no yearly classes. */
export function qualityChart(value) {
  const series = qualitySeries(value);
  if (!series.length) return null;
  const bar = 26, gap = 6, top = 20, h = 72, bottom = 16, left = 4;
  const width = left + series.length * (bar + gap);
  const svg = node('svg', { width: width, height: top + h + bottom, viewBox: `0 0 ${width} ${top + h + bottom}`,
    class: 'quality-chart', role: 'img' });
  svg.appendChild(node('title', {}, I18n.t('qualityChart') + ': ' + series.map(s => s.year + ' ' + CLASSES[qualityIndex(s.cls)]).join(', ')));
  series.forEach((s, i) => {
    const k = qualityIndex(s.cls);
    const bh = Math.round(h * (k + 1) / CLASSES.length);
    const x = left + i * (bar + gap);
    svg.appendChild(node('rect', { x: x, y: top + h - bh, width: bar, height: bh, fill: COLOURS[k], 'data-class': CLASSES[k] }));
    svg.appendChild(node('text', { x: x + bar / 2, y: top + h - bh - 3, 'text-anchor': 'middle', class: 'cls' }, CLASSES[k]));
    svg.appendChild(node('text', { x: x + bar / 2, y: top + h + 12, 'text-anchor': 'middle', class: 'year' }, String(s.year)));
  });
  return svg;
}
