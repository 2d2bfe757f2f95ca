/**
 * Publishes an aggregate-only dataset (village-level figures, small groups hidden) from household-level files.
 *
 *   npm run publish:aggregates -- --in <dir> --out <dir> [--name "<label>"] [--date YYYY-MM-DD]
 *       [--threshold-m 1000] [--villages data/villages.csv] [--synthetic] [--lang id|en]
 *
 * <dir> holds households.csv|.parquet and optionally agents.* and cases.* (the names the import accepts). They are
 * loaded and checked exactly like an import (src/core/aggregates/publish.ts); <out> receives aggregates.json,
 * village-figures.csv and village-months.csv. The input is synthetic when its manifest.json says so (the demo).
 * Exit code: 0 written, 1 written but some input rows were rejected (not counted), 2 nothing written (arguments,
 * a missing or unreadable file, no valid household).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type InputFile, type PublishOutcome, publishAggregates } from '../src/core/aggregates/publish.ts';
import { DATA_TABLES, type DataTable } from '../src/core/dataset/table-status.ts';
import { isCalendarDate } from '../src/core/domain/calendar.ts';
import { DEFAULT_COVERAGE_THRESHOLD_M } from '../src/core/domain/schema.ts';
import { fatalMessage, type Lang } from '../src/core/import/index.ts';
import { startNodeDuckDb } from '../src/core/sql/duckdb-node.ts';

import { langOption, readOptions, runWhenStarted } from './cli-options.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const USAGE = `usage: npm run publish:aggregates -- --in <dir> --out <dir> [--name "<label>"] [--date YYYY-MM-DD]
       [--threshold-m 1000] [--villages data/villages.csv] [--synthetic] [--lang id|en]`;

export interface PublishArgs {
  in: string;
  out: string;
  name?: string;
  date?: string;
  thresholdM: number;
  villages: string;
  synthetic: boolean;
  lang: Lang;
}

export function parseArgs(argv: readonly string[]): PublishArgs {
  const { values } = readOptions(argv, {
    in: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    date: { type: 'string' },
    'threshold-m': { type: 'string' },
    villages: { type: 'string' },
    synthetic: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const { date } = values;
  if (date !== undefined && !isCalendarDate(date))
    throw new Error(`--date must be YYYY-MM-DD, not "${date}"`);
  const thresholdM = Number(values['threshold-m'] ?? DEFAULT_COVERAGE_THRESHOLD_M);
  if (!Number.isFinite(thresholdM) || thresholdM <= 0)
    throw new Error('--threshold-m must be a positive number of metres');
  const lang = langOption(values.lang);
  if (!values.in) throw new Error('--in is required');
  if (!values.out) throw new Error('--out is required');
  return {
    in: values.in,
    out: values.out,
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(date !== undefined ? { date } : {}),
    thresholdM,
    villages: values.villages ?? resolve(ROOT, 'data/villages.csv'),
    synthetic: values.synthetic ?? false,
    lang,
  };
}

/** The file of `table` in `dir` (`<table>.csv` or `.parquet`); throws when both are there. */
export function findInput(dir: string, table: DataTable): string | null {
  const found = ['csv', 'parquet'].map((ext) => join(dir, `${table}.${ext}`)).filter((f) => existsSync(f));
  if (found.length > 1)
    throw new Error(`${dir}: both ${found.map((f) => basename(f)).join(' and ')}; keep one`);
  return found[0] ?? null;
}

interface SourceManifest {
  name?: unknown;
  synthetic?: unknown;
  reference_date?: unknown;
}

const T = {
  id: {
    title: 'Dataset agregat',
    synthetic: 'Ditandai sebagai data sintetis (contoh).',
    input: 'Masukan',
    valid: 'sah',
    rejected: 'ditolak',
    absent: 'tidak ada',
    table: { households: 'keluarga', agents: 'agen', cases: 'kasus' },
    villages: 'Desa diterbitkan',
    hidden: 'disembunyikan (kelompok < 3 keluarga dan yang ikut disembunyikan)',
    months: 'Bulan',
    noMonths: 'tidak ada (tanpa data kasus)',
    written: 'Berkas ditulis di',
    rejectedNote:
      'Baris yang ditolak tidak ikut dihitung. Rinciannya: npm run validate -- <berkas> --kind <jenis>',
    noAgents: 'Tanpa data agen: angka "terjangkau agen" tidak bermakna.',
    fail: {
      villages: 'Gazeter desa tidak dapat dibaca',
      households_missing: 'Berkas keluarga (households.csv atau households.parquet) tidak ada di',
      fatal: 'Berkas tidak dapat dipakai',
      no_households: 'Tidak ada baris keluarga yang sah',
    },
    nothing: 'Tidak ada berkas yang ditulis.',
  },
  en: {
    title: 'Aggregate dataset',
    synthetic: 'Marked as synthetic (sample) data.',
    input: 'Input',
    valid: 'valid',
    rejected: 'rejected',
    absent: 'absent',
    table: { households: 'households', agents: 'agents', cases: 'cases' },
    villages: 'Villages published',
    hidden: 'hidden (groups < 3 households and those hidden with them)',
    months: 'Months',
    noMonths: 'none (no case data)',
    written: 'Files written to',
    rejectedNote: 'Rejected rows are not counted. Details: npm run validate -- <file> --kind <kind>',
    noAgents: 'No agent data: the "covered" figures mean nothing.',
    fail: {
      villages: 'The village gazetteer cannot be read',
      households_missing: 'No household file (households.csv or households.parquet) in',
      fatal: 'A file cannot be used',
      no_households: 'No valid household row',
    },
    nothing: 'Nothing was written.',
  },
} as const;

