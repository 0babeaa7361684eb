// Building page content from data: text always goes in as text nodes, never as HTML, so nothing typed or stored can break the page.
import { app } from './state.js';
import * as I18n from './i18n.js';


/** el('td', {class: 'x', onclick: fn}, 'text', childNode, [more]) */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(k => {
      const v = attrs[k];
      if (v == null || v === false) return;
      if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.substring(2), v);
      else if (k === 'class') e.className = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : String(v));
    });
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  children.forEach(c => {
    if (c == null || c === false) return;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  });
}

/** HTML-escaped text, for the few places a string of HTML is unavoidable (Leaflet attributions). */
export function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; };

/** A number with fixed decimals and thousands separators; '—' when missing. */
export function num(v, digits) {
  if (v == null || v === '' || !isFinite(Number(v))) return '—';
  return Number(v).toLocaleString(app.lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(share) { return share == null ? '—' : num(share * 100, 1) + '%'; };

/** A table: headers are label keys, rows arrays of cells (text or nodes); rowAttrs(i) gives a row's attributes. */
export function table(className, headerKeys, rows, rowAttrs) {
  return el('table', { class: 'data ' + (className || '') },
    el('thead', null, el('tr', null, headerKeys.map(k => el('th', null, I18n.t(k))))),
    el('tbody', null, rows.map((r, i) => el('tr', rowAttrs ? rowAttrs(i) : null, r.map(c => el('td', null, c))))));
}

/** A readable message from a failed request: the problem JSON's title and detail when there is one. */
export function errorBox(err) {
  return el('div', { class: 'error', role: 'alert' }, el('strong', null, err.title ? I18n.bilingualTitle(err.title) : I18n.t('error')), ' ',
    err.detail ? I18n.forPeople(I18n.bilingual(err.detail)) : (err.message || ''));
}
