// The 示意数据 notice: while the loaded data is the illustrative sample (the catalog's title says 示意数据), a banner on
// the map says so in the page's language. It can be closed; it comes back on every reload.
import { app } from './state.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';


/** True when the catalog's title (zh or en, or a plain string) marks the data as the illustrative sample. */
export function isSampleCatalog(catalog) {
  const t = catalog && catalog.title;
  if (!t) return false;
  const texts = typeof t === 'string' ? [t] : [t.zh, t.en];
  return texts.some(s => typeof s === 'string' && s.includes('示意数据'));
}

/** Adds the notice to the map when the catalog is the sample; nothing otherwise. */
export function initNotice(catalog) {
  if (!isSampleCatalog(catalog) || !app.map) return;
  const Notice = L.Control.extend({
    options: { position: 'topright' },
    onAdd: function () {
      const title = Dom.el('strong', { class: 'sample-notice-title' });
      const text = Dom.el('span', { class: 'sample-notice-text' });
      const close = Dom.el('button', { type: 'button', class: 'sample-notice-close' }, '×');
      const box = Dom.el('div', { id: 'sample-notice', class: 'sample-notice', role: 'note' }, title, text, close);
      const fill = () => {
        title.textContent = I18n.t('sampleNoticeTitle');
        text.textContent = I18n.t('sampleNotice');
        close.setAttribute('aria-label', I18n.t('sampleNoticeClose'));
        close.title = I18n.t('sampleNoticeClose');
      };
      fill();
      I18n.onLanguage(fill);
      close.addEventListener('click', () => { box.hidden = true; });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });
  new Notice().addTo(app.map);
}
