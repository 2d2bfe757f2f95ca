/**
 * A new map's frames before it has loaded (its style, and every source's tiles for the view) show an unfinished
 * map that no one looks at: the first look lies over the page until the section says ready, and ready waits for
 * the loaded map. Yet with software rendering each of those frames costs a full raster on the GPU thread and a
 * read-back of the canvas — hundreds of milliseconds each on a small machine, spent before the map that counts.
 * A map made here draws nothing until it has loaded; those frames still update its sources and ask for their
 * tiles, and once it has loaded it draws every frame as MapLibre does (a pan that waits for tiles is drawn).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface Painter {
  render: (...args: unknown[]) => unknown;
}

export function drawFromLoad(map: MapLibreMap): void {
  const painter = (map as unknown as { painter?: Painter }).painter;
  if (typeof painter?.render !== 'function' || Object.hasOwn(painter, 'render')) return;
  const render = painter.render;
  painter.render = function (this: Painter, ...args: unknown[]) {
    if (!map.loaded()) return undefined;
    // From the first loaded frame on, the painter's own method again.
    delete (painter as Partial<Painter>).render;
    return render.apply(this, args);
  };
}
