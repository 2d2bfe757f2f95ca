import { describe, expect, it } from 'vitest';
import { loadHistogram } from '../../../src/features/supervisor/agent-load';

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
