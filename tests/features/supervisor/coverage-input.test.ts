/**
 * The engine's arrays read from DuckDB (loadCoverageArrays) against the tables they come from, on generated
 * datasets: villages, kecamatan and agents inserted in any order, households whose agent or village is unknown
 * or missing, agents whose home village is unknown. Every index must point back at the row it stands for.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeHouseholdCoverage } from '../../../src/core/dataset/load-dataset';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { loadCoverageArrays } from '../../../src/features/supervisor/coverage-input';
import { startNodeDuckDb } from '../../helpers/duckdb-node';
import { type FixtureTables, loadFixtureTables } from '../../helpers/fixture-db';

let db: SqlClient;
beforeAll(async () => {
  db = await startNodeDuckDb();
}, 120_000);

interface Village {
  code: string;
  district: string;
  lon: number;
  lat: number;
}
interface Agent {
  id: string;
  home: string;
  lon: number;
  lat: number;
  active: 0 | 1;
}
interface Household {
  id: string;
  village: string;
  agent: string;
  lon: number;
  lat: number;
}

const coordinate = fc.record({
  lon: fc.double({ min: 102.6, max: 103.3, noNaN: true }).map((v) => Math.round(v * 1e5) / 1e5),
  lat: fc.double({ min: -4.7, max: -4.1, noNaN: true }).map((v) => Math.round(v * 1e5) / 1e5),
});

/** A dataset: villages in 1–4 kecamatan, agents and households referring to them, some references unknown. */
const datasets = fc
  .record({
    villages: fc.uniqueArray(
      fc.record({
        code: fc.integer({ min: 2001, max: 2099 }).map(String),
        district: fc.constantFrom('17.01.01', '17.01.04', '17.01.10', '17.01.02'),
        place: coordinate,
      }),
      { minLength: 1, maxLength: 12, selector: (v) => v.code },
    ),
    agents: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 999 }),
        home: fc.nat(14),
        place: coordinate,
        active: fc.boolean(),
      }),
      { maxLength: 25, selector: (a) => a.id },
    ),
    households: fc.array(fc.record({ village: fc.nat(14), agent: fc.nat(30), place: coordinate }), {
      maxLength: 60,
    }),
  })
  .map(({ villages, agents, households }) => {
    const vs: Village[] = villages.map((v) => ({
      code: `${v.district}.${v.code}`,
      district: v.district,
      ...v.place,
    }));
    // An index past the generated ones is a code the tables do not hold.
    const villageAt = (i: number) => vs[i]?.code ?? `17.01.99.${2000 + i}`;
    const as: Agent[] = agents.map((a) => ({
      id: `AG-${String(a.id).padStart(4, '0')}`,
      home: villageAt(a.home),
      ...a.place,
      active: a.active ? 1 : 0,
    }));
    const hs: Household[] = households.map((h, i) => ({
      id: `HH-${i}`,
      village: villageAt(h.village),
      // Past the agents: unknown; the last index: no agent at all.
      agent: h.agent === 30 ? '' : (as[h.agent]?.id ?? `AG-X${h.agent}`),
      ...h.place,
    }));
    return { villages: vs, agents: as, households: hs };
  });

async function load(villages: Village[], agents: Agent[], households: Household[]): Promise<void> {
  const files: FixtureTables = {
    villages: `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010\n${villages
      .map((v) => `${v.code},Desa ${v.code},${v.district},Kec ${v.district},desa,${v.lon},${v.lat},1.0,100`)
      .join('\n')}\n`,
    agents: `agent_id,agent_type,home_village_code,lon,lat,active\n${agents
      .map((a) => `${a.id},asn,${a.home},${a.lon},${a.lat},${a.active}`)
      .join('\n')}\n`,
    households: `household_id,village_code,lon,lat,agent_id,last_visit\n${households
      .map((h) => `${h.id},${h.village},${h.lon},${h.lat},${h.agent},`)
      .join('\n')}\n`,
    cases: 'case_id,household_id,need,status,reported_at\n',
  };
  await loadFixtureTables(db, files);
  await computeHouseholdCoverage(db, '2025-06-30');
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('loadCoverageArrays', () => {
  it('gives each village, kecamatan, agent and household the index of the row it stands for', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, async ({ villages, agents, households }) => {
        await load(villages, agents, households);
        const arrays = await loadCoverageArrays(db);

        expect(arrays.villageCodes).toEqual(sorted(villages.map((v) => v.code)));
        expect(arrays.districtCodes).toEqual(sorted(villages.map((v) => v.district)));
        expect(arrays.districtCount).toBe(arrays.districtCodes.length);
        const village = new Map(villages.map((v) => [v.code, v]));
        arrays.villageCodes.forEach((code, i) => {
          const v = village.get(code);
          expect(arrays.districtCodes[arrays.villageDistrict[i] ?? -1]).toBe(v?.district);
          expect(arrays.villageLabel.lon[i]).toBeCloseTo(v?.lon ?? Number.NaN, 9);
          expect(arrays.villageLabel.lat[i]).toBeCloseTo(v?.lat ?? Number.NaN, 9);
        });
        const villageIndex = (code: string) => arrays.villageCodes.indexOf(code);

        expect(arrays.agentIds).toEqual(sorted(agents.map((a) => a.id)));
        const agent = new Map(agents.map((a) => [a.id, a]));
        arrays.agentIds.forEach((id, i) => {
          const a = agent.get(id);
          expect(arrays.agents.lon[i]).toBeCloseTo(a?.lon ?? Number.NaN, 9);
          expect(arrays.agents.lat[i]).toBeCloseTo(a?.lat ?? Number.NaN, 9);
          expect(arrays.agents.active[i]).toBe(a?.active);
          expect(arrays.agents.villageIndex[i]).toBe(villageIndex(a?.home ?? ''));
        });

        // Households in the table's order; an unknown or missing agent or village is -1.
        expect(arrays.households.lon.length).toBe(households.length);
        households.forEach((h, i) => {
          expect(arrays.households.lon[i]).toBeCloseTo(h.lon, 9);
          expect(arrays.households.lat[i]).toBeCloseTo(h.lat, 9);
          expect(arrays.households.agentIndex[i]).toBe(arrays.agentIds.indexOf(h.agent));
          expect(arrays.households.villageIndex[i]).toBe(villageIndex(h.village));
        });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