/** The summary the CLI prints. */
export function formatSummary(
  outcome: PublishOutcome,
  args: Pick<PublishArgs, 'in' | 'out' | 'lang'>,
  label: { name: string; date: string; synthetic: boolean },
): string {
  const t = T[args.lang];
  const n = (v: number) => v.toLocaleString(args.lang === 'id' ? 'id-ID' : 'en-GB');
  const reportLines = outcome.reports
    .filter((r) => r.kind !== 'villages')
    .map((r) =>
      r.fatal
        ? `  ${r.fileName}: ${fatalMessage(r.fatal, args.lang)}`
        : `  ${r.fileName}: ${n(r.validRows)} ${t.valid}, ${n(r.rejectedRows)} ${t.rejected}`,
    );
  if (!outcome.ok) {
    const gazetteer = outcome.reports.find((r) => r.kind === 'villages')?.fatal;
    const reason = `${t.fail[outcome.reason]}${outcome.reason === 'households_missing' ? ` ${args.in}` : ''}`;
    return [
      `${reason}${gazetteer ? `: ${fatalMessage(gazetteer, args.lang)}` : ''}`,
      ...reportLines,
      t.nothing,
    ].join('\n');
  }
  const tables = DATA_TABLES.filter((d) => outcome.tables[d] === 'missing').map(
    (d) => `  ${t.table[d]}: ${t.absent}`,
  );
  const first = outcome.months[0];
  const last = outcome.months[outcome.months.length - 1];
  const lines = [
    `${t.title}: ${label.name} (${label.date})`,
    `${t.input}:`,
    ...reportLines,
    ...tables,
    `${t.villages}: ${n(outcome.villages - outcome.hidden.size)}; ${n(outcome.hidden.size)} ${t.hidden}`,
    `${t.months}: ${first && last ? `${first} – ${last} (${n(outcome.months.length)})` : t.noMonths}`,
    `${t.written} ${args.out}: ${Object.keys(outcome.files).sort().join(', ')}`,
  ];
  if (label.synthetic) lines.push(t.synthetic);
  if (outcome.tables.agents === 'missing') lines.push(t.noAgents);
  if (outcome.reports.some((r) => r.rejectedRows > 0)) lines.push(t.rejectedNote);
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: PublishArgs;
  const inputs: Partial<Record<DataTable, InputFile>> = {};
  let source: SourceManifest = {};
  let villages: InputFile;
  try {
    args = parseArgs(argv);
    for (const table of DATA_TABLES) {
      const file = findInput(args.in, table);
      if (file) inputs[table] = { fileName: basename(file), bytes: readFileSync(file) };
    }
    const manifestPath = join(args.in, 'manifest.json');
    if (existsSync(manifestPath)) source = JSON.parse(readFileSync(manifestPath, 'utf8')) as SourceManifest;
    villages = { fileName: basename(args.villages), bytes: readFileSync(args.villages) };
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const label = {
    name: args.name ?? (typeof source.name === 'string' ? source.name : basename(resolve(args.in))),
    date:
      args.date ??
      (typeof source.reference_date === 'string'
        ? source.reference_date
        : new Date().toISOString().slice(0, 10)),
    synthetic: args.synthetic || source.synthetic === true,
  };
  const client = await startNodeDuckDb();
  const outcome = await publishAggregates(client, inputs, {
    villages,
    ...label,
    thresholdM: args.thresholdM,
    created: new Date(),
  });
  if (outcome.ok) {
    mkdirSync(args.out, { recursive: true });
    for (const [name, text] of Object.entries(outcome.files)) writeFileSync(join(args.out, name), text);
  }
  const summary = formatSummary(outcome, args, label);
  if (!outcome.ok) {
    console.error(summary);
    return 2;
  }
  console.log(summary);
  return outcome.reports.some((r) => r.rejectedRows > 0) ? 1 : 0;
}

runWhenStarted(import.meta, main);
