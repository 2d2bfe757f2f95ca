/**
 * A dataset's tables as columnar files for publishing: each file (CSV, XLSX, Parquet, Arrow) goes through exactly
 * the app's import checks (importTable, as `npm run validate` runs them), and its valid rows are written as the
 * canonical table in Arrow IPC (`households.arrow`, …), which the app reads without parsing text.
 *
 *   npm run data:convert -- --households households.csv [--agents agents.csv] [--cases cases.csv] --out dir
 *       [--villages data/villages.csv] [--name "Data P3KE 2026"] [--date 2026-11-30] [--lang id|en]
 *
 * Agents first, then households, then cases: each table's references are checked against the tables before it,
 * as in the app. The `dataset` entry for config.json is printed at the end. The app checks published files again
 * on every load (a file on a server can change), so converting saves the reading of text, not the checks.
 * Exit code: 0 every row valid, 1 some rows rejected (left out of the written files; the reports say which),
 * 2 a file cannot be read at all (nothing is written) or the arguments are unusable.
 */
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_TABLES, type DataTable } from '../src/core/dataset/table-status.ts';
import { isCalendarDate } from '../src/core/domain/calendar.ts';
import { type ImportReport, importTable, type Lang } from '../src/core/import/index.ts';
import { writeTableArrow } from './arrow-file.ts';
import { argsOrUsage, langOption, readOptions, runWhenStarted } from './cli-options.ts';
import { checkingClient, exitCodeOf, formatReport, readInput } from './validate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const USAGE = `usage: npm run data:convert -- --households households.csv [--agents agents.csv] [--cases cases.csv]
       --out dir [--villages data/villages.csv] [--name "…"] [--date YYYY-MM-DD] [--lang id|en]`;

export interface ConvertArgs {
  files: Partial<Record<DataTable, string>>;
  out: string;
  villages: string;
  name: string | null;
  date: string | null;
  lang: Lang;
}

/** The order tables are checked in: each one's references point at the tables before it. */
const CHECK_ORDER: readonly DataTable[] = ['agents', 'households', 'cases'];

export function parseArgs(argv: readonly string[]): ConvertArgs {
  const { values } = readOptions(argv, {
    households: { type: 'string' },
    agents: { type: 'string' },
    cases: { type: 'string' },
    out: { type: 'string' },
    villages: { type: 'string' },
    name: { type: 'string' },
    date: { type: 'string' },
    lang: { type: 'string' },
  });
  const files: ConvertArgs['files'] = {};
  for (const table of DATA_TABLES) {
    const file = values[table];
    if (file !== undefined) files[table] = file;
  }
  if (Object.keys(files).length === 0)
    throw new Error('give at least one of --households, --agents, --cases');
  if (!values.out) throw new Error('--out is required');
  if (values.date !== undefined && !isCalendarDate(values.date))
    throw new Error(`--date must be YYYY-MM-DD, got "${values.date}"`);
  return {
    files,
    out: resolve(values.out),
    villages: values.villages ?? resolve(ROOT, 'data/villages.csv'),
    name: values.name?.trim() || null,
    date: values.date ?? null,
    lang: langOption(values.lang),
  };
}

const SAID = {
  id: {
    written: 'Ditulis',
    rows: 'baris',
    nothing: 'Tidak ada berkas yang ditulis: ada berkas yang tidak dapat dibaca.',
    config:
      'Entri `dataset` untuk config.json (letakkan folder ini di samping aplikasi; isi nama dan tanggal data bila belum ada):',
  },
  en: {
    written: 'Written',
    rows: 'rows',
    nothing: 'No file written: a file cannot be read.',
    config:
      "The `dataset` entry for config.json (put this folder beside the app; fill in the data's name and date if missing):",
  },
} as const;

/** config.json's `dataset` entry naming the written files, as a path beside the app. */
export function datasetEntry(args: ConvertArgs, written: readonly DataTable[]): Record<string, string> {
  const folder = basename(args.out);
  return {
    name: args.name ?? '…',
    date: args.date ?? 'YYYY-MM-DD',
    ...Object.fromEntries(written.map((table) => [table, `${folder}/${table}.arrow`])),
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = argsOrUsage(parseArgs, argv, USAGE);
  const client = args && (await checkingClient(args.villages, args.lang));
  if (!args || !client) return 2;
  const said = SAID[args.lang];
  const reports: ImportReport[] = [];
  const tables = CHECK_ORDER.filter((table) => args.files[table] !== undefined);
  for (const table of tables) {
    const file = args.files[table] as string;
    const bytes = readInput(file);
    if (!bytes) return 2;
    const report = await importTable(client, { kind: table, fileName: basename(file), bytes });
    console.log(`${formatReport(report, args.lang)}\n`);
    reports.push(report);
  }
  const code = Math.max(...reports.map(exitCodeOf));
  if (code === 2) {
    console.error(said.nothing);
    return 2;
  }
  mkdirSync(args.out, { recursive: true });
  for (const [i, table] of tables.entries()) {
    await writeTableArrow(client, table, join(args.out, `${table}.arrow`));
    console.log(`${said.written} ${join(args.out, `${table}.arrow`)}: ${reports[i]?.validRows} ${said.rows}`);
  }
  console.log(`\n${said.config}\n${JSON.stringify({ dataset: datasetEntry(args, tables) }, null, 2)}`);
  return code;
}

runWhenStarted(import.meta, main);
