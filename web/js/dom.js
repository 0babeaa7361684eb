// Building page content from data: text always goes in as text nodes, never as HTML, so nothing typed or stored can break the page.
(function () {
  'use strict';
  const ez = window.ecozone;

  /** el('td', {class: 'x', onclick: fn}, 'text', childNode, [more]) */
  ez.el = function (tag, attrs, ...children) {
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
  };

  function append(parent, children) {
    children.forEach(c => {
      if (c == null || c === false) return;
      if (Array.isArray(c)) append(parent, c);
      else if (c instanceof Node) parent.appendChild(c);
      else parent.appendChild(document.createTextNode(String(c)));
    });
  }

  /** HTML-escaped text, for the few places a string of HTML is unavoidable (Leaflet attributions). */
  ez.esc = function (s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  };

  ez.clear = function (e) { while (e.firstChild) e.removeChild(e.firstChild); return e; };

  /** A number with fixed decimals and thousands separators; '—' when missing. */
  ez.num = function (v, digits) {
    if (v == null || v === '' || !isFinite(Number(v))) return '—';
    return Number(v).toLocaleString(ez.lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  };

  ez.pct = function (share) { return share == null ? '—' : ez.num(share * 100, 1) + '%'; };

  /** A table: headers are label keys, rows arrays of cells (text or nodes); rowAttrs(i) gives a row's attributes. */
  ez.table = function (className, headerKeys, rows, rowAttrs) {
    return ez.el('table', { class: 'data ' + (className || '') },
      ez.el('thead', null, ez.el('tr', null, headerKeys.map(k => ez.el('th', null, ez.t(k))))),
      ez.el('tbody', null, rows.map((r, i) => ez.el('tr', rowAttrs ? rowAttrs(i) : null, r.map(c => ez.el('td', null, c))))));
  };

  /** A readable message from a failed request: the problem JSON's title and detail when there is one. */
  ez.errorBox = function (err) {
    return ez.el('div', { class: 'error', role: 'alert' }, ez.el('strong', null, err.title ? ez.bilingualTitle(err.title) : ez.t('error')), ' ',
      err.detail ? ez.forPeople(ez.bilingual(err.detail)) : (err.message || ''));
  };
})();
