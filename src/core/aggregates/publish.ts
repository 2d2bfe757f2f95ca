/**
 * Household-level dataset → aggregate-only dataset. The input is loaded exactly as the app loads an import
 * (importTable: the gazetteer, then agents before households before cases, each checked against the tables
 * before it), prepared with the app's own code (computeHouseholdCoverage, preparePlannerSql), summed per village
 * (collect.ts) and suppressed (suppress.ts). No file system here: bytes in, texts out (the CLI writes them).
 */

import { preparePlannerSql } from '../cube/tables';
import { computeHouseholdCoverage } from '../dataset/load-dataset';
import type { DataTable, TableStatus } from '../dataset/table-status';
import { type ImportReport, importTable } from '../import';
import { MIN_GROUP_HOUSEHOLDS } from '../privacy/small-groups';
import type { SqlClient } from '../sql/sql-client';
import { collectFigures } from './collect';
import { createEmptyTable } from './empty-tables';
import { FIGURES_FILE, MANIFEST_FILE, MONTHS_FILE } from './format';
import { protectAggregates } from './suppress';
import { figuresCsv, manifestJson, monthsCsv } from './write';

export interface InputFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface PublishOptions {
  /** The gazetteer (data/villages.csv). */
  villages: InputFile;
  name: string;
  /** `YYYY-MM-DD`. */
  date: string;
  thresholdM: number;
  synthetic: boolean;
  created: Date;
}

export type PublishOutcome =
  | {
      ok: true;
      reports: ImportReport[];
      tables: TableStatus;
      /** File name → text, ready to write beside each other. */
      files: Record<string, string>;
      villages: number;
      hidden: ReadonlySet<string>;
      months: readonly string[];
    }
  /** Nothing written: the gazetteer or an input file could not be used, or no household row is valid. */
  | {
      ok: false;
      reports: ImportReport[];
      reason: 'villages' | 'households_missing' | 'fatal' | 'no_households';
    };

const LOAD_ORDER: readonly DataTable[] = ['agents', 'households', 'cases'];

export async function publishAggregates(
  client: SqlClient,
  inputs: Partial<Record<DataTable, InputFile>>,
  options: PublishOptions,
): Promise<PublishOutcome> {
  const gazetteer = await importTable(client, { kind: 'villages', ...options.villages });
  if (gazetteer.fatal) return { ok: false, reports: [gazetteer], reason: 'villages' };
  if (!inputs.households) return { ok: false, reports: [], reason: 'households_missing' };
  const reports: ImportReport[] = [];
  const tables: TableStatus = { households: 'missing', agents: 'missing', cases: 'missing' };
  for (const table of LOAD_ORDER) {
    const input = inputs[table];
    if (!input) {
      await createEmptyTable(client, table);
      continue;
    }
    const report = await importTable(client, { kind: table, ...input });
    reports.push(report);
    if (report.fatal) return { ok: false, reports, reason: 'fatal' };
    tables[table] = 'loaded';
    if (table === 'households' && report.validRows === 0)
      return { ok: false, reports, reason: 'no_households' };
  }
  await computeHouseholdCoverage(client, options.date);
  for (const sql of preparePlannerSql(options.thresholdM)) await client.queryTable(sql);
  const { villages, months } = await collectFigures(client);
  const { hidden } = protectAggregates(villages, months);
  const first = months[0];
  const last = months[months.length - 1];
  const manifest = manifestJson(
    {
      name: options.name,
      date: options.date,
      thresholdM: options.thresholdM,
      minGroup: MIN_GROUP_HOUSEHOLDS,
      synthetic: options.synthetic,
      tables,
      months: first && last ? { first, last } : null,
      hiddenVillages: hidden.size,
    },
    options.created,
  );
  return {
    ok: true,
    reports,
    tables,
    files: {
      [FIGURES_FILE]: figuresCsv(villages, hidden),
      [MONTHS_FILE]: monthsCsv(villages, months, hidden),
      [MANIFEST_FILE]: manifest,
    },
    villages: villages.length,
    hidden,
    months,
  };
}
