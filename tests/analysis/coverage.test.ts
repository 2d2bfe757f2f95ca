import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { assignedAgentDistances, isCovered } from '../../src/analysis/coverage';

const f64 = (values: number[]) => Float64Array.from(values);

describe('assignedAgentDistances', () => {
  it('measures each household to its own agent, geodesically, in metres', () => {
    const d = assignedAgentDistances({
      householdLon: f64([102.9, 102.9, 102.91, 102.9]),
      householdLat: f64([-4.45, -4.46, -4.45, -4.45]),
      agentLon: f64([102.9, 102.9, 102.9, Number.NaN]),
      agentLat: f64([-4.45, -4.45, -4.45, Number.NaN]),
    });
    expect(d[0]).toBe(0);
    // 0.01° of latitude on Turf's sphere (R = 6,371,008.8 m) = 1,111.95 m.
    expect(d[1]).toBeCloseTo(1111.95, 1);
    // 0.01° of longitude at 4.45° S is shorter by cos(lat).
    expect(d[2]).toBeCloseTo(1111.95 * Math.cos((4.45 * Math.PI) / 180), 0);
    expect(d[3]).toBeNaN();
  });

  it('agrees with turf.distance on random pairs across the regency', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const n = 200;
    const hLon = f64(Array.from({ length: n }, () => 102.8 + rand() * 0.5));
    const hLat = f64(Array.from({ length: n }, () => -4.55 + rand() * 0.4));
    const aLon = f64(Array.from({ length: n }, () => 102.8 + rand() * 0.5));
    const aLat = f64(Array.from({ length: n }, () => -4.55 + rand() * 0.4));
    const d = assignedAgentDistances({
      householdLon: hLon,
      householdLat: hLat,
      agentLon: aLon,
      agentLat: aLat,
    });
    for (let i = 0; i < n; i++) {
      const expected = distance(
        [hLon[i] as number, hLat[i] as number],
        [aLon[i] as number, aLat[i] as number],
        {
          units: 'meters',
        },
      );
      expect(d[i]).toBeCloseTo(expected, 6);
    }
  });
});

describe('isCovered', () => {
  it.each([
    [0, 1000, true],
    [999.9, 1000, true],
    [1000, 1000, true], // inclusive at the threshold
    [1000.01, 1000, false],
    [Number.NaN, 1000, false], // no agent
  ])('distance %d m with threshold %d m → %s', (d, threshold, expected) => {
    expect(isCovered(d, threshold)).toBe(expected);
  });
});
