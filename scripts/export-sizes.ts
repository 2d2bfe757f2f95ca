/**
 * Sizes of every file the dashboard exports (`npm run bench:exports`; run `npm run build` first, or point
 * E2E_DIST at a build).
 *
 * Opens the built app on its embedded demo data in headless Chromium (the e2e harness) and saves each export
 * the way a user does, by the same buttons the e2e tests click: the planner's map sheet and table, the
 * supervisor's proposal, agent list and office roll-up, Inovasi's charts, map sheets, self-assessment, channel
 * results and PDF report, and every slide of the presentation plus the whole deck as PDF. Then a table per file:
 * section, what it is, file name, type, size, and a check (PDF ≤ 3 MB, PNG width × height, CSV/XLSX rows);
 * last, one JSON line.
 *
 * Exits 1 when an export did not arrive within the timeout (PDFs get twice as long), is not the file it should
 * be, or when a PDF is over 3 MB; each is named.
 *
 * Options: --out DIR (where the files are kept; default a new temporary folder), --timeout SECONDS (default 60).
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { assertBuilt, assertChromium, DIST, openDashboard, pngSize, waitReady } from '../tests/e2e/harness';
import { readOptions } from './cli-options';
import { EXPORT_GROUPS, type ExportStep, type ExportType, saveStep } from './export-sizes-steps';

const USAGE = 'usage: npm run bench:exports -- [--out DIR] [--timeout SECONDS]';
/** The issue's limit for the report: small enough to send by e-mail. */
const PDF_LIMIT_BYTES = 3 * 1024 * 1024;

interface Saved {
  section: string;
  what: string;
  type: ExportType;
  name: string;
  file: string;
  bytes: number;
  /** Click → file complete. */
  ms: number;
  check: string;
  /** Why this file fails the run (too big, not the file it should be); null when fine. */
  problem: string | null;
}

interface Failed {
  section: string;
  what: string;
  type: ExportType | '–';
  reason: string;
}

const fmtBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** The check column, and a problem when the file is not what its type promises or breaks a limit. */
async function inspect(
  type: ExportType,
  bytes: Buffer,
  file: string,
): Promise<{ check: string; problem: string | null }> {
  switch (type) {
    case 'PDF': {
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        return { check: 'NOT A PDF', problem: 'not a PDF' };
      const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      const big = bytes.length > PDF_LIMIT_BYTES;
      return {
        check: `${big ? 'TOO BIG' : 'OK'} (${pages} page${pages === 1 ? '' : 's'})`,
        problem: big ? `PDF over 3 MB (${fmtBytes(bytes.length)})` : null,
      };
    }
    case 'PNG': {
      if (bytes.subarray(1, 4).toString('latin1') !== 'PNG' || bytes.length < 24)
        return { check: 'NOT A PNG', problem: 'not a PNG' };
      const { width, height } = pngSize(bytes);
      return { check: `${width}×${height}`, problem: null };
    }
    case 'CSV': {
      const text = bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd();
      const lines = text === '' ? 0 : text.split(/\r?\n/).length;
      return { check: `${lines} lines`, problem: lines === 0 ? 'empty CSV' : null };
    }
    case 'XLSX': {
      if (bytes.subarray(0, 2).toString('latin1') !== 'PK')
        return { check: 'NOT AN XLSX', problem: 'not an XLSX' };
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const counts = book.worksheets.map((w) => w.actualRowCount);
      const total = counts.reduce((a, b) => a + b, 0);
      const sheets = counts.length > 1 ? ` (${counts.length} sheets: ${counts.join(' + ')})` : '';
      return { check: `${total} rows${sheets}`, problem: total === 0 ? 'empty workbook' : null };
    }
  }
}

