// The 示意数据 notice: while the loaded data is the illustrative sample (the catalog's title says 示意数据), a banner on
// the map says so in the page's language. It can be closed; it comes back on every reload.
(function () {
  'use strict';
  const ez = window.ecozone;

  /** True when the catalog's title (zh or en, or a plain string) marks the data as the illustrative sample. */
  ez.isSampleCatalog = function (catalog) {
    const t = catalog && catalog.title;
    if (!t) return false;
    const texts = typeof t === 'string' ? [t] : [t.zh, t.en];
    return texts.some(s => typeof s === 'string' && s.includes('示意数据'));
  };

  /** Adds the notice to the map when the catalog is the sample; nothing otherwise. */
  ez.initNotice = function (catalog) {
    if (!ez.isSampleCatalog(catalog) || !ez.map) return;
    const Notice = L.Control.extend({
      options: { position: 'topright' },
      onAdd: function () {
        const title = ez.el('strong', { class: 'sample-notice-title' });
        const text = ez.el('span', { class: 'sample-notice-text' });
        const close = ez.el('button', { type: 'button', class: 'sample-notice-close' }, '×');
        const box = ez.el('div', { id: 'sample-notice', class: 'sample-notice', role: 'note' }, title, text, close);
        const fill = () => {
          title.textContent = ez.t('sampleNoticeTitle');
          text.textContent = ez.t('sampleNotice');
          close.setAttribute('aria-label', ez.t('sampleNoticeClose'));
          close.title = ez.t('sampleNoticeClose');
        };
        fill();
        ez.onLanguage(fill);
        close.addEventListener('click', () => { box.hidden = true; });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Notice().addTo(ez.map);
  };
})();
