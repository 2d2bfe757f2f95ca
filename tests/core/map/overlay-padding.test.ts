import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlayPadding, type Rect } from '../../../src/core/map/overlay-padding';

const MAP: Rect = { left: 300, top: 48, right: 940, bottom: 768 };

describe('overlayPadding', () => {
  it('clears a legend on the right by the right side and a time bar across the bottom by the bottom', () => {
    const legend = { left: 640, top: 56, right: 900, bottom: 480 };
    const timeBar = { left: 308, top: 620, right: 844, bottom: 740 };
    const pad = overlayPadding(MAP, [legend, timeBar]);
    expect(pad.right).toBe(940 - 640 + 16);
    expect(pad.bottom).toBe(768 - 620 + 16);
    expect(pad.left).toBe(16);
    expect(pad.top).toBe(16);
  });

  it('ignores panels outside the map or without area', () => {
    const pad = overlayPadding(MAP, [
      { left: 0, top: 0, right: 200, bottom: 40 },
      { left: 500, top: 300, right: 500, bottom: 400 },
    ]);
    expect(pad).toEqual({ top: 16, right: 16, bottom: 16, left: 16 });
  });

  const rect = fc
    .tuple(
      fc.integer({ min: 250, max: 1000 }),
      fc.integer({ min: 0, max: 800 }),
      fc.integer({ min: 1, max: 500 }),
      fc.integer({ min: 1, max: 500 }),
    )
    .map(([left, top, w, h]): Rect => ({ left, top, right: left + w, bottom: top + h }));

  it('keeps a share of the map on each axis, and leaves the free part clear of every panel when it can', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 6 }), (overlays) => {
        const pad = overlayPadding(MAP, overlays);
        const width = MAP.right - MAP.left;
        const height = MAP.bottom - MAP.top;
        for (const side of ['top', 'right', 'bottom', 'left'] as const) expect(pad[side]).toBeGreaterThan(0);
        expect(pad.left + pad.right).toBeLessThanOrEqual(0.6 * width + 1e-9);
        expect(pad.top + pad.bottom).toBeLessThanOrEqual(0.6 * height + 1e-9);
        const clamped =
          pad.left + pad.right >= 0.6 * width - 1e-9 || pad.top + pad.bottom >= 0.6 * height - 1e-9;
        if (clamped) return;
        const free = {
          left: MAP.left + pad.left,
          right: MAP.right - pad.right,
          top: MAP.top + pad.top,
          bottom: MAP.bottom - pad.bottom,
        };
        for (const o of overlays) {
          const overlaps =
            Math.min(o.right, free.right) > Math.max(o.left, free.left) &&
            Math.min(o.bottom, free.bottom) > Math.max(o.top, free.top);
          expect(overlaps, JSON.stringify({ o, free })).toBe(false);
        }
      }),
    );
  });
});
