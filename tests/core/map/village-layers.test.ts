import type { Layer } from '@deck.gl/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETAIL_ZOOM, labelLayers, VILLAGE_LABELS_FROM_ZOOM } from '../../../src/core/map/village-layers';

const labels = [
  { text: 'Kota Manna', position: [103.0, -4.3] as [number, number], priority: 2 },
  { text: 'Pino', position: [103.02, -4.3] as [number, number], priority: 1 },
];
const byId = (layers: Layer[]) => new Map(layers.map((l) => [l.id, l]));

describe('labelLayers', () => {
  it('shows one kind of names at any zoom: kecamatan names in the overview, village names from the detail zoom', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), (zoom) => {
        const layers = labelLayers(labels, labels, zoom);
        const shown = layers.filter((l) => l.props.visible).map((l) => l.id);
        expect(shown).toEqual([zoom >= DETAIL_ZOOM ? 'village-labels' : 'district-labels']);
      }),
    );
  });

  it('makes the village names only near the zoom that shows them, so a first map sets up no layer it cannot show', () => {
    expect(VILLAGE_LABELS_FROM_ZOOM).toBeLessThan(DETAIL_ZOOM);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), (zoom) => {
        const village = byId(labelLayers(labels, labels, zoom)).get('village-labels');
        expect(village !== undefined).toBe(zoom >= VILLAGE_LABELS_FROM_ZOOM);
      }),
    );
  });
});
