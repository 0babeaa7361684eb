// Every colour the scripts draw with (layer colours come from styles/*.json, the rest of the page from css/map.css).
// The verdict colours are also given to the stylesheet as CSS variables (--verdict-prohibited …), so badges drawn by
// CSS and by scripts cannot drift apart.
export const theme = {
  site: '#d400d4',          // the planner's site, drawn or edited
  hit: '#ff1744',           // zones the site overlaps
  picked: '#00e5ff',        // a feature picked by search or a zone link over vector tiles
  plot: '#ff6d00',          // restoration plots of the group chosen by the forester
  plotFill: '#ffab40',
  measure: '#0057e7',       // the forester's measured polygon
  identifyMarker: '#000',   // the point asked "which zones"
  identifyFill: '#fff',
  fallbackStroke: '#555',   // a layer without a style
  verdict: {
    prohibited: '#c62828', restricted: '#ef6c00', conditional: '#b8860b', allowed: '#2e7d32', error: '#5d4037'
  },
  /** GB 3838 water-quality classes Ⅰ … 劣Ⅴ: blue (best) to red (worst). */
  quality: ['#2b83ba', '#56b4e9', '#1a9641', '#e6b800', '#f07c1a', '#c62828'],
  /** Control-unit types without a class colour in the style, in the statistics charts. */
  unitTypeFallback: ['#94ea85', '#cb4e20', '#c4c3be', '#9a41cb', '#17a1a7']
};

/** Gives the stylesheet the theme's verdict colours as CSS variables. */
export function applyTheme(root) {
  Object.keys(theme.verdict).forEach(v => root.style.setProperty('--verdict-' + v, theme.verdict[v]));
}
