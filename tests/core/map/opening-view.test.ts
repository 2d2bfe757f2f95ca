import fc from 'fast-check';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { showOpening } from '../../../src/core/map/opening-view';

/**
 * A map that keeps its centre within [-1, 1] of longitude (as maxBounds would, so where it lands differs from
 * what was asked) and counts its jumps (each one a frame drawn again).
 */
function fakeMap() {
  let center = { lng: 0, lat: 0 };
  let zoom = 3;
  let jumps = 0;
  const map = {
    getCenter: () => ({ ...center }),
    getZoom: () => zoom,
    // The regency cannot be fitted (say a map with no size yet).
    cameraForBounds: () => undefined,
    jumpTo: (camera: { center: [number, number]; zoom: number }) => {
      jumps++;
      center = { lng: Math.max(-1, Math.min(1, camera.center[0])), lat: camera.center[1] };
      zoom = camera.zoom;
    },
  };
  return {
    map: map as unknown as MapLibreMap,
    jumps: () => jumps,
    pan: (lng: number) => {
      center = { ...center, lng };
    },
  };
}

/** A shared link's view: where the map opens. */
const camera = fc.record({
  lon: fc.double({ min: -3, max: 3, noNaN: true }),
  lat: fc.double({ min: -3, max: 3, noNaN: true }),
  zoom: fc.double({ min: 0, max: 20, noNaN: true }),
});
const NO_PADDING = { top: 0, right: 0, bottom: 0, left: 0 };

describe('showOpening', () => {
  it('jumps once to an opening asked again, even where the map kept it within its bounds', () => {
    fc.assert(
      fc.property(camera, fc.integer({ min: 1, max: 5 }), (asked, times) => {
        const { map, jumps } = fakeMap();
        for (let i = 0; i < times; i++) showOpening(map, asked, NO_PADDING);
        expect(jumps()).toBe(1);
      }),
    );
  });

  it('jumps again when another opening is asked, or the map was moved since', () => {
    fc.assert(
      fc.property(camera, camera, (first, second) => {
        const { map, jumps, pan } = fakeMap();
        showOpening(map, first, NO_PADDING);
        showOpening(map, second, NO_PADDING);
        const same =
          first.lon.toFixed(9) === second.lon.toFixed(9) &&
          first.lat.toFixed(9) === second.lat.toFixed(9) &&
          first.zoom.toFixed(6) === second.zoom.toFixed(6);
        expect(jumps()).toBe(same ? 1 : 2);
        // The user moved the map: the same opening asked again brings it back.
        pan(map.getCenter().lng + 0.5);
        showOpening(map, second, NO_PADDING);
        expect(jumps()).toBe(same ? 2 : 3);
      }),
    );
  });

  it('does nothing without a camera (an area that cannot be fitted)', () => {
    const { map, jumps } = fakeMap();
    showOpening(map, null, NO_PADDING);
    expect(jumps()).toBe(0);
  });
});
