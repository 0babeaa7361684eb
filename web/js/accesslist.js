// The 准入清单 of a control unit by dimension (public disclosure): fetched from /access-list/units/{code}, shown in
// the info panel when a unit is clicked or found, and offered from the unit's popup. Data always goes in as text.
(function () {
  'use strict';
  const ez = window.ecozone;
  const cache = new Map();
  const LEVEL_KEYS = { '单元': 'level_unit', '区县': 'level_county', '市': 'level_city', '省': 'level_province', '国家': 'level_national' };

  /** The unit's list (cached per page; a failed request is not kept). */
  ez.unitAccessList = function (code) {
    if (!cache.has(code)) {
      cache.set(code, ez.getJson('/access-list/units/' + encodeURIComponent(code) + '?f=json').catch(e => { cache.delete(code); throw e; }));
    }
    return cache.get(code);
  };

  ez.levelLabel = function (level) { return LEVEL_KEYS[level] ? ez.t(LEVEL_KEYS[level]) : String(level || ''); };

  ez.effectBadge = function (effect) {
    const e = String(effect || '').replace(/[^a-z]/g, '');
    return ez.el('span', { class: 'effect-badge effect-' + e }, ez.t('effect_' + e));
  };

  function industryNames(ids) {
    const all = (ez.catalog && ez.catalog.industries) || [];
    return ids.map(id => { const i = all.find(x => x.id === id); return i ? ez.pick(i) : id; }).join(ez.t('listSep'));
  }

  /** A unit's 管控要求: a heading per dimension, each item with its effect, text and basis; 总体准入要求 marked as such. */
  ez.renderUnitList = function (data, highlightId) {
    const u = data.unit || {};
    const en = ez.lang === 'en';
    return ez.el('section', { class: 'unit-list', 'data-unit': u.code },
      ez.el('h3', { class: 'unit-list-title' }, ez.t('unitListOf', { name: u.name || '', code: u.code || '' })),
      ez.el('p', { class: 'hint' }, [u.county, u.type].filter(Boolean).join(' · '), ' — ', ez.t('unitListHint')),
      (data.dimensions || []).map(d => ez.el('div', { class: 'dimension', 'data-dimension': d.dimension },
        ez.el('h4', { class: 'dimension-title' }, en ? d.dimensionEn : d.dimensionZh),
        (d.requirements || []).length
          ? ez.el('ul', { class: 'requirements' }, d.requirements.map(r => {
            const own = r.level === '单元';
            return ez.el('li', { class: 'requirement effect-' + String(r.effect).replace(/[^a-z]/g, '') + (own ? ' own' : ' general')
                + (highlightId && r.id === highlightId ? ' highlight' : ''), 'data-id': r.id },
              ez.el('div', { class: 'requirement-head' }, ez.effectBadge(r.effect),
                ez.el('span', { class: 'requirement-level' }, own ? ez.t('ownRequirement')
                  : ez.t('generalRequirementOf', { place: String(r.scope || '').split('/').pop(), level: r.level }))),
              ez.el('span', { class: 'requirement-text' }, en && r.textEn ? r.textEn : r.text),
              (r.industries || []).length ? ez.el('span', { class: 'requirement-meta' }, ez.t('industriesOnly', { list: industryNames(r.industries) })) : null,
              ez.el('span', { class: 'requirement-meta' }, ez.t('basis') + ez.t('labelSep'), ez.verbatim((r.basis || '') + (r.basisIssuer ? '（' + r.basisIssuer + '）' : '')), ' · ' + r.id));
          }))
          : ez.el('p', { class: 'none' }, ez.t('noRequirements')))),
      ez.el('p', null, ez.el('a', { href: '/access-list/units/' + encodeURIComponent(u.code) + '?f=html', target: '_blank', rel: 'noopener' }, ez.t('printable'))));
  };

  // a control unit's popup offers its list (shown in the info panel), above the attributes
  ez.initAccessList = function () {
    const basePopup = ez.popupContent;
    ez.popupContent = function (l, f) {
      const box = basePopup(l, f);
      if (l.def.kind !== 'control_unit') return box;
      const p = f.properties || {};
      const code = String(p[l.def.idProperty] != null ? p[l.def.idProperty] : f.id);
      const button = ez.el('button', { type: 'button', class: 'show-unit-list', onclick: () => ez.showUnitList(code) }, ez.t('showUnitList'));
      const title = box.querySelector('h3');
      if (title && title.nextSibling) box.insertBefore(button, title.nextSibling); else box.appendChild(button);
      return box;
    };
  };
})();
