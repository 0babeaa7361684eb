// Search a feature by name or code on the server (CQL2 LIKE on each layer's name and id properties) and zoom to it.
(function () {
  'use strict';
  const ez = window.ecozone;
  const PER_LAYER = 8;
  let seq = 0;

  /** A CQL2 text literal: single quotes doubled, LIKE wildcards typed by the user taken literally. */
  function likeLiteral(q) {
    return "'%" + q.replace(/'/g, "''").replace(/[%_\\]/g, '') + "%'";
  }

  async function searchLayer(l, q) {
    const props = [l.def.nameProperty, l.def.idProperty].filter((p, i, a) => p && a.indexOf(p) === i)
      .filter(p => l.def.attributes.some(a => a.name === p && a.type === 'string'));
    if (!props.length) return [];
    const filter = props.map(p => p + ' LIKE ' + likeLiteral(q)).join(' OR ');
    try {
      const r = await ez.getJson('/collections/' + encodeURIComponent(l.def.id) + '/items?' +
        ez.query({ filter: filter, 'filter-lang': 'cql2-text', limit: PER_LAYER, f: 'json' }));
      return (r.features || []).map(f => ({ layer: l, feature: f }));
    } catch (e) {
      console.warn('search ' + l.def.id + ': ' + (e.detail || e.message));
      return [];
    }
  }

  ez.search = async function (q) {
    const mine = ++seq;
    const text = q.trim();
    const list = document.getElementById('search-results');
    if (text.replace(/[%_\\']/g, '').length < 1) { list.hidden = true; return []; }
    const found = [].concat(...await Promise.all(Object.values(ez.layers).map(l => searchLayer(l, text))));
    if (mine !== seq) return found;  // a newer search is under way
    ez.clear(list);
    if (!found.length) list.appendChild(ez.el('li', { class: 'none' }, ez.t('searchNone')));
    found.slice(0, 30).forEach(r => list.appendChild(ez.el('li', { class: 'result', tabindex: 0,
      onclick: () => { list.hidden = true; ez.zoomToFeature(r.layer.def.id, r.feature.id, r.feature); } },
      ez.el('span', { class: 'result-name' }, ez.featureName(r.layer, r.feature)),
      ez.el('span', { class: 'result-layer' }, ez.pick(r.layer.def.title) + ' · ' + String(r.feature.id)))));
    list.hidden = false;
    return found;
  };

  ez.initSearch = function () {
    const input = document.getElementById('search-input');
    let timer = null;
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => ez.search(input.value), 300); });
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') { clearTimeout(timer); ez.search(input.value); }
      if (e.key === 'Escape') document.getElementById('search-results').hidden = true;
    });
  };
})();