function printTable(header: string[], rows: string[][], right: ReadonlySet<number>): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  let values: { out?: string; timeout?: string };
  try {
    values = readOptions(process.argv.slice(2), {
      out: { type: 'string' },
      timeout: { type: 'string', default: '60' },
    }).values;
  } catch (error) {
    console.error(`${firstLine(error)}\n${USAGE}`);
    process.exit(2);
  }
  const timeoutS = Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
    console.error(`--timeout must be a positive number of seconds, got ${values.timeout}\n${USAGE}`);
    process.exit(2);
  }
  assertBuilt();
  assertChromium();
  const outDir = values.out
    ? path.resolve(values.out)
    : mkdtempSync(path.join(os.tmpdir(), 'gancang-exports-'));
  mkdirSync(outDir, { recursive: true });

  const boundaries = statSync(path.join(DIST, 'boundaries', 'villages.geojson'), { throwIfNoEntry: false })
    ? 'official file'
    : 'approximate';
  console.log(`Exports of ${DIST} on the demo data in headless Chromium (boundaries: ${boundaries})`);
  console.log(`Files saved to ${outDir}; timeout ${timeoutS} s per export (PDFs ${timeoutS * 2} s)\n`);

  const started = performance.now();
  const saved: Saved[] = [];
  const failed: Failed[] = [];
  const used = new Set<string>();
  const dash = await openDashboard({ query: 'section=planner' });
  try {
    await waitReady(dash.page);
    const { page } = dash;
    for (const group of EXPORT_GROUPS) {
      let steps: ExportStep[] = Array.isArray(group.steps) ? group.steps : [];
      let ready = false;
      const setup = async (): Promise<string | null> => {
        try {
          await group.setup(page);
          if (!Array.isArray(group.steps) && steps.length === 0) steps = await group.steps(page);
          ready = true;
          return null;
        } catch (error) {
          return `could not open the screen: ${firstLine(error)}`;
        }
      };
      const setupError = await setup();
      if (setupError) {
        // Nothing on this screen can be saved: each expected file fails with the reason.
        const missed =
          steps.length > 0 ? steps : [{ what: '(every export of this screen)', type: '–' as const }];
        for (const step of missed)
          failed.push({ section: group.section, what: step.what, type: step.type, reason: setupError });
        console.log(`FAILED ${group.section}: ${setupError}`);
        continue;
      }
      for (const step of steps) {
        const label = `${group.section} · ${step.what} (${step.type})`;
        try {
          if (!ready) {
            const again = await setup();
            if (again) throw new Error(again);
          }
          const { dl, ms } = await saveStep(page, step, timeoutS * 1000 * (step.slow ? 2 : 1));
          let name = dl.suggestedFilename();
          for (let n = 2; used.has(name); n++) name = dl.suggestedFilename().replace(/(\.\w+)?$/, `-${n}$1`);
          used.add(name);
          const file = path.join(outDir, name);
          await dl.saveAs(file);
          const bytes = readFileSync(file);
          const { check, problem } = await inspect(step.type, bytes, file);
          saved.push({
            section: group.section,
            what: step.what,
            type: step.type,
            name,
            file,
            bytes: bytes.length,
            ms,
            check,
            problem,
          });
          console.log(
            `${problem ? 'PROBLEM' : 'ok'}  ${label}: ${name}, ${fmtBytes(bytes.length)}, ${check}`,
          );
        } catch (error) {
          ready = false;
          const reason = firstLine(error);
          failed.push({ section: group.section, what: step.what, type: step.type, reason });
          console.log(`FAILED ${label}: ${reason}`);
        }
      }
    }
  } finally {
    await dash.close();
  }
  const seconds = (performance.now() - started) / 1000;

  console.log('');
  printTable(
    ['section', 'what', 'file', 'type', 'bytes', 'size', 'check', 'time s'],
    saved.map((s) => [
      s.section,
      s.what,
      s.name,
      s.type,
      String(s.bytes),
      fmtBytes(s.bytes),
      s.check,
      (s.ms / 1000).toFixed(1),
    ]),
    new Set([4, 5, 7]),
  );
  const total = saved.reduce((sum, s) => sum + s.bytes, 0);
  console.log(
    `\n${saved.length} file(s), ${fmtBytes(total)} in all, in ${seconds.toFixed(0)} s (saved to ${outDir})`,
  );

  const problems = [
    ...failed.map((f) => `${f.section} · ${f.what} (${f.type}): ${f.reason}`),
    ...saved.filter((s) => s.problem).map((s) => `${s.section} · ${s.what}: ${s.name}: ${s.problem}`),
  ];
  if (problems.length > 0)
    console.error(`\nFAILED (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  if (dash.foreignRequests.length > 0)
    console.warn(`\nWARNING: ${dash.foreignRequests.length} request(s) to another host during the run`);
  if (dash.pageErrors.length > 0)
    console.warn(`\nWARNING: ${dash.pageErrors.length} page error(s): ${dash.pageErrors[0]?.split('\n')[0]}`);

  const load1 = os.loadavg()[0] ?? 0;
  console.log(
    `\n${JSON.stringify({
      exports: saved.map((s) => ({ section: s.section, name: s.name, type: s.type, bytes: s.bytes })),
      machine: { cores: os.cpus().length, load1: Math.round(load1 * 100) / 100 },
    })}`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
