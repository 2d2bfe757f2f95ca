import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_ZOOM, agentLayer } from '../../../src/features/supervisor/coverage-layers';

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
