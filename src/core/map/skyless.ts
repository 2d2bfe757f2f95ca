/**
 * MapLibre draws its sky under every frame, whatever the style. This dashboard's maps are flat and its style
 * opens with an opaque background (the sea) that covers the whole map in the same frame, so no pixel of the sky
 * is ever seen — but with software WebGL its GPU program is compiled before the first map can be shown and its
 * full-screen pass is drawn in every frame. A map made here draws no sky.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface PainterWithDrawFunctions {
  drawFunctions?: Record<string, unknown>;
}

export function drawNoSky(map: MapLibreMap): void {
  const painter = (map as unknown as { painter?: PainterWithDrawFunctions }).painter;
  // The functions are shared by every painter: this one gets its own copy.
  if (painter?.drawFunctions && 'sky' in painter.drawFunctions)
    painter.drawFunctions = { ...painter.drawFunctions, sky: () => undefined };
}
