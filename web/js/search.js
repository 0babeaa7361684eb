// Search every target by name or code (CQL2 LIKE on each layer's queryable name and id properties) and the
// 准入清单 by requirement text (/access-list/search); a hit zooms to its feature or unit(s). Keyboard: Enter runs the
// search and moves to the first result, arrow keys move between results, Enter opens one, Escape closes the list.
import { app } from './state.js';
import { observed } from './observed.js';
import * as AccessList from './accesslist.js';
import * as Api from './api.js';
import * as Dom from './dom.js';
import * as I18n from './i18n.js';
import * as Identify from './identify.js';
import * as Layers from './layers.js';

const PER_LAYER = 8;
const REQUIREMENTS = 10;
/** Name-like attributes worth searching besides the layer's name and id properties. */
const NAME_LIKE = ['name', 'code', 'source_name', 'mine', 'plot_id'];
let seq = 0;

/** A CQL2 text literal: single quotes doubled, LIKE wildcards typed by the user taken literally. */
function likeLiteral(q) {
  return "'%" + q.replace(/'/g, "''").replace(/[%_\\]/g, '') + "%'";
}

/**
 * The properties a layer is searched on: its name and id properties and the usual name attributes, when they are
 * queryable strings. `id` is not: CQL2 reserves it for the feature id, so a layer whose id property is called `id`
 * (the water sources) is found by its name property.
 */
function searchProperties(l) {
  return [l.def.nameProperty, l.def.idProperty].concat(NAME_LIKE)
    .filter((p, i, a) => p && p !== 'id' && a.indexOf(p) === i)
    .filter(p => l.def.attributes.some(a => a.name === p && a.type === 'string'));
}

async function searchLayer(l, q) {
  const props = searchProperties(l);
  if (!props.length) return { hits: [] };
  const filter = props.map(p => p + ' LIKE ' + likeLiteral(q)).join(' OR ');
  try {
    const r = await Api.getJson('/collections/' + encodeURIComponent(l.def.id) + '/items?' +
      Api.query({ filter: filter, 'filter-lang': 'cql2-text', limit: PER_LAYER, f: 'json' }));
    return { hits: (r.features || []).map(f => ({ kind: 'feature', layer: l, feature: f })) };
  } catch (e) {
    return { hits: [], error: { layer: l, error: e } };
  }
}

async function searchRequirements(q) {
  try {
    const r = await Api.getJson('/access-list/search?' + Api.query({ q: q, limit: REQUIREMENTS }));
    return { hits: (r.requirements || []).map(req => ({ kind: 'requirement', requirement: req })) };
  } catch (e) {
    return { hits: [], error: { error: e } };
  }
}

function unitLayer() {
  return Object.values(app.layers).find(l => l.def.kind === 'control_unit');
}

/** A requirement hit: zoom to its unit(s) and show the unit's list with the requirement marked. */
async function openRequirement(req) {
  const units = req.units || [];
  const l = unitLayer();
  if (units.length && l) {
    if (units.length === 1) {
      await Layers.zoomToFeature(l.def.id, units[0].code);
    } else {
      const bounds = L.latLngBounds([]);
      await Promise.all(units.map(async u => {
        try {
          const f = await Api.getJson('/collections/' + encodeURIComponent(l.def.id) + '/items/' + encodeURIComponent(u.code) + '?f=json');
          bounds.extend(L.geoJSON(f).getBounds());
        } catch (e) { /* a unit missing from the layer: the others still show */ }
      }));
      if (bounds.isValid()) app.map.fitBounds(bounds, { padding: [20, 20], animate: false });
    }
    Identify.showUnitList(units[0].code, req.id);
    return;
  }
  const zl = req.zone && app.layers[req.zone.collection];
  if (zl && zl.def.bbox) {
    const b = zl.def.bbox;
    app.map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [20, 20], animate: false });
  }
}

function requirementWhere(req) {
  const units = req.units || [];
  if (units.length) {
    const names = I18n.listJoin(units.slice(0, 3).map(u => u.name + I18n.paren(u.code)));
    return I18n.t('searchUnits', { list: names }) + (req.unitCount > 3 ? ' ' + I18n.t('searchMoreUnits', { n: req.unitCount }) : '');
  }
  if (req.zone) {
    const zl = app.layers[req.zone.collection];
    return I18n.t('searchZone', { layer: zl ? I18n.pick(zl.def.title) : req.zone.collection });
  }
  return I18n.t('searchScope', { scope: req.scope || '' });
}

