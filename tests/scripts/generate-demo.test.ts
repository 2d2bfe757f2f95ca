import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ASN_SHARE } from '../../scripts/demo/agents.ts';
import { PROGRAMME_START, REFERENCE_DATE } from '../../scripts/demo/cases.ts';
import { parseCsv, parseCsvRecords } from '../../scripts/demo/csv.ts';
import { loadGazetteer } from '../../scripts/demo/gazetteer.ts';
import { profileVillages } from '../../scripts/demo/geography.ts';
import {
  createFileWriter,
  createMemoryWriter,
  DEMO_FILES,
  type MemoryWriter,
} from '../../scripts/demo/output.ts';
import {
  AGENT_COLUMNS,
  CASE_COLUMNS,
  type DemoManifest,
  type DemoOptions,
  generateDemo,
  HOUSEHOLD_COLUMNS,
} from '../../scripts/generate-demo.ts';
import {
  AGENT_TYPES,
  CASE_STATUSES,
  DEFAULT_CHANNELS,
  MIN_FAMILIES_PER_AGENT,
  missingRequired,
  NEED_CODES,
  REGENCY_BBOX,
} from '../../src/core/domain/schema.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gp-demo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Same households-per-agent ratio as the regency default (45,306 / 7,200).
const SMALL: DemoOptions = { households: 3000, agents: 480, seed: 424242 };

function run(options: DemoOptions): MemoryWriter {
  const w = createMemoryWriter();
  generateDemo(options, w);
  return w;
}

const out = run(SMALL);
const households = parseCsvRecords(out.text('households.csv'));
const agents = parseCsvRecords(out.text('agents.csv'));
const cases = parseCsvRecords(out.text('cases.csv'));
const manifest = JSON.parse(out.text('manifest.json')) as DemoManifest;
const villages = loadGazetteer();
const profiles = profileVillages(villages);
const profileOf = new Map(villages.map((v, i) => [v.code, profiles[i]]));

function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

