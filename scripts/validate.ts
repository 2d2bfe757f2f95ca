/**
 * Headless validator: runs exactly the app's import + validation code (src/core/import, importTable) in Node, on
 * DuckDB-WASM's blocking Node build, and prints the report.
 *
 *   npm run validate -- <file> --kind households|agents|cases|villages|boundaries [--report out.json]
 *       [--villages data/villages.csv] [--agents agents.csv] [--households households.csv] [--lang id|en]
 *
 * The gazetteer (--villages, default data/villages.csv) is loaded first, then the reference tables given
 * (--agents, then --households), each through importTable as well, so references are checked as in the app.
 * Exit code: 0 all rows valid (warnings allowed), 1 some rows rejected, 2 the file cannot be read at all (fatal),
 * or a reference file or the arguments are unusable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fatalMessage,
  IMPORT_KINDS,
  type ImportKind,
  type ImportReport,
  importTable,
  isRejecting,
  issueLabel,
  issueMessage,
  type Lang,
} from '../src/core/import/index.ts';
import { type NodeSqlClient, startNodeDuckDb } from '../src/core/sql/duckdb-node.ts';

import { argsOrUsage, langOption, readOptions, runWhenStarted } from './cli-options.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const USAGE = `usage: npm run validate -- <file> --kind ${IMPORT_KINDS.join('|')} [--report out.json]
       [--villages data/villages.csv] [--agents agents.csv] [--households households.csv] [--lang id|en]`;

export interface ValidateArgs {
  file: string;
  kind: ImportKind;
  report?: string;
  villages: string;
  agents?: string;
  households?: string;
  lang: Lang;
}

export function parseArgs(argv: readonly string[]): ValidateArgs {
  const { values, positionals } = readOptions(
    argv,
    {
      kind: { type: 'string' },
      report: { type: 'string' },
      villages: { type: 'string' },
      agents: { type: 'string' },
      households: { type: 'string' },
      lang: { type: 'string' },
    },
    true,
  );
  const { kind } = values;
  if (kind !== undefined && !IMPORT_KINDS.includes(kind as ImportKind))
    throw new Error(`unknown kind "${kind}"`);
  const lang = langOption(values.lang);
  if (positionals.length !== 1) throw new Error('give exactly one file to check');
  if (!kind) throw new Error('--kind is required');
  return {
    file: positionals[0] ?? '',
    kind: kind as ImportKind,
    ...(values.report !== undefined ? { report: values.report } : {}),
    villages: values.villages ?? resolve(ROOT, 'data/villages.csv'),
    ...(values.agents !== undefined ? { agents: values.agents } : {}),
    ...(values.households !== undefined ? { households: values.households } : {}),
    lang,
  };
}

/** Exit code of a report: 2 fatal, 1 some rows rejected, 0 all valid. */
export const exitCodeOf = (report: ImportReport): 0 | 1 | 2 =>
  report.fatal ? 2 : report.rejectedRows > 0 ? 1 : 0;

const T = {
  id: {
    file: 'Berkas',
    kind: 'Jenis',
    rows: 'Baris data',
    valid: 'Sah (dimuat)',
    rejected: 'Ditolak',
    fatal: 'TIDAK DAPAT DIBACA',
    mapping: 'Pemetaan kolom',
    unmapped: 'Kolom tidak dipakai',
    problems: 'Masalah per jenis',
    warning: 'peringatan, baris tetap dimuat',
    skipped: 'Pemeriksaan dilewati (tabel rujukan tidak ada)',
    codes: 'Kode desa 10 digit dibaca sebagai',
    truncated: 'Daftar masalah dipotong; jumlah di atas tetap lengkap',
    quality:
      'Kualitas data: tanpa koordinat {a}, di luar kabupaten {b}, desa tidak dikenal {c}, jauh dari desa {d}',
    ok: 'Semua baris sah.',
    lines:
      'Baris dalam berkas: {p} = {v} sah + {r} ditolak + {h} tajuk + {t} judul + {b} kosong + {c} lanjutan isian',
    reference: 'Berkas rujukan',
  },
  en: {
    file: 'File',
    kind: 'Kind',
    rows: 'Data rows',
    valid: 'Valid (loaded)',
    rejected: 'Rejected',
    fatal: 'CANNOT BE READ',
    mapping: 'Column mapping',
    unmapped: 'Unused columns',
    problems: 'Problems by kind',
    warning: 'warning, rows still loaded',
    skipped: 'Checks skipped (reference table absent)',
    codes: '10-digit village codes read as',
    truncated: 'Issue list truncated; the counts above are complete',
    quality:
      'Data quality: no coordinates {a}, outside regency {b}, unknown village {c}, far from village {d}',
    ok: 'All rows are valid.',
    lines:
      'Lines in the file: {p} = {v} valid + {r} rejected + {h} header + {t} title + {b} blank + {c} continuing a value',
    reference: 'Reference file',
  },
} as const;

