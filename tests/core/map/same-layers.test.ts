import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import fc from 'fast-check';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PointCloud } from '../../../src/core/map/point-thinning';
import { layerChange, sameLayers } from '../../../src/core/map/same-layers';
import { householdLayer, villageFillLayer, villageLabelLayers } from '../../../src/core/map/village-layers';
import {
  areaFillLayers,
  householdPointLayer,
  sqlAreaLayers,
} from '../../../src/features/planner/planner-layers';
import { agentLayer, assignmentLineLayer } from '../../../src/features/supervisor/coverage-layers';

const square = (code: string, x: number): FeatureCollection['features'][number] => ({
  type: 'Feature',
  properties: { village_code: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, -4.3],
        [x + 0.01, -4.3],
        [x + 0.01, -4.29],
        [x, -4.3],
      ],
    ],
  },
});
const villages: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square('A', 103), square('B', 103.02), square('C', 103.04)],
};
const labels = [
  { text: 'Kota Manna', position: [103.0, -4.3] as [number, number], priority: 2 },
  { text: 'Pino', position: [103.02, -4.3] as [number, number], priority: 1 },
];
const points: PointCloud = {
  length: 3,
  positions: new Float32Array([103, -4.3, 103.0001, -4.3001, 103.2, -4.4]),
  colors: new Uint8Array([200, 0, 0, 255, 200, 0, 0, 255, 0, 0, 200, 255]),
};
const agents = {
  lon: new Float64Array([103, 103.1]),
  lat: new Float64Array([-4.3, -4.4]),
  active: new Uint8Array([1, 1]),
  families: new Int32Array([3, 12]),
  belowMin: new Uint8Array([1, 0]),
  aboveCap: new Uint8Array([0, 1]),
};
const boxPoints = { ...points, hid: new Int32Array([1, 2, 3]) };
const onHover = () => undefined;
const onClick = () => undefined;
const selectAgent = (_agent: number) => undefined;

/** The layers of a section, built from its state (new maps, arrays and closures each time, as React does). */
function sectionLayers(state: {
  fills: [string, string][];
  zoom: number;
  selected: string | null;
  pickAgent?: (agent: number) => void;
}): Layer[] {
  return [
    ...villageFillLayer({
      villages,
      fillByCode: new Map(state.fills),
      noDataColor: '#cccccc',
      onHover,
      onClick,
      selectedCode: state.selected,
    }),
    householdLayer('uncovered-households', points, state.zoom),
    assignmentLineLayer([]),
    agentLayer({ ...agents }, state.zoom, null, state.pickAgent ?? selectAgent),
    ...areaFillLayers({
      id: 'district-choropleth',
      areas: villages,
      codeKey: 'village_code',
      fillByCode: new Map(state.fills),
      noDataColor: '#cccccc',
      opacity: 0.8,
      onHover,
      selectedCode: state.selected,
      highlightCodes: new Set(['B']),
    }),
    householdPointLayer(boxPoints, 1, onHover),
    ...sqlAreaLayers(villages, new Set(['A', 'C'])),
    ...villageLabelLayers(labels, state.zoom),
  ];
}

const base: { fills: [string, string][]; zoom: number; selected: string | null } = {
  fills: [
    ['A', '#ff0000'],
    ['B', '#00ff00'],
  ],
  zoom: 9.3,
  selected: 'A',
};

describe('sameLayers', () => {
  it('finds layers rebuilt from the same state the same, so the map is not redrawn', () => {
    expect(layerChange(sectionLayers(base), sectionLayers(base))).toBeNull();
    // Within one zoom band the points, radii and labels stay the same.
    expect(layerChange(sectionLayers(base), sectionLayers({ ...base, zoom: 9.6 }))).toBeNull();
  });

  it('sees every change to the picture', () => {
    const before = sectionLayers(base);
    const changes: [Partial<typeof base> & { pickAgent?: (a: number) => void }, string | RegExp][] = [
      [
        {
          fills: [
            ['A', '#ff0000'],
            ['B', '#0000ff'],
          ],
        },
        'village-choropleth: updateTriggers',
      ],
      [{ fills: [['A', '#ff0000']] }, 'village-choropleth: updateTriggers'],
      [{ selected: 'B' }, 'village-selection: data'],
      [{ selected: null }, 'village-selection: data'],
      // The village names are set up near the zoom that shows them.
      [{ zoom: 10.6 }, '11 layers → 12'],
      [{ pickAgent: (_a: number) => undefined }, 'agents: onClick'],
    ];
    for (const [change, expected] of changes)
      expect(layerChange(before, sectionLayers({ ...base, ...change }))).toMatch(expected);
    const nearDetail = sectionLayers({ ...base, zoom: 10.6 });
    for (const zoom of [11.2, 12.5])
      expect(layerChange(nearDetail, sectionLayers({ ...base, zoom }))).toMatch(/^uncovered-households: /);
    expect(layerChange(before, before.slice(1))).toMatch(/layers/);
    expect(layerChange(before, [...before].reverse())).toMatch(/→/);
  });

  it('agrees with an equality of the props given, for any props (accessor functions aside)', () => {
    const color = fc.constantFrom([255, 0, 0, 255], [0, 0, 255, 255], [0, 0, 255, 128]);
    const props = fc.record({
      radius: fc.constantFrom(1, 1.5, 3),
      color,
      visible: fc.boolean(),
      data: fc.constantFrom([1, 2, 3], [1, 2], [3, 2, 1]),
      trigger: fc.constantFrom('a', 'b'),
      padding: fc.constantFrom([3, 1, 3, 1], [0, 0, 0, 0]),
    });
    const build = (p: typeof props extends fc.Arbitrary<infer T> ? T : never) =>
      new ScatterplotLayer<number>({
        id: 'points',
        // Copies: equal content in new arrays, as a rebuild makes.
        data: [...p.data],
        visible: p.visible,
        getRadius: p.radius,
        getFillColor: [...p.color] as [number, number, number, number],
        getPosition: (d) => [d, d],
        getLineColor: () => [0, 0, 0, 255],
        updateTriggers: { getPosition: p.trigger },
        ...({ padding: [...p.padding] } as object),
      });
    fc.assert(
      fc.property(props, props, (a, b) => {
        expect(sameLayers([build(a)], [build(b)])).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });
});
