import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_STATUS } from '../../../src/core/coverage-engine';
import { hexToRgba, STATUS_COLORS } from '../../../src/core/map/palette';
import { AGENT_ZOOM, agentLayer, uncoveredPoints } from '../../../src/features/supervisor/coverage-layers';

const agentsOf = (active: number[]) => ({
  lon: Float64Array.from(active, (_, i) => 103 + i / 1000),
  lat: Float64Array.from(active, () => -4.3),
  active: Uint8Array.from(active),
  families: Int32Array.from(active, () => 10),
  belowMin: new Uint8Array(active.length),
  aboveCap: new Uint8Array(active.length),
});

const dataOf = (zoom: number, agents: ReturnType<typeof agentsOf>) =>
  agentLayer(agents, zoom, null, () => {}).props.data as readonly number[];

describe('agentLayer', () => {
  it('holds the active agents only where they are drawn, so a hidden layer costs no attributes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 1), { maxLength: 60 }),
        fc.double({ min: 0, max: 22, noNaN: true }),
        fc.double({ min: 0, max: AGENT_ZOOM, noNaN: true, maxExcluded: true }),
        (active, zoom, otherOverview) => {
          const agents = agentsOf(active);
          const layer = agentLayer(agents, zoom, null, () => {});
          const shown = zoom >= AGENT_ZOOM;
          expect(layer.props.visible).toBe(shown);
          const expected = active.flatMap((a, i) => (a ? [i] : []));
          expect([...dataOf(zoom, agents)]).toEqual(shown ? expected : []);
          // Zooming within the overview, or in the detail, hands deck.gl the same data (no new attributes).
          const again = shown ? Math.max(zoom, AGENT_ZOOM) + 1 : otherOverview;
          expect(dataOf(again, agents)).toBe(dataOf(zoom, agents));
        },
      ),
    );
  });
});

describe('uncoveredPoints', () => {
  // What a supervisor acts on, by status, written out here (not read from the module).
  const expectedColor = new Map<number, number[]>([
    [HOUSEHOLD_STATUS.noAgent, hexToRgba(STATUS_COLORS.noAgent)],
    [HOUSEHOLD_STATUS.far, hexToRgba(STATUS_COLORS.far)],
    [HOUSEHOLD_STATUS.unvisited, hexToRgba(STATUS_COLORS.unvisited)],
  ]);

  it('holds each household with no agent, a far agent or no visit, in order, at its place and in its colour', () => {
    const household = fc.record({
      lon: fc.double({ min: 102, max: 104, noNaN: true }),
      lat: fc.double({ min: -5, max: -4, noNaN: true }),
      // Every status byte, the engine's and any other.
      status: fc.oneof(fc.constantFrom(...Object.values(HOUSEHOLD_STATUS)), fc.integer({ min: 0, max: 255 })),
    });
    fc.assert(
      fc.property(fc.array(household, { maxLength: 300 }), (rows) => {
        const lon = Float64Array.from(rows, (r) => r.lon);
        const lat = Float64Array.from(rows, (r) => r.lat);
        const status = Uint8Array.from(rows, (r) => r.status);
        const out = uncoveredPoints(lon, lat, status);
        const shown = rows.filter((r) => expectedColor.has(r.status));
        expect(out.length).toBe(shown.length);
        expect(Array.from(out.positions)).toEqual(
          shown.flatMap((r) => [Math.fround(r.lon), Math.fround(r.lat)]),
        );
        expect(Array.from(out.colors)).toEqual(shown.flatMap((r) => expectedColor.get(r.status) ?? []));
      }),
      { numRuns: 300 },
    );
  });
});
