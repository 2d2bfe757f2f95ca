import { describe, expect, it } from 'vitest';
import { loadHistogram, topAgents } from '../../../src/features/supervisor/agent-load';

describe('loadHistogram', () => {
  it('counts active agents per family count, the top bin open-ended', () => {
    const bins = loadHistogram(Int32Array.from([0, 2, 2, 5, 9, 3]), Uint8Array.from([1, 1, 1, 1, 1, 0]), 4);
    expect(bins).toEqual([
      { bin: 0, families: '0', agents: 1 },
      { bin: 1, families: '1', agents: 0 },
      { bin: 2, families: '2', agents: 2 },
      { bin: 3, families: '3', agents: 0 }, // the agent with 3 is inactive
      { bin: 4, families: '4+', agents: 2 },
    ]);
  });
});

describe('topAgents', () => {
  it('keeps active agents that match, best score first, limited', () => {
    const agents = {
      active: Uint8Array.from([1, 1, 0, 1]),
      families: Int32Array.from([3, 12, 1, 4]),
      meanDistanceM: Float64Array.from([100, 5000, 9000, 2500]),
      maxDistanceM: Float64Array.from([200, 9000, 9000, 4000]),
    };
    const far = topAgents(
      agents,
      () => true,
      (r) => r.meanDistanceM,
      2,
    );
    expect(far.map((r) => r.agent)).toEqual([1, 3]);
    const below = topAgents(
      agents,
      (i) => (agents.families[i] ?? 0) < 10,
      (r) => -r.families,
      10,
    );
    expect(below.map((r) => r.agent)).toEqual([0, 3]);
  });
});
