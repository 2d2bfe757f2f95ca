import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  HOUSEHOLD_STATUS,
  householdStatus,
  isNear,
  OWN_AGENT,
} from '../../../src/core/coverage-engine/index';
import { assignedAgentDistances } from '../../../src/core/geo/coverage';

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

describe('householdStatus (the one definition)', () => {
  // Distance and agent, with a visit on the reference date: the distance rule alone.
  it.each([
    [OWN_AGENT.active, 0, 1000, HOUSEHOLD_STATUS.covered],
    [OWN_AGENT.active, 1000, 1000, HOUSEHOLD_STATUS.covered], // inclusive at the limit
    [OWN_AGENT.active, 1000.0000000000001, 1000, HOUSEHOLD_STATUS.far],
    [OWN_AGENT.active, Number.NaN, 1000, HOUSEHOLD_STATUS.far], // a coordinate missing
    [OWN_AGENT.inactive, 10, 1000, HOUSEHOLD_STATUS.noAgent],
    [OWN_AGENT.unknown, Number.NaN, 1000, HOUSEHOLD_STATUS.noAgent],
    [OWN_AGENT.none, Number.NaN, 1000, HOUSEHOLD_STATUS.noAgent],
  ] as const)('agent %d at %d m with limit %d m → status %d', (own, d, limit, expected) => {
    expect(householdStatus(own, d, limit, 0, 90)).toBe(expected);
  });

  // The visit window, for a near household (and that visits never rescue a far one or one without agent).
  it.each([
    [OWN_AGENT.active, 500, 0, HOUSEHOLD_STATUS.covered],
    [OWN_AGENT.active, 500, 90, HOUSEHOLD_STATUS.covered], // inclusive: exactly N days ago
    [OWN_AGENT.active, 500, 91, HOUSEHOLD_STATUS.unvisited],
    [OWN_AGENT.active, 500, -3, HOUSEHOLD_STATUS.covered], // a visit dated after the reference date
    [OWN_AGENT.active, 500, Number.NaN, HOUSEHOLD_STATUS.unvisited], // never visited
    [OWN_AGENT.active, 500, null, HOUSEHOLD_STATUS.visitUnknown], // visits not recorded
    [OWN_AGENT.active, 1500, 0, HOUSEHOLD_STATUS.far],
    [OWN_AGENT.active, 1500, null, HOUSEHOLD_STATUS.far],
    [OWN_AGENT.inactive, 500, 0, HOUSEHOLD_STATUS.noAgent],
    [OWN_AGENT.none, Number.NaN, null, HOUSEHOLD_STATUS.noAgent],
  ] as const)(
    'agent %d at %d m (limit 1000 m), visited %s days ago (window 90) → status %d',
    (own, d, age, expected) => {
      expect(householdStatus(own, d, 1000, age, 90)).toBe(expected);
    },
  );

  it('isNear: covered, unvisited and visitUnknown', () => {
    const near = Object.values(HOUSEHOLD_STATUS).filter(isNear);
    expect(near.sort()).toEqual(
      [HOUSEHOLD_STATUS.covered, HOUSEHOLD_STATUS.unvisited, HOUSEHOLD_STATUS.visitUnknown].sort(),
    );
  });
});
