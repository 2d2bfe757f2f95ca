/** Colours as data. Sequential ramps are ColorBrewer (colour-blind safe). */
export type Rgba = [number, number, number, number];

export const NEED_RAMP: readonly string[] = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
export const NO_DATA_COLOR = '#bdbdbd';
/** Areas with 1–2 households on printed maps (suppressed, UU 27/2022): grey, no class. */
export const SUPPRESSED_COLOR = '#9e9e9e';

export const MAP_COLORS = {
  sea: '#cfe2ee',
  land: '#f2efe9',
  outsideRegency: '#e6e2da',
  villageLine: '#6b6b6b',
  districtLine: '#303030',
  regencyLine: '#111111',
  householdCovered: '#1b7837',
  householdNotCovered: '#762a83',
  label: '#1a1a1a',
  selection: '#00b4d8',
  /** Places an SQL query put on the map: a hue no class ramp uses, on a white halo. */
  sqlResult: '#e6008a',
  labelHalo: '#ffffff',
} as const;

/** '#rrggbb' → [r, g, b, alpha]. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/**
 * 3×3 bivariate palette (Joshua Stevens): rows = share of households not covered (low → high),
 * columns = need rate (low → high). High need where no agent is near is the darkest cell.
 */
export const BIVARIATE_PALETTE: readonly (readonly string[])[] = [
  ['#e8e8e8', '#e4acac', '#c85a5a'],
  ['#b0d5df', '#ad9ea5', '#985356'],
  ['#64acbe', '#627f8c', '#574249'],
];

/** Sequential ramp for coverage %: low coverage is the warning colour (ColorBrewer RdYlGn, 5). */
export const COVERAGE_RAMP: readonly string[] = ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'];

export const STATUS_COLORS = {
  // Purple/magenta: distinct from the red–yellow–green coverage ramp underneath.
  noAgent: '#40004b',
  far: '#c51b7d',
  // Dark brown: near, but no visit within the window — apart from the purples and from the ramp's light hues.
  unvisited: '#8c510a',
  covered: '#1a9641',
  agent: '#2b83ba',
  agentBelowMin: '#e41a1c',
  agentAboveCap: '#000000',
  line: '#3f3f3f',
} as const;

/** Coverage classes for supervisors: fixed, meaningful breaks (%), half-open, the last closed. */
export const COVERAGE_BREAKS: readonly number[] = [0, 50, 70, 85, 95, 100];
