/** `npm run publish:aggregates` as users run it: exit codes 0/1/2, the summary in id/en, the files written. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/publish-aggregates';
import { ROOT } from './publish-helpers';

const work = mkdtempSync(path.join(tmpdir(), 'publish-aggregates-'));

function run(args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/publish-aggregates.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Two villages of Kedurang: 4 households in one, 2 in the other (a small group); `extra` household lines. */
function dataset(name: string, extra: string[] = [], manifest?: object): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  const hh = (id: string, village: string, lon: number, lat: number, agent: string, need: number) =>
    `${id},${village},${lon},${lat},${agent},${need}`;
  writeFileSync(
    path.join(dir, 'households.csv'),
    [
      'household_id,village_code,lon,lat,agent_id,need_kesehatan',
      hh('H1', '17.01.01.2001', 103.1664, -4.3554, 'A1', 1),
      hh('H2', '17.01.01.2001', 103.1665, -4.3553, 'A1', 0),
      hh('H3', '17.01.01.2001', 103.1663, -4.3555, 'A1', 1),
      hh('H4', '17.01.01.2001', 103.1664, -4.3552, '', 0),
      hh('H5', '17.01.01.2002', 103.1258, -4.4211, 'A1', 1),
      hh('H6', '17.01.01.2002', 103.1257, -4.421, 'A1', 0),
      ...extra,
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'agents.csv'),
    'agent_id,agent_type,home_village_code,lon,lat\nA1,asn,17.01.01.2001,103.1664,-4.3554\n',
  );
  writeFileSync(
    path.join(dir, 'cases.csv'),
    'case_id,household_id,need,status,reported_at,resolved_at\nC1,H1,kesehatan,selesai,2025-01-10,2025-03-02\n',
  );
  if (manifest) writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('scripts/publish-aggregates.ts', () => {
  it('exits 0, writes the three files and says so in Bahasa Indonesia', () => {
    const out = path.join(work, 'out-ok');
    const r = run(['--in', dataset('ok'), '--out', out, '--name', 'Data Kedurang', '--date', '2026-10-31']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['aggregates.json', 'village-figures.csv', 'village-months.csv']);
    expect(r.stdout).toContain('Dataset agregat: Data Kedurang (2026-10-31)');
    expect(r.stdout).toContain('households.csv: 6 sah, 0 ditolak');
    // Kedurang: 4 + 2 households; the small village is hidden and, as the kecamatan total would give it back,
    // so is the other.
    expect(r.stdout).toContain('Desa diterbitkan: 0; 2 disembunyikan');
    expect(r.stdout).toContain('Bulan: 2025-01 – 2025-03 (3)');
    const manifest = JSON.parse(readFileSync(path.join(out, 'aggregates.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'Data Kedurang',
      date: '2026-10-31',
      synthetic: false,
      hiddenVillages: 2,
    });
    expect(readFileSync(path.join(out, 'village-figures.csv'), 'utf8').split('\n').slice(1, 3)).toEqual([
      `17.01.01.2001${','.repeat(16)}`,
      `17.01.01.2002${','.repeat(16)}`,
    ]);
  }, 180_000);

  it('exits 1 when input rows are rejected (files still written), in English on request; synthetic from the manifest', () => {
    const out = path.join(work, 'out-rejected');
    const dir = dataset('rejected', ['H7,17.01.01.2001,-4.3554,103.1664,A1,1'], {
      name: 'contoh',
      synthetic: true,
      reference_date: '2026-10-31',
    });
    const r = run(['--in', dir, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Aggregate dataset: contoh (2026-10-31)');
    expect(r.stdout).toContain('households.csv: 6 valid, 1 rejected');
    expect(r.stdout).toContain('Marked as synthetic (sample) data.');
    expect(r.stdout).toContain('Rejected rows are not counted.');
    expect(JSON.parse(readFileSync(path.join(out, 'aggregates.json'), 'utf8')).synthetic).toBe(true);
  }, 180_000);

  it('exits 2 and writes nothing without a household file, or with two of them', () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    const out = path.join(work, 'out-none');
    const r = run(['--in', empty, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No household file (households.csv or households.parquet) in');
    expect(existsSync(out)).toBe(false);
    const both = dataset('both');
    writeFileSync(path.join(both, 'households.parquet'), 'x');
    const r2 = run(['--in', both, '--out', out]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('both households.csv and households.parquet');
    expect(existsSync(out)).toBe(false);
  }, 180_000);

  it('refuses bad arguments', () => {
    expect(() => parseArgs(['--out', 'x'])).toThrow('--in is required');
    expect(() => parseArgs(['--in', 'x'])).toThrow('--out is required');
    expect(() => parseArgs(['--in', 'x', '--out', 'y', '--date', '31-10-2026'])).toThrow('YYYY-MM-DD');
    expect(() => parseArgs(['--in', 'x', '--out', 'y', '--threshold-m', '-5'])).toThrow('positive');
    expect(() => parseArgs(['--in', 'x', '--out', 'y', '--bogus'])).toThrow('unknown argument');
    expect(parseArgs(['--in', 'x', '--out', 'y', '--threshold-m', '500', '--synthetic'])).toMatchObject({
      thresholdM: 500,
      synthetic: true,
      lang: 'id',
    });
  });
});
