// The phone layout (≤ 700 px wide): the side panel becomes a bottom sheet under the map. The identify panel moves into
// the sheet (never floating over it), a site's verdict stays in the sheet's header, and a tap opens one thing only.
import { app } from './state.js';
import * as App from './app.js';
import * as I18n from './i18n.js';

const query = window.matchMedia('(max-width: 700px)');

export function isPhone() { return query.matches; };

/** Puts the identify panel where it belongs: in the sheet (after its header) on a phone, over the map on a desktop. */
function place() {
  const panel = document.getElementById('identify');
  const sidebar = document.getElementById('sidebar');
  if (!panel || !sidebar) return;
  if (query.matches) {
    const header = document.getElementById('sheet-header');
    if (panel.previousElementSibling !== header) header.after(panel);
  } else if (panel.parentElement !== document.querySelector('main')) {
    document.querySelector('main').appendChild(panel);
  }
  document.body.classList.toggle('phone', query.matches);
  if (app.map) setTimeout(() => app.map.invalidateSize(), 0);
}

/** The planner's verdict, repeated in the sheet's header so that identify results or scrolling never hide it. */
function mirrorVerdict() {
  const badge = document.getElementById('sheet-verdict');
  const verdict = document.getElementById('verdict');
  const planner = document.getElementById('tab-planner');
  if (!verdict || !planner || !planner.classList.contains('active')) { badge.hidden = true; return; }
  badge.hidden = false;
  badge.className = verdict.className;
  badge.textContent = I18n.t('verdict') + ': ' + verdict.textContent;
}

function setExpanded(on) {
  const sidebar = document.getElementById('sidebar');
  sidebar.classList.toggle('expanded', on);
  const b = document.getElementById('sheet-toggle');
  b.setAttribute('aria-expanded', on ? 'true' : 'false');
  b.textContent = I18n.t(on ? 'sheetCollapse' : 'sheetExpand');
  if (app.map) setTimeout(() => app.map.invalidateSize(), 0);
}

export function initPhone() {
  place();
  if (query.addEventListener) query.addEventListener('change', place); else query.addListener(place);
  const toggle = document.getElementById('sheet-toggle');
  toggle.addEventListener('click', () => setExpanded(!document.getElementById('sidebar').classList.contains('expanded')));
  setExpanded(false);
  I18n.onLanguage(() => { setExpanded(document.getElementById('sidebar').classList.contains('expanded')); mirrorVerdict(); });
  new MutationObserver(mirrorVerdict).observe(document.getElementById('planner-result'), { childList: true, subtree: true, characterData: true });
  App.onTab('planner', mirrorVerdict);
  ['layers', 'forester', 'stats'].forEach(t => App.onTab(t, mirrorVerdict));
  mirrorVerdict();
}
