import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage, DEFAULT_COVERAGE_OPTIONS } from '../../../src/core/coverage-engine';
import { fullResult, leanResult } from '../../../src/features/supervisor/coverage-protocol';

/** A small dataset: households and agents around Manna, some households without an agent or a village. */
const dataset = fc
  .record({
    households: fc.array(
      fc.record({
        lon: fc.double({ min: 102.8, max: 103.0, noNaN: true }),
        lat: fc.double({ min: -4.5, max: -4.4, noNaN: true }),
        agent: fc.integer({ min: -1, max: 3 }),
        village: fc.integer({ min: -1, max: 1 }),
        visit: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    agents: fc.array(
      fc.record({
        lon: fc.double({ min: 102.8, max: 103.0, noNaN: true }),
        lat: fc.double({ min: -4.5, max: -4.4, noNaN: true }),
        active: fc.constantFrom(0, 1),
      }),
      { minLength: 4, maxLength: 4 },
    ),
    thresholdM: fc.integer({ min: 250, max: 10_000 }),
  })
  .map(({ households, agents, thresholdM }) => ({
    input: {
      households: {
        lon: Float64Array.from(households, (h) => h.lon),
        lat: Float64Array.from(households, (h) => h.lat),
        agentIndex: Int32Array.from(households, (h) => h.agent),
        villageIndex: Int32Array.from(households, (h) => h.village),
        visitAgeDays: Float64Array.from(households, (h) => h.visit ?? Number.NaN),
      },
      agents: {
        lon: Float64Array.from(agents, (a) => a.lon),
        lat: Float64Array.from(agents, (a) => a.lat),
        active: Uint8Array.from(agents, (a) => a.active),
        villageIndex: Int32Array.from(agents, () => 0),
      },
      villageDistrict: Int32Array.from([0, 0]),
      districtCount: 1,
    },
    options: { ...DEFAULT_COVERAGE_OPTIONS, thresholdM },
  }));

describe('an answer crossing from the coverage worker to the page', () => {
  it('leaves the data-only household arrays behind and is whole again around them', () => {
    fc.assert(
      fc.property(dataset, ({ input, options }) => {
        const answer = computeCoverage(input, options);
        const lean = leanResult(answer);
        expect(Object.keys(lean.household)).toEqual(['status']);
        // As it arrives on the page (a structured clone), around the arrays `init` sent once.
        const { assignedDistanceM, nearestAgent, nearestDistanceM } = answer.household;
        const data = structuredClone({ assignedDistanceM, nearestAgent, nearestDistanceM });
        const whole = fullResult(structuredClone(lean), data);
        expect(whole).toEqual(answer);
        expect(whole.household.nearestAgent).toBe(data.nearestAgent);
      }),
      { numRuns: 50 },
    );
  });
});
