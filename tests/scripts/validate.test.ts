/** The headless validator as users run it: `npx tsx scripts/validate.ts …`, exit codes 0/1/2 and the JSON report. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, formatReport, parseArgs } from '../../scripts/validate';
import type { ImportReport } from '../../src/core/import';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIX = path.join(ROOT, 'tests/fixtures/import');
const out = mkdtempSync(path.join(tmpdir(), 'validate-'));

function run(args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/validate.ts', () => {
  it('exits 0 when every row is valid, and writes the JSON report', () => {
    const report = path.join(out, 'ok.json');
    const r = run([
      path.join(FIX, 'hh-valid-comma.csv'),
      '--kind',
      'households',
      '--agents',
      path.join(FIX, 'ref/agents.csv'),
      '--report',
      report,
      '--lang',
      'en',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Data rows: 3   Valid (loaded): 3   Rejected: 0');
    const json = JSON.parse(readFileSync(report, 'utf8')) as ImportReport;
    expect(json).toMatchObject({
      kind: 'households',
      fatal: null,
      totalRows: 3,
      validRows: 3,
      rejectedRows: 0,
      issues: [],
    });
    expect(json.skippedChecks).toEqual([]); // agents given: unknown_agent was checked
  }, 60_000);

  it('exits 1 when rows are rejected, with the reasons in Indonesian by default', () => {
    const report = path.join(out, 'cases.json');
    const r = run([
      path.join(FIX, 'cases-mixed.csv'),
      '--kind',
      'cases',
      '--agents',
      path.join(FIX, 'ref/agents.csv'),
      '--households',
      path.join(FIX, 'ref/households.csv'),
      '--report',
      report,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Baris data: 10   Sah (dimuat): 2   Ditolak: 8');
    expect(r.stdout).toContain('Baris 3: id_keluarga_p3ke "H404" tidak ada di data keluarga yang dimuat.');
    const json = JSON.parse(readFileSync(report, 'utf8')) as ImportReport;
    const expected = JSON.parse(readFileSync(path.join(FIX, 'cases-mixed.csv.expected.json'), 'utf8'));
    expect(json.issues).toEqual(expected.issues);
    expect(json.issueCounts).toEqual(expected.issueCounts);
  }, 60_000);

  it('exits 2 when the file cannot be read at all', () => {
    const report = path.join(out, 'bin.json');
    const r = run([path.join(FIX, 'binary-garbage.bin'), '--kind', 'households', '--report', report]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('TIDAK DAPAT DIBACA');
    expect(JSON.parse(readFileSync(report, 'utf8')).fatal.code).toBe('not_text');
    expect(run([path.join(FIX, 'missing.csv'), '--kind', 'households']).code).toBe(2);
    expect(run([path.join(FIX, 'hh-valid-comma.csv')]).code).toBe(2); // no --kind
  }, 60_000);

  it('parses arguments and formats reports', () => {
    expect(parseArgs(['f.csv', '--kind', 'agents', '--lang', 'en'])).toMatchObject({
      file: 'f.csv',
      kind: 'agents',
      lang: 'en',
    });
    expect(() => parseArgs(['f.csv', '--kind', 'people'])).toThrow(/unknown kind/);
    const base = JSON.parse(readFileSync(path.join(FIX, 'hh-bad-deciles.csv.expected.json'), 'utf8'));
    const report = {
      ...base,
      fileName: 'x.csv',
      fatal: null,
      examples: {},
      issuesTruncated: false,
      loadedTable: 'households',
    };
    expect(exitCodeOf(report)).toBe(1);
    expect(formatReport(report, 'en')).toContain('Rejected: 4');
  });
});