describe('generateDemo: determinism', () => {
  it('gives identical bytes for the same options', () => {
    const again = run(SMALL);
    for (const f of DEMO_FILES) expect(again.text(f)).toBe(out.text(f));
  });

  it('gives different data for another seed', () => {
    const other = run({ ...SMALL, seed: 1 });
    expect(other.text('households.csv')).not.toBe(out.text('households.csv'));
    expect(other.text('agents.csv')).not.toBe(out.text('agents.csv'));
    // The manifest's fingerprint names the data: another demo, another fingerprint (the same one, the same).
    const fingerprint = (w: MemoryWriter) =>
      (JSON.parse(w.text('manifest.json')) as DemoManifest).fingerprint;
    expect(fingerprint(other)).not.toBe(manifest.fingerprint);
    expect(fingerprint(run({ ...SMALL, households: 3001 }))).not.toBe(manifest.fingerprint);
    expect(manifest.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes the same bytes to files as to memory', () => {
    const dir = join(tmp, 'files');
    generateDemo(SMALL, createFileWriter(dir));
    for (const f of DEMO_FILES) expect(readFileSync(join(dir, f), 'utf8')).toBe(out.text(f));
  });
});

describe('generateDemo: tables and contract', () => {
  it('uses the P3KE-style headers that schema.ts accepts', () => {
    expect(parseCsv(out.text('households.csv'))[0]).toEqual([...HOUSEHOLD_COLUMNS]);
    expect(parseCsv(out.text('agents.csv'))[0]).toEqual([...AGENT_COLUMNS]);
    expect(parseCsv(out.text('cases.csv'))[0]).toEqual([...CASE_COLUMNS]);
    expect(missingRequired('households', HOUSEHOLD_COLUMNS)).toEqual([]);
    expect(missingRequired('agents', AGENT_COLUMNS)).toEqual([]);
    expect(missingRequired('cases', CASE_COLUMNS)).toEqual([]);
  });

  it('writes a manifest matching the tables, without timestamps', () => {
    expect(manifest).toEqual({
      name: 'data contoh (sintetis)',
      synthetic: true,
      seed: SMALL.seed,
      households: households.length,
      agents: agents.length,
      cases: cases.length,
      generator: 'scripts/generate-demo.ts',
      reference_date: REFERENCE_DATE,
      programme_start: PROGRAMME_START,
      fingerprint: manifest.fingerprint,
    });
  });

  it('matches the requested totals and gives every village households', () => {
    expect(households).toHaveLength(3000);
    expect(agents).toHaveLength(480);
    const perVillage = new Set(households.map((h) => h.kode_kemendagri));
    expect(perVillage.size).toBe(villages.length);
    const asn = agents.filter((a) => a.jenis_pegawai === 'asn').length;
    expect(asn).toBe(Math.round(480 * ASN_SHARE));
  });

  it('has unique ids and valid references', () => {
    const hIds = new Set(households.map((h) => h.id_keluarga_p3ke));
    const aIds = new Set(agents.map((a) => a.id_agen));
    expect(hIds.size).toBe(households.length);
    expect(aIds.size).toBe(agents.length);
    expect(new Set(cases.map((c) => c.id_kasus)).size).toBe(cases.length);
    const codes = new Set(villages.map((v) => v.code));
    const agentOf = new Map(households.map((h) => [h.id_keluarga_p3ke, h.id_agen]));
    for (const h of households) {
      expect(codes.has(h.kode_kemendagri ?? '')).toBe(true);
      if (h.id_agen) expect(aIds.has(h.id_agen)).toBe(true);
    }
    for (const a of agents) expect(codes.has(a.kode_desa_domisili ?? '')).toBe(true);
    for (const c of cases) {
      expect(hIds.has(c.id_keluarga_p3ke ?? '')).toBe(true);
      expect(c.id_agen).toBe(agentOf.get(c.id_keluarga_p3ke ?? ''));
    }
  });

  it('keeps every point in the regency bbox with at most 6 decimals', () => {
    for (const row of [...households, ...agents]) {
      const lon = Number(row.lon);
      const lat = Number(row.lat);
      expect(lon > REGENCY_BBOX.west && lon < REGENCY_BBOX.east).toBe(true);
      expect(lat > REGENCY_BBOX.south && lat < REGENCY_BBOX.north).toBe(true);
      expect(row.lon).toMatch(/^\d+\.\d{6}$/);
      expect(row.lat).toMatch(/^-\d+\.\d{6}$/);
    }
  });

  it('has valid field values', () => {
    for (const h of households) {
      expect(h.kode_kemendagri).toMatch(/^17\.01\.\d{2}\.\d{4}$/);
      expect(h.nik).toMatch(/^1701\d{12}$/);
      expect(h.nik?.slice(4, 6)).toBe(h.kode_kemendagri?.slice(6, 8));
      const decile = Number(h.desil_kesejahteraan);
      expect(decile >= 1 && decile <= 10).toBe(true);
      expect(Number(h.jumlah_anggota)).toBeGreaterThanOrEqual(1);
      for (const n of NEED_CODES) expect(['0', '1']).toContain(h[`need_${n}`]);
      expect(Number(h.anak_tidak_sekolah) > 0).toBe(h.need_putus_sekolah === '1');
      if (h.kunjungan_terakhir) {
        expect(h.id_agen).not.toBe('');
        expect(h.kunjungan_terakhir >= PROGRAMME_START && h.kunjungan_terakhir <= REFERENCE_DATE).toBe(true);
      }
    }
    for (const a of agents) {
      expect(AGENT_TYPES).toContain(a.jenis_pegawai);
      expect(a.nip === '').toBe(a.jenis_pegawai === 'honorer');
      if (a.nip) expect(a.nip).toMatch(/^\d{18}$/);
      expect(['0', '1']).toContain(a.aktif);
    }
  });

  it('has cases with consistent statuses and dates', () => {
    expect(cases.length).toBeGreaterThan(0);
    const flagged = new Map(households.map((h) => [h.id_keluarga_p3ke, h]));
    for (const c of cases) {
      expect(NEED_CODES).toContain(c.kebutuhan);
      expect(CASE_STATUSES).toContain(c.status_kasus);
      expect(DEFAULT_CHANNELS).toContain(c.kanal);
      expect(flagged.get(c.id_keluarga_p3ke ?? '')?.[`need_${c.kebutuhan}`]).toBe('1');
      const reported = c.tanggal_lapor ?? '';
      expect(reported >= PROGRAMME_START && reported <= REFERENCE_DATE).toBe(true);
      expect(c.tanggal_selesai !== '').toBe(c.status_kasus === 'selesai');
      if (c.tanggal_selesai) {
        expect(c.tanggal_selesai >= reported).toBe(true);
        expect(c.tanggal_selesai <= REFERENCE_DATE).toBe(true);
      }
    }
    for (const s of CASE_STATUSES) expect(cases.some((c) => c.status_kasus === s)).toBe(true);
    expect(cases.filter((c) => c.kebutuhan === 'bencana').every((c) => c.kanal !== 'SPADA')).toBe(true);
  });
});

describe('generateDemo: field-like gaps and place effects', () => {
  const agentById = new Map(agents.map((a) => [a.id_agen, a]));

  it('leaves a plausible share of households without agent', () => {
    const share = households.filter((h) => !h.id_agen).length / households.length;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.3);
  });

  it('gives some households to agents living more than 1 km away', () => {
    const assigned = households.filter((h) => h.id_agen);
    const far = assigned.filter((h) => {
      const a = agentById.get(h.id_agen ?? '');
      return a && haversineM(Number(a.lon), Number(a.lat), Number(h.lon), Number(h.lat)) > 1000;
    });
    const share = far.length / assigned.length;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.2);
  });

  it('has active agents with fewer than ten families, and most assignments near home', () => {
    const families = new Map<string, number>();
    for (const h of households) if (h.id_agen) families.set(h.id_agen, (families.get(h.id_agen) ?? 0) + 1);
    const active = agents.filter((a) => a.aktif === '1');
    const under = active.filter((a) => (families.get(a.id_agen ?? '') ?? 0) < MIN_FAMILIES_PER_AGENT);
    expect(under.length).toBeGreaterThan(0);
    expect(active.some((a) => (families.get(a.id_agen ?? '') ?? 0) >= MIN_FAMILIES_PER_AGENT)).toBe(true);
    // Inactive agents keep no families.
    for (const a of agents.filter((x) => x.aktif === '0'))
      expect(families.get(a.id_agen ?? '')).toBeUndefined();
  });

  it('leaves more upland than town households without agent', () => {
    const share = (pick: (code: string) => boolean): number => {
      const hs = households.filter((h) => pick(h.kode_kemendagri ?? ''));
      return hs.filter((h) => !h.id_agen).length / hs.length;
    };
    expect(share((c) => profileOf.get(c)?.upland === true)).toBeGreaterThan(
      share((c) => profileOf.get(c)?.town === true),
    );
  });

  const rate = (need: string, pick: (code: string) => boolean): number => {
    const hs = households.filter((h) => pick(h.kode_kemendagri ?? ''));
    return hs.filter((h) => h[`need_${need}`] === '1').length / hs.length;
  };
  const upland = (c: string): boolean => profileOf.get(c)?.upland === true;
  const coastal = (c: string): boolean => profileOf.get(c)?.coastal === true;

  it('has more uninhabitable houses and health needs upland than on the coast', () => {
    expect(rate('rtlh', upland)).toBeGreaterThan(rate('rtlh', coastal));
    expect(rate('kesehatan', upland)).toBeGreaterThan(rate('kesehatan', coastal));
  });

  it('has more disaster victims on the coast than upland', () => {
    expect(rate('bencana', coastal)).toBeGreaterThan(rate('bencana', upland));
  });

  it('has more needs in poorer deciles', () => {
    const needs = (h: Record<string, string>): number =>
      NEED_CODES.filter((n) => h[`need_${n}`] === '1').length;
    const mean = (hs: Record<string, string>[]): number => hs.reduce((s, h) => s + needs(h), 0) / hs.length;
    const poor = households.filter((h) => Number(h.desil_kesejahteraan) <= 3);
    const rich = households.filter((h) => Number(h.desil_kesejahteraan) >= 8);
    expect(mean(poor)).toBeGreaterThan(mean(rich) * 1.5);
  });
});

