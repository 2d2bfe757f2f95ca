/**
 * Anchors for deck.gl's places among the map's own layers. In interleaved mode the overlay draws its layers in
 * one MapLibre layer per place (`beforeId`), added when a layer first needs that place and removed when none
 * does. Adding one changes the map's style, which costs a frame of its own before the layers are drawn (with
 * software rendering, a hundred milliseconds or more), at the first answer and again at each section switch.
 * The anchors hold every place the sections use from the moment the map's style is parsed (shared-map.ts hands a
 * map's own with every section's layers): they draw nothing and have no GPU program.
 */
import { Layer } from '@deck.gl/core';
import { CHOROPLETH_BEFORE_LAYER } from './base-style';

class PlaceAnchor extends Layer {
  static override layerName = 'PlaceAnchor';
  override initializeState(): void {}
  override draw(): void {}
}

/**
 * One anchor per place, under the village lines (choropleths) and above everything (points, highlights): new
 * ones for each map, since a deck.gl layer belongs to the one Deck that set it up (two maps can be alive at
 * once, and a map removed finalizes its layers).
 */
export const placeAnchors = (): Layer[] => [
  new PlaceAnchor({ id: 'anchor-under-village-lines', ...({ beforeId: CHOROPLETH_BEFORE_LAYER } as object) }),
  new PlaceAnchor({ id: 'anchor-top' }),
];
