import type { Layer } from '@deck.gl/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districtNamesAt } from '../../../src/core/map/district-names';
import {
  DETAIL_ZOOM,
  VILLAGE_LABELS_FROM_ZOOM,
  villageLabelLayers,
} from '../../../src/core/map/village-layers';

const labels = [
  { text: 'Kota Manna', position: [103.0, -4.3] as [number, number], priority: 2 },
  { text: 'Pino', position: [103.1, -4.3] as [number, number], priority: 1 },
];
const byId = (layers: Layer[]) => new Map(layers.map((l) => [l.id, l]));

describe('names on the map', () => {
  it('shows one kind of names at any zoom: kecamatan names in the overview, village names from the detail zoom', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), (zoom) => {
        const villages = villageLabelLayers(labels, zoom).filter((l) => l.props.visible);
        const districts = districtNamesAt(labels, zoom, DETAIL_ZOOM);
        expect(villages.length > 0).toBe(zoom >= DETAIL_ZOOM);
        expect(districts.length > 0).toBe(zoom < DETAIL_ZOOM);
      }),
    );
  });

  it('makes the village names only near the zoom that shows them, so a first map sets up no layer it cannot show', () => {
    expect(VILLAGE_LABELS_FROM_ZOOM).toBeLessThan(DETAIL_ZOOM);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), (zoom) => {
        const village = byId(villageLabelLayers(labels, zoom)).get('village-labels');
        expect(village !== undefined).toBe(zoom >= VILLAGE_LABELS_FROM_ZOOM);
      }),
    );
  });

  it('shows kecamatan names that do not overlap: of two close names, the one of higher priority', () => {
    // The two points are 36 px apart at zoom 8 (the names collide: only 'Kota Manna' is kept), 146 px at zoom 10.
    expect(districtNamesAt(labels, 8, DETAIL_ZOOM).map((l) => l.text)).toEqual(['Kota Manna']);
    expect(districtNamesAt(labels, 10, DETAIL_ZOOM).map((l) => l.text)).toEqual(['Kota Manna', 'Pino']);
  });
});
