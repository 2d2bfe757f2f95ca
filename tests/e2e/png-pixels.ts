/** Pixels of PNG files (screenshots, saved exports) decoded in Node, for colour checks. */
import { decode } from 'fast-png';

export type Rgb = readonly [number, number, number];

/**
 * How many pixels of the PNG, in rows [top, top + height) (all rows without them), are within `tolerance` of
 * `rgb` in every channel.
 */
export function countColor(
  png: Uint8Array,
  rgb: Rgb,
  tolerance = 24,
  rows?: { top: number; height: number },
) {
  const image = decode(png);
  const channels = image.channels;
  const data = image.data;
  const first = Math.max(0, Math.floor(rows?.top ?? 0));
  const last = Math.min(image.height, rows ? first + rows.height : image.height);
  let n = 0;
  for (let y = first; y < last; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * channels;
      if (
        Math.abs(Number(data[i]) - rgb[0]) <= tolerance &&
        Math.abs(Number(data[i + 1]) - rgb[1]) <= tolerance &&
        Math.abs(Number(data[i + 2]) - rgb[2]) <= tolerance
      )
        n += 1;
    }
  }
  return n;
}
