import fc from 'fast-check';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { drawFromLoad } from '../../../src/core/map/drawn-from-load';

/** MapLibre's painter as the map calls it: a method of its class, called at each frame. */
class Painter {
  drawn: boolean[] = [];
  constructor(private readonly map: { loaded(): boolean }) {}
  render(): void {
    this.drawn.push(this.map.loaded());
  }
}

describe('drawFromLoad', () => {
  it('draws no frame before the first loaded one, and every frame from it on', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), (loadedAtFrames) => {
        let loaded = false;
        const map = { loaded: () => loaded } as { loaded(): boolean; painter?: Painter };
        map.painter = new Painter(map);
        drawFromLoad(map as unknown as MapLibreMap);
        for (const now of loadedAtFrames) {
          loaded = now;
          map.painter.render();
        }
        const first = loadedAtFrames.indexOf(true);
        // Nothing before the first loaded frame; from it on, each frame, loaded or not (say a pan's new tiles).
        expect(map.painter.drawn).toEqual(first < 0 ? [] : loadedAtFrames.slice(first));
        // Once loaded, the painter's own method again.
        if (first >= 0) expect(Object.hasOwn(map.painter, 'render')).toBe(false);
      }),
    );
  });

  it('leaves a map without the painter it knows as it is', () => {
    const map = { loaded: () => false } as unknown as MapLibreMap;
    expect(() => drawFromLoad(map)).not.toThrow();
  });
});
