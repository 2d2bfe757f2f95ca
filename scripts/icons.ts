/**
 * The app's icons (web app manifest, home screen) drawn in code and encoded as PNG with node:zlib, so no
 * binary is committed and no image tool is needed: a white map pin on the dashboard's accent colour, inside the
 * central 80 % that a maskable icon keeps.
 */
import { crc32, deflateSync } from 'node:zlib';

export const ICON_SIZES = [192, 512] as const;
export const THEME_COLOR = '#0b5d75';
const BACKGROUND: [number, number, number] = [0x0b, 0x5d, 0x75];
const FOREGROUND: [number, number, number] = [0xff, 0xff, 0xff];

/** True where the pin covers the point (x, y) given in units of the icon's size (0–1). */
export function insidePin(x: number, y: number): boolean {
  const cx = 0.5;
  const cy = 0.42;
  const r = 0.2;
  const d = Math.hypot(x - cx, y - cy);
  // The pin's head: a ring with a hole.
  if (d <= r) return d >= r * 0.42;
  // Its point: a triangle from the head's lower half down to the tip.
  const tipY = 0.78;
  if (y < cy || y > tipY) return false;
  const halfWidth = r * (1 - (y - cy) / (tipY - cy)) * 0.92;
  return Math.abs(x - cx) <= halfWidth;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A square RGB PNG of `size` pixels, 2×2 supersampled at the pin's edge. */
export function iconPng(size: number): Buffer {
  const row = 1 + size * 3;
  const raw = Buffer.alloc(row * size);
  for (let py = 0; py < size; py++) {
    raw[py * row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (const [ox, oy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        if (insidePin((px + ox) / size, (py + oy) / size)) hits++;
      }
      const t = hits / 4;
      for (let c = 0; c < 3; c++) {
        raw[py * row + 1 + px * 3 + c] = Math.round(
          (BACKGROUND[c] ?? 0) * (1 - t) + (FOREGROUND[c] ?? 0) * t,
        );
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