function resultItem(r, list) {
  const activate = () => {
    list.hidden = true;
    if (r.kind === 'requirement') return openRequirement(r.requirement);
    const l = r.layer;
    Layers.zoomToFeature(l.def.id, r.feature.id, r.feature);
    if (l.def.kind === 'control_unit') {
      const p = r.feature.properties || {};
      Identify.showUnitList(String(p[l.def.idProperty] != null ? p[l.def.idProperty] : r.feature.id));
    }
  };
  const item = r.kind === 'requirement'
    ? Dom.el('li', { class: 'result requirement-result', role: 'option', tabindex: -1, 'data-id': r.requirement.id },
      Dom.el('span', { class: 'result-name' }, AccessList.effectBadge(r.requirement.effect), ' ',
        app.lang === 'en' && r.requirement.textEn ? r.requirement.textEn : r.requirement.text),
      Dom.el('span', { class: 'result-layer' }, I18n.t('searchRequirement') + ' · ' + requirementWhere(r.requirement)))
    : Dom.el('li', { class: 'result', role: 'option', tabindex: -1, 'data-layer': r.layer.def.id, 'data-feature': String(r.feature.id) },
      Dom.el('span', { class: 'result-name' }, Layers.featureName(r.layer, r.feature)),
      Dom.el('span', { class: 'result-layer' }, I18n.pick(r.layer.def.title) + ' · ' + String(r.feature.id)));
  item.addEventListener('click', activate);
  item.addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); activate(); }
  });
  return item;
}

export async function search(q) {
  const mine = ++seq;
  const text = q.trim();
  const list = document.getElementById('search-results');
  if (text.replace(/[%_\\']/g, '').length < 1) { list.hidden = true; return []; }
  const answers = await Promise.all(Object.values(app.layers).map(l => searchLayer(l, text)).concat([searchRequirements(text)]));
  if (mine !== seq) return [];  // a newer search is under way
  const found = [].concat(...answers.map(a => a.hits));
  const errors = answers.filter(a => a.error).map(a => a.error);
  Dom.clear(list);
  errors.forEach(er => {
    console.warn('search ' + (er.layer ? er.layer.def.id : 'access-list') + ': ' + (er.error.detail || er.error.message));
    list.appendChild(Dom.el('li', { class: 'error', role: 'alert' },
      Dom.el('strong', null, I18n.t('searchFailed') + I18n.t('labelSep') + (er.layer ? I18n.pick(er.layer.def.title) : I18n.t('searchRequirement'))), ' ',
      er.error.detail || er.error.message || ''));
  });
  if (!found.length) list.appendChild(Dom.el('li', { class: 'none' }, I18n.t('searchNone')));
  // features first (a name typed is most often a place), then requirement texts
  found.slice(0, 40).forEach(r => list.appendChild(resultItem(r, list)));
  list.hidden = false;
  observed.lastSearch = { q: text, found: found.length, errors: errors.length };
  return found;
}

function results() {
  return Array.from(document.querySelectorAll('#search-results li.result'));
}

function focusResult(i) {
  const rs = results();
  if (!rs.length) return;
  const k = Math.max(0, Math.min(rs.length - 1, i));
  rs.forEach((r, j) => { r.tabIndex = j === k ? 0 : -1; r.setAttribute('aria-selected', j === k ? 'true' : 'false'); });
  rs[k].focus();
}

export function initSearch() {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  list.setAttribute('role', 'listbox');
  let timer = null;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => search(input.value), 300); });
  input.addEventListener('keydown', async e => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      await search(input.value);
      focusResult(0);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden || !results().length) { clearTimeout(timer); await search(input.value); }
      focusResult(0);
    } else if (e.key === 'Escape') {
      list.hidden = true;
    }
  });
  list.addEventListener('keydown', e => {
    const rs = results();
    const i = rs.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); focusResult(i + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); if (i <= 0) input.focus(); else focusResult(i - 1); }
    else if (e.key === 'Escape') { list.hidden = true; input.focus(); }
  });
}
