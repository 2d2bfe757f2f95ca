/** Colours as data. Sequential ramps are ColorBrewer (colour-blind safe). */
export type Rgba = [number, number, number, number];

export const NEED_RAMP: readonly string[] = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
export const NO_DATA_COLOR = '#bdbdbd';

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
  labelHalo: '#ffffff',
} as const;

/** '#rrggbb' → [r, g, b, alpha]. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
