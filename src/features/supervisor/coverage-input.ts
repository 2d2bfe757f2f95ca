import type { Table } from 'apache-arrow';
import type { CoverageInput } from '../../core/coverage-engine';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';

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

const INDEX_TABLES_SQL = `
CREATE OR REPLACE TEMP TABLE district_index AS
  SELECT district_code, (row_number() OVER (ORDER BY district_code) - 1)::INTEGER AS idx
  FROM (SELECT DISTINCT district_code FROM villages);
CREATE OR REPLACE TEMP TABLE village_index AS
  SELECT v.village_code, (row_number() OVER (ORDER BY v.village_code) - 1)::INTEGER AS idx, d.idx AS district_idx,
    v.label_lon, v.label_lat
  FROM villages v JOIN district_index d USING (district_code);
CREATE OR REPLACE TEMP TABLE agent_index AS
  SELECT agent_id, (row_number() OVER (ORDER BY agent_id) - 1)::INTEGER AS idx FROM agents;`;

const column = <T>(table: Table, name: string): T => {
  const child = table.getChild(name);
  if (!child) throw new Error(`column ${name} missing`);
  return child.toArray() as T;
};

export async function loadCoverageArrays(client: SqlClient): Promise<CoverageArrays> {
  for (const statement of INDEX_TABLES_SQL.split(';').filter((s) => s.trim()))
    await client.queryTable(statement);
  const households =
    await client.queryTable(`SELECT h.lon, h.lat, coalesce(a.idx, -1)::INTEGER AS agent_index,
      coalesce(v.idx, -1)::INTEGER AS village_index,
      coalesce(c.visit_age_days::DOUBLE, 'NaN'::DOUBLE) AS visit_age_days,
      coalesce(c.visits_recorded, false) AS visits_recorded
    FROM households h LEFT JOIN agent_index a USING (agent_id) LEFT JOIN village_index v USING (village_code)
      LEFT JOIN household_coverage c ON c.row_id = h.rowid
    ORDER BY h.rowid`);
  // The same visit ages as the SQL figures (household_coverage, written once per load).
  const visitsRecorded = households.numRows > 0 && households.getChild('visits_recorded')?.get(0) === true;
  const agents = await client.queryTable(`SELECT ag.lon, ag.lat, ag.active::UTINYINT AS active,
      coalesce(v.idx, -1)::INTEGER AS village_index
    FROM agents ag JOIN agent_index a USING (agent_id) LEFT JOIN village_index v ON v.village_code = ag.home_village_code
    ORDER BY a.idx`);
  const villages = await client.queryTable(
    'SELECT village_code, district_idx, label_lon, label_lat FROM village_index ORDER BY idx',
  );
  const districts = await queryRows<{ district_code: string }>(
    client,
    'SELECT district_code FROM district_index ORDER BY idx',
  );
  const agentIds = await queryRows<{ agent_id: string }>(
    client,
    'SELECT agent_id FROM agent_index ORDER BY idx',
  );
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
    villageDistrict: column(villages, 'district_idx'),
    districtCount: districts.length,
    villageLabel: { lon: column(villages, 'label_lon'), lat: column(villages, 'label_lat') },
    villageCodes: (villages.getChild('village_code')?.toArray() as string[]) ?? [],
    districtCodes: districts.map((d) => d.district_code),
    agentIds: agentIds.map((a) => a.agent_id),
  };
}
