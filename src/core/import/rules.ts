/**
 * What is checked, per table, beyond the column types of schema.ts: which column is the id, which hold
 * coordinates, village codes, enumerations, ranges and references to other tables.
 */
import { AGENT_TYPES, CASE_STATUSES, NEED_CODES, type TableName } from '../domain/schema';

export interface TableRules {
  /** Unique id column (duplicates rejected). */
  id: string;
  /** Coordinate pair [lon, lat]. */
  coordinates?: readonly [string, string];
  /** Column holding a village code that must exist in the gazetteer (normalised to the dotted form). */
  villageRef?: string;
  enums: Readonly<Record<string, readonly string[]>>;
  /** Inclusive numeric ranges; `decile` ones report 'decile_out_of_range', others 'value_out_of_range'. */
  ranges: Readonly<Record<string, { min?: number; max?: number; decile?: boolean }>>;
  /** column → referenced table and its key column. */
  references: Readonly<Record<string, { table: TableName; key: string }>>;
  /** Text columns with a fixed shape (regex, full match), reported as 'invalid_value'. */
  patterns: Readonly<Record<string, string>>;
}

export const RULES: Record<TableName, TableRules> = {
  villages: {
    id: 'village_code',
    coordinates: ['label_lon', 'label_lat'],
    enums: { village_type: ['desa', 'kelurahan'] },
    ranges: { area_km2: { min: 0 }, population_2010: { min: 0 } },
    references: {},
    patterns: { district_code: String.raw`17\.01\.\d{2}`, village_code_bps: String.raw`1701\d{6}` },
  },
  households: {
    id: 'household_id',
    coordinates: ['lon', 'lat'],
    villageRef: 'village_code',
    enums: {},
    ranges: {
      welfare_decile: { min: 1, max: 10, decile: true },
      members: { min: 1 },
      children_out_of_school: { min: 0 },
    },
    references: { agent_id: { table: 'agents', key: 'agent_id' } },
    patterns: {},
  },
  agents: {
    id: 'agent_id',
    coordinates: ['lon', 'lat'],
    villageRef: 'home_village_code',
    enums: { agent_type: AGENT_TYPES },
    ranges: {},
    references: {},
    patterns: {},
  },
  cases: {
    id: 'case_id',
    enums: { need: NEED_CODES, status: CASE_STATUSES },
    ranges: {},
    references: {
      household_id: { table: 'households', key: 'household_id' },
      agent_id: { table: 'agents', key: 'agent_id' },
    },
    patterns: {},
  },
};

/** Allowed values of an enumerated column (for messages), or undefined. */
export const allowedValues = (table: TableName, column: string): readonly string[] | undefined =>
  RULES[table].enums[column];