describe('generate-demo CLI', () => {
  it('writes data/demo-style files and honours --if-missing', () => {
    const dir = join(tmp, 'cli');
    const args = ['tsx', 'scripts/generate-demo.ts', '--households', '400', '--agents', '64', '--seed', '9'];
    const first = execFileSync('npx', [...args, '--out', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(first).toContain('households 400');
    const mem = run({ households: 400, agents: 64, seed: 9 });
    for (const f of DEMO_FILES.filter((f) => f !== 'manifest.json'))
      expect(readFileSync(resolve(dir, f), 'utf8')).toBe(mem.text(f));
    // The manifest names the columnar copies, written beside the CSVs (tests/scripts/demo-columnar.test.ts).
    const manifestPath = resolve(dir, 'manifest.json');
    const columnar = { households: 'households.arrow', agents: 'agents.arrow', cases: 'cases.arrow' };
    expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toEqual({
      ...JSON.parse(mem.text('manifest.json')),
      columnar,
    });
    for (const file of Object.values(columnar)) expect(statSync(resolve(dir, file)).size).toBeGreaterThan(0);
    const second = execFileSync('npx', [...args, '--out', dir, '--if-missing'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(second).toContain('nothing to do');
    // A copy made by other load rules (here: other bytes) is made again, the others left as they are.
    const agentsCopy = readFileSync(resolve(dir, 'agents.arrow'));
    const householdsDate = statSync(resolve(dir, 'households.arrow')).mtimeMs;
    writeFileSync(resolve(dir, 'agents.arrow'), agentsCopy.subarray(0, agentsCopy.length - 8));
    const remade = execFileSync('npx', [...args, '--out', dir, '--if-missing'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(remade).toContain('columnar copy written (agents.arrow)');
    expect(readFileSync(resolve(dir, 'agents.arrow')).equals(agentsCopy)).toBe(true);
    expect(statSync(resolve(dir, 'households.arrow')).mtimeMs).toBe(householdsDate);
    // A demo made before the columnar copy existed gets it from --if-missing, its CSVs untouched.
    writeFileSync(manifestPath, mem.text('manifest.json'));
    rmSync(resolve(dir, 'households.arrow'));
    const third = execFileSync('npx', [...args, '--out', dir, '--if-missing'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(third).toContain('columnar copy written');
    expect(JSON.parse(readFileSync(manifestPath, 'utf8')).columnar).toEqual(columnar);
    expect(statSync(resolve(dir, 'households.arrow')).size).toBeGreaterThan(0);
    expect(readFileSync(resolve(dir, 'households.csv'), 'utf8')).toBe(mem.text('households.csv'));
  });
});
