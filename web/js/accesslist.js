// The 准入清单 of a control unit by dimension (public disclosure): fetched from /access-list/units/{code}, shown in
// the info panel when a unit is clicked or found, and offered from the unit's popup. Data always goes in as text.
import { app } from './state.js';
import * as Api from './api.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as Identify from './identify.js';
import * as Layers from './layers.js';

const cache = new Map();
const LEVEL_KEYS = { '单元': 'level_unit', '区县': 'level_county', '市': 'level_city', '省': 'level_province', '国家': 'level_national' };

/** The unit's list (cached per page; a failed request is not kept). */
export function unitAccessList(code) {
  if (!cache.has(code)) {
    cache.set(code, Api.getJson('/access-list/units/' + encodeURIComponent(code) + '?f=json').catch(e => { cache.delete(code); throw e; }));
  }
  return cache.get(code);
}

export function levelLabel(level) { return LEVEL_KEYS[level] ? I18n.t(LEVEL_KEYS[level]) : String(level || ''); };

export function effectBadge(effect) {
  const e = String(effect || '').replace(/[^a-z]/g, '');
  return Dom.el('span', { class: 'effect-badge effect-' + e }, I18n.t('effect_' + e));
}

function industryNames(ids) {
  const all = (app.catalog && app.catalog.industries) || [];
  return ids.map(id => { const i = all.find(x => x.id === id); return i ? I18n.pick(i) : id; }).join(I18n.t('listSep'));
}

/** A unit's 管控要求: a heading per dimension, each item with its effect, text and basis; 总体准入要求 marked as such. */
export function renderUnitList(data, highlightId) {
  const u = data.unit || {};
  const en = app.lang === 'en';
  return Dom.el('section', { class: 'unit-list', 'data-unit': u.code },
    Dom.el('h3', { class: 'unit-list-title' }, I18n.t('unitListOf', { name: u.name || '', code: u.code || '' })),
    Dom.el('p', { class: 'hint' }, [u.county, u.type].filter(Boolean).join(' · '), ' — ', I18n.t('unitListHint')),
    (data.dimensions || []).map(d => Dom.el('div', { class: 'dimension', 'data-dimension': d.dimension },
      Dom.el('h4', { class: 'dimension-title' }, en ? d.dimensionEn : d.dimensionZh),
      (d.requirements || []).length
        ? Dom.el('ul', { class: 'requirements' }, d.requirements.map(r => {
          const own = r.level === '单元';
          return Dom.el('li', { class: 'requirement effect-' + String(r.effect).replace(/[^a-z]/g, '') + (own ? ' own' : ' general')
              + (highlightId && r.id === highlightId ? ' highlight' : ''), 'data-id': r.id },
            Dom.el('div', { class: 'requirement-head' }, effectBadge(r.effect),
              Dom.el('span', { class: 'requirement-level' }, own ? I18n.t('ownRequirement')
                : I18n.t('generalRequirementOf', { place: String(r.scope || '').split('/').pop(), level: r.level }))),
            Dom.el('span', { class: 'requirement-text' }, en && r.textEn ? r.textEn : r.text),
            (r.industries || []).length ? Dom.el('span', { class: 'requirement-meta' }, I18n.t('industriesOnly', { list: industryNames(r.industries) })) : null,
            Dom.el('span', { class: 'requirement-meta' }, I18n.t('basis') + I18n.t('labelSep'), I18n.verbatim((r.basis || '') + (r.basisIssuer ? '（' + r.basisIssuer + '）' : '')), ' · ' + r.id));
        }))
        : Dom.el('p', { class: 'none' }, I18n.t('noRequirements')))),
    Dom.el('p', null, Dom.el('a', { href: '/access-list/units/' + encodeURIComponent(u.code) + '?f=html', target: '_blank', rel: 'noopener' }, I18n.t('printable'))));
}

// a control unit's popup offers its list (shown in the info panel), above the attributes
export function initAccessList() {
  Layers.decoratePopups((box, l, f) => {
    if (l.def.kind !== 'control_unit') return box;
    const p = f.properties || {};
    const code = String(p[l.def.idProperty] != null ? p[l.def.idProperty] : f.id);
    const button = Dom.el('button', { type: 'button', class: 'show-unit-list', onclick: () => Identify.showUnitList(code) }, I18n.t('showUnitList'));
    const title = box.querySelector('h3');
    if (title && title.nextSibling) box.insertBefore(button, title.nextSibling); else box.appendChild(button);
    return box;
  });
}
