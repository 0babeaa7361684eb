// window.ecozone: everything the page exposes, in one place, for browser tests, benchmarks and people at the console.
// The modules share nothing through window; they import each other. App state is exposed as live views of state.js,
// records of what happened from observed.js, and the few functions tests drive directly.
import { app } from './state.js';
import { observed } from './observed.js';
import * as Basemaps from './basemaps.js';
import * as Batch from './batch.js';
import * as Forester from './forester.js';
import * as I18n from './i18n.js';
import * as Identify from './identify.js';
import * as Layers from './layers.js';
import * as Planner from './planner.js';
import * as Search from './search.js';
import * as Stats from './stats.js';
import * as Tiles from './tiles.js';
import * as App from './app.js';

/** App state the tests read (and, for lang, set): live views, not copies. */
const STATE = ['ready', 'map', 'layers', 'catalog', 'lang'];

export function installTestHooks() {
  const ez = {};
  STATE.forEach(k => Object.defineProperty(ez, k, { enumerable: true, get: () => app[k], set: v => { app[k] = v; } }));
  Object.keys(observed).forEach(k => Object.defineProperty(ez, k, { enumerable: true, get: () => observed[k] }));
  Object.assign(ez, {
    // the planner
    siteCheck: Planner.siteCheck, reportUrl: Planner.reportUrl, encodeSite: Planner.encodeSite, decodeSite: Planner.decodeSite,
    permalink: Planner.permalink, exportSite: Planner.exportSite, clearSite: Planner.clearSite, recheckSite: Planner.recheckSite,
    openSiteInPlanner: Planner.openSiteInPlanner,
    // the batch panel
    openBatchProject: Batch.openBatchProject, sortBatchTable: Batch.sortBatchTable,
    // the map
    zoomToFeature: Layers.zoomToFeature, catalogBounds: Layers.catalogBounds, identifyAt: Identify.identifyAt,
    tilesSettled: Tiles.tilesSettled, tileReport: Tiles.tileReport, basemapUrls: Basemaps.basemapUrls, setBasemap: Basemaps.setBasemap,
    search: Search.search, measurePolygon: Forester.measurePolygon, showStats: Stats.showStats, showTab: App.showTab,
    // language
    t: I18n.t, term: I18n.term, setLanguage: I18n.setLanguage
  });
  window.ecozone = ez;
  return ez;
}