/** The human-readable report (what the CLI prints). */
export function formatReport(report: ImportReport, lang: Lang): string {
  const t = T[lang];
  const lines = [`${t.file}: ${report.fileName} (${report.format ?? '?'})`, `${t.kind}: ${report.kind}`];
  if (report.fatal) {
    lines.push(`${t.fatal}: ${fatalMessage(report.fatal, lang)}`);
    return lines.join('\n');
  }
  lines.push(
    `${t.rows}: ${report.totalRows}   ${t.valid}: ${report.validRows}   ${t.rejected}: ${report.rejectedRows}`,
  );
  if (report.lines) {
    const l = report.lines;
    const values: Record<string, number> = {
      p: l.physical,
      v: report.validRows,
      r: report.rejectedRows,
      h: l.header,
      t: l.title,
      b: l.blank,
      c: l.continuation,
    };
    lines.push(t.lines.replace(/\{(\w)\}/g, (_, k: string) => String(values[k] ?? '')));
  }
  const mapping = Object.entries(report.mapping);
  if (mapping.length > 0)
    lines.push(`${t.mapping}: ${mapping.map(([c, h]) => (c === h ? c : `${h} → ${c}`)).join(', ')}`);
  if (report.unmappedHeaders.length > 0) lines.push(`${t.unmapped}: ${report.unmappedHeaders.join(', ')}`);
  if (report.villageCodeSystem) lines.push(`${t.codes}: ${report.villageCodeSystem}`);
  if (report.skippedChecks.length > 0) lines.push(`${t.skipped}: ${report.skippedChecks.join(', ')}`);
  const q = report.dataQuality;
  lines.push(
    t.quality
      .replace('{a}', String(q.noCoordinates))
      .replace('{b}', String(q.outsideRegency))
      .replace('{c}', String(q.unknownVillage))
      .replace('{d}', String(q.farFromVillage)),
  );
  const counts = Object.entries(report.issueCounts) as [keyof typeof report.issueCounts, number][];
  if (counts.length === 0) {
    lines.push(t.ok);
    return lines.join('\n');
  }
  lines.push('', `${t.problems}:`);
  for (const [code, count] of counts.sort((a, b) => b[1] - a[1])) {
    lines.push(
      `  ${count.toString().padStart(7)}  ${issueLabel(code, lang)} [${code}]${isRejecting(code) ? '' : ` (${t.warning})`}`,
    );
    for (const issue of report.examples[code] ?? []) lines.push(`           - ${issueMessage(issue, lang)}`);
  }
  if (report.issuesTruncated) lines.push('', t.truncated);
  return lines.join('\n');
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A file's bytes, or null having said why it cannot be read (exit code 2). */
export function readInput(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (err) {
    console.error(`${file}: ${message(err)}`);
    return null;
  }
}

/**
 * DuckDB with the gazetteer and then each reference file given loaded through importTable, as the app has them
 * before it checks a file; null having said which cannot be read (exit code 2).
 */
export async function checkingClient(
  villages: string,
  lang: Lang,
  references: readonly [ImportKind, string | undefined][] = [],
): Promise<NodeSqlClient | null> {
  const client = await startNodeDuckDb();
  for (const [kind, file] of [['villages', villages] as const, ...references]) {
    if (!file) continue;
    const bytes = readInput(file);
    if (!bytes) return null;
    const report = await importTable(client, { kind, fileName: basename(file), bytes });
    if (report.fatal) {
      console.error(`${T[lang].reference} ${file}: ${fatalMessage(report.fatal, lang)}`);
      return null;
    }
  }
  return client;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = argsOrUsage(parseArgs, argv, USAGE);
  const bytes = args && readInput(args.file);
  if (!args || !bytes) return 2;
  const client = await checkingClient(args.villages, args.lang, [
    ['agents', args.agents],
    ['households', args.households],
  ]);
  if (!client) return 2;
  const report = await importTable(client, { kind: args.kind, fileName: basename(args.file), bytes });
  console.log(formatReport(report, args.lang));
  if (args.report) writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
  return exitCodeOf(report);
}

runWhenStarted(import.meta, main);
