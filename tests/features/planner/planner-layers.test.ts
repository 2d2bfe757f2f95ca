import type { Layer } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaFillLayers, sqlAreaLayers } from '../../../src/features/planner/planner-layers';

const villages: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { village_code: '17.01.01.2001' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [102.9, -4.4],
            [102.91, -4.4],
            [102.91, -4.39],
            [102.9, -4.4],
          ],
        ],
      },
    },
  ],
};

/** The layers that draw an outline: stroked, with a width. */
const outlined = (layers: Layer[]) => layers.filter((l) => (l.props as { stroked?: boolean }).stroked);

/*
 * Outlines (the selected village, the villages picked from the legend, an SQL result's villages) are a few
 * screen pixels wide at every zoom: deck.gl's default unit is the metre, which draws them invisibly thin on the
 * regency and as wide as streets up close.
 */
describe("the planner's area outlines", () => {
  it('are measured in pixels, every one of them', () => {
    const layers = [
      ...areaFillLayers({
        id: 'areas',
        areas: villages,
        codeKey: 'village_code',
        fillByCode: new Map(),
        noDataColor: '#cccccc',
        opacity: 1,
        onHover: () => undefined,
        selectedCode: '17.01.01.2001',
        highlightCodes: new Set(['17.01.01.2001']),
      }),
      ...sqlAreaLayers(villages, new Set(['17.01.01.2001'])),
    ];
    const lines = outlined(layers);
    expect(lines.length).toBe(4);
    for (const layer of lines)
      expect((layer.props as { lineWidthUnits?: string }).lineWidthUnits, layer.id).toBe('pixels');
  });
});
