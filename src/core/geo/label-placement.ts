/** A label to place: its anchor (centre), text and priority (higher wins a collision). */
export interface PlaceableLabel {
  position: [number, number];
  text: string;
  priority: number;
}

const TILE_SIZE = 512; // MapLibre's world size at zoom 0, in CSS pixels.
const CHAR_WIDTH_EM = 0.62;
const LINE_HEIGHT_EM = 1.3;
const PADDING_PX = 4;

/** Web Mercator pixel coordinates of [lon, lat] at `zoom`. */
export function mercatorPixels([lon, lat]: [number, number], zoom: number): [number, number] {
  const world = TILE_SIZE * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return [
    ((lon + 180) / 360) * world,
    ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world,
  ];
}

/**
 * The labels that fit at `zoom` without overlapping, chosen greedily by priority (ties: input order).
 * Boxes are estimated from the text length and font size.
 */
export function placeLabels<L extends PlaceableLabel>(
  labels: readonly L[],
  zoom: number,
  fontSizePx: number,
): L[] {
  const order = labels
    .map((label, index) => ({ label, index }))
    .sort((a, b) => b.label.priority - a.label.priority || a.index - b.index);
  const boxes: [number, number, number, number][] = [];
  const placed: L[] = [];
  for (const { label } of order) {
    const [x, y] = mercatorPixels(label.position, zoom);
    const halfW = (label.text.length * fontSizePx * CHAR_WIDTH_EM) / 2 + PADDING_PX;
    const halfH = (fontSizePx * LINE_HEIGHT_EM) / 2 + PADDING_PX;
    const box: [number, number, number, number] = [x - halfW, y - halfH, x + halfW, y + halfH];
    const hit = boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
    if (!hit) {
      boxes.push(box);
      placed.push(label);
    }
  }
  return placed;
}
