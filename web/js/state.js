// The map's shared state: one object, each field written by the module named beside it and read by others. Functions
// are imported from their modules; only what changes while the page runs lives here.
export const app = {
  map: null,            // the Leaflet map (app.js)
  catalog: null,        // /map/catalog.json (layers.js)
  layers: {},           // layer id -> {def, style, group, visible, byId, mode, tiles} (layers.js)
  layersLoaded: false,  // every layer has its first features (layers.js)
  lang: 'zh',           // 'zh' or 'en' (i18n.js)
  ready: false,         // the map is usable (app.js)
  drawer: null,         // the leaflet-draw polygon in progress (app.js)
  drawing: false,       // a polygon is being drawn: map clicks place vertices (app.js)
  siteEditing: false,   // the planner's vertex editor is on: map clicks pick vertices (site-edit.js)
  lastIdentify: null    // the last "which zones here" answer (identify.js; tiles.js opens its popup)
};
