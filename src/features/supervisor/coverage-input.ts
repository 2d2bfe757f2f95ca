import type { Table } from 'apache-arrow';
import type { CoverageInput } from '../../core/coverage-engine';
import type { SqlClient } from '../../core/sql/sql-client';

/**
 * Households, agents and villages as parallel typed arrays for the coverage engine.
 * Agents are indexed in `agent_id` order, villages in `village_code` order, households in
 * table (rowid) order, so engine results can be joined back by index.
 */
export interface CoverageArrays extends CoverageInput {
  villageLabel: { lon: Float64Array; lat: Float64Array };
  villageCodes: string[];
  districtCodes: string[];
  agentIds: string[];
}

/**
 * Villages in village_code order (`idx`), each with its kecamatan's index (kecamatan in district_code order), and
 * agents in agent_id order: the engine's indices, worked out inside each statement that needs them, so that the
 * arrays take three statements, asked at once (DuckDB runs them one after another without a round trip between).
 */
const VILLAGE_ORDER = `SELECT village_code, district_code, label_lon, label_lat,
    (row_number() OVER (ORDER BY village_code) - 1)::INTEGER AS idx,
    (dense_rank() OVER (ORDER BY district_code) - 1)::INTEGER AS district_idx
  FROM villages`;
const AGENT_ORDER =
  'SELECT agent_id, (row_number() OVER (ORDER BY agent_id) - 1)::INTEGER AS idx FROM agents';

const VILLAGES_SQL = `SELECT village_code, district_code, district_idx, label_lon, label_lat
  FROM (${VILLAGE_ORDER}) ORDER BY idx`;
const AGENTS_SQL = `WITH village_order AS (${VILLAGE_ORDER})
  SELECT ag.agent_id, ag.lon, ag.lat, ag.active::UTINYINT AS active, coalesce(v.idx, -1)::INTEGER AS village_index
  FROM agents ag LEFT JOIN village_order v ON v.village_code = ag.home_village_code
  ORDER BY ag.agent_id`;
/** Asked last of the three: once it has run, the arrays are read (the load-order e2e test names it). */
const HOUSEHOLDS_SQL = `WITH agent_order AS (${AGENT_ORDER}), village_order AS (${VILLAGE_ORDER})
  SELECT h.lon, h.lat, coalesce(a.idx, -1)::INTEGER AS agent_index,
    coalesce(v.idx, -1)::INTEGER AS village_index,
    coalesce(c.visit_age_days::DOUBLE, 'NaN'::DOUBLE) AS visit_age_days,
    coalesce(c.visits_recorded, false) AS visits_recorded
  FROM households h LEFT JOIN agent_order a USING (agent_id) LEFT JOIN village_order v USING (village_code)
    LEFT JOIN household_coverage c ON c.row_id = h.rowid
  ORDER BY h.rowid`;

const column = <T>(table: Table, name: string): T => {
  const child = table.getChild(name);
  if (!child) throw new Error(`column ${name} missing`);
  return child.toArray() as T;
};
const strings = (table: Table, name: string): string[] => Array.from(column<ArrayLike<string>>(table, name));

export async function loadCoverageArrays(client: SqlClient): Promise<CoverageArrays> {
  const [villages, agents, households] = await Promise.all([
    client.queryTable(VILLAGES_SQL),
    client.queryTable(AGENTS_SQL),
    client.queryTable(HOUSEHOLDS_SQL),
  ]);
  // The same visit ages as the SQL figures (household_coverage, written once per load).
  const visitsRecorded = households.numRows > 0 && households.getChild('visits_recorded')?.get(0) === true;
  const villageDistrict = column<Int32Array>(villages, 'district_idx');
  const villageDistricts = strings(villages, 'district_code');
  // Each kecamatan's code at its index (every index is some village's kecamatan: dense_rank leaves no gap).
  const districtCodes: string[] = [];
  villageDistrict.forEach((idx, i) => {
    districtCodes[idx] = villageDistricts[i] ?? '';
  });
  return {
    households: {
      lon: column(households, 'lon'),
      lat: column(households, 'lat'),
      agentIndex: column(households, 'agent_index'),
      villageIndex: column(households, 'village_index'),
      ...(visitsRecorded ? { visitAgeDays: column<Float64Array>(households, 'visit_age_days') } : {}),
    },
    agents: {
      lon: column(agents, 'lon'),
      lat: column(agents, 'lat'),
      active: column(agents, 'active'),
      villageIndex: column(agents, 'village_index'),
    },
    villageDistrict,
    districtCount: districtCodes.length,
    villageLabel: { lon: column(villages, 'label_lon'), lat: column(villages, 'label_lat') },
    villageCodes: strings(villages, 'village_code'),
    districtCodes,
    agentIds: strings(agents, 'agent_id'),
  };
}
