import { describe, expect, it } from 'vitest';
import { mercatorPixels, placeLabels } from '../../../src/core/geo/label-placement';

const label = (text: string, lon: number, lat: number, priority = 0) => ({
  text,
  position: [lon, lat] as [number, number],
  priority,
});

describe('mercatorPixels', () => {
  it('puts [0, 0] at the centre of the 512 px world at zoom 0, doubling per zoom', () => {
    expect(mercatorPixels([0, 0], 0)).toEqual([256, 256]);
    const [x, y] = mercatorPixels([180, 0], 1);
    expect(x).toBeCloseTo(1024);
    expect(y).toBeCloseTo(512);
  });
});

describe('placeLabels', () => {
  it('keeps the higher priority of two labels at the same place', () => {
    const placed = placeLabels([label('Kecil', 102.9, -4.45, 10), label('Besar', 102.9, -4.45, 99)], 10, 12);
    expect(placed.map((l) => l.text)).toEqual(['Besar']);
  });

  it('keeps both when they are far apart at this zoom', () => {
    const placed = placeLabels([label('Alpha', 102.9, -4.45), label('Beta', 103.1, -4.45)], 10, 12);
    expect(placed).toHaveLength(2);
  });

  it('separates labels that collide when zoomed out and fit when zoomed in', () => {
    const labels = [label('Manna', 102.92, -4.45, 2), label('Kota Manna', 102.93, -4.45, 1)];
    expect(placeLabels(labels, 9, 15)).toHaveLength(1);
    expect(placeLabels(labels, 14, 15)).toHaveLength(2);
  });
});
