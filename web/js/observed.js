// What the page did last, recorded for browser tests, benchmarks and people at the console (window.ecozone, see
// hooks.js). The page itself never decides anything from these records.
export const observed = {
  contextLabels: { admin: 0, unit: 0, unitComplete: false, done: false }, // labels placed (context.js)
  layerCounts: {},          // features drawn per GeoJSON layer (layers.js)
  settledAt: null,          // ms since navigation when every visible tile was last drawn (tiles.js)
  firstFullPaint: null,     // the first such time (tiles.js)
  firstSettledCheck: null,  // ms since navigation when every visible tile was first seen answered and drawn, before the frame (tiles.js)
  highlightedPlots: [],     // restoration plots outlined on the map (forester.js)
  lastMeasure: null,        // the last area measurement (forester.js)
  lastRestoration: null,    // the last restoration report (forester.js)
  lastSearch: null,         // the last search and its hits (search.js)
  lastSiteCheck: null,      // the planner's last result or error (planner.js)
  lastSiteGeometry: null,   // the geometry last sent for a check (planner.js)
  editedSiteGeometry: null, // the site as edited, while not yet re-checked (planner.js)
  lastSiteExport: null      // the last TXT/GeoJSON export: format, file name, text (planner.js)
};
