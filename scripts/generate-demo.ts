/**
 * Synthetic demo data ("data contoh (sintetis)"), deterministic from a seed and shaped by the
 * committed gazetteer (data/villages.csv): households, agents, cases and a manifest.
 *
 *   npm run data:demo -- [--households N] [--seed S] [--agents A] [--out data/demo] [--if-missing]
 *
 * Same arguments => identical bytes. See data/README.md for every assumption.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NEED_CODES, needColumn } from '../src/core/domain/schema.ts';
import { type Agent, createAgents, DEFAULT_AGENTS } from './demo/agents.ts';
import { allocateHouseholds, DEFAULT_HOUSEHOLDS } from './demo/allocate.ts';
import { assignHouseholds } from './demo/assign.ts';
import { casesForHousehold, lastVisitDay, PROGRAMME_START, REFERENCE_DATE } from './demo/cases.ts';
import { readManifest, writeColumnar } from './demo/columnar.ts';
import { csvField } from './demo/csv.ts';
import { dayNumber, isoDate } from './demo/dates.ts';
import { loadGazetteer, type Village } from './demo/gazetteer.ts';
import { distanceM, profileVillages } from './demo/geography.ts';
import { placeHouseholds } from './demo/households.ts';
import { personName, syntheticNik } from './demo/names.ts';
import { drawNeeds, NEED_BIT, planPlaces } from './demo/needs.ts';
import { CsvSink, createFileWriter, type DemoWriter, fingerprinting } from './demo/output.ts';
import { Rng } from './demo/prng.ts';

export const DEFAULT_SEED = 20260101;
export const DEMO_NAME = 'data contoh (sintetis)';
/** An assignment counts as far when the agent lives more than this from the family. */
export const FAR_M = 1000;

export const HOUSEHOLD_COLUMNS = [
  'id_keluarga_p3ke',
  'kode_kemendagri',
  'lon',
  'lat',
  'jumlah_anggota',
  'nama_kepala_keluarga',
  'nik',
  'desil_kesejahteraan',
  'id_agen',
  ...NEED_CODES.map(needColumn),
  'anak_tidak_sekolah',
  'kunjungan_terakhir',
] as const;
export const AGENT_COLUMNS = [
  'id_agen',
  'nama_agen',
  'nip',
  'jenis_pegawai',
  'unit_kerja',
  'kode_desa_domisili',
  'lon',
  'lat',
  'aktif',
] as const;
export const CASE_COLUMNS = [
  'id_kasus',
  'id_keluarga_p3ke',
  'kebutuhan',
  'status_kasus',
  'tanggal_lapor',
  'tanggal_selesai',
  'kanal',
  'id_agen',
] as const;

/** Independent random streams, one per stage. */
const STREAM = {
  places: 1,
  agents: 2,
  assign: 3,
  model: 4,
  needs: 5,
  people: 6,
  cases: 7,
  visits: 8,
} as const;

export interface DemoOptions {
  households?: number;
  /** Number of agents; 7,200 by default at every household count. */
  agents?: number;
  seed?: number;
  /** Gazetteer; data/villages.csv by default. */
  villages?: readonly Village[];
}

export interface DemoSummary {
  seed: number;
  households: number;
  agents: number;
  cases: number;
  householdsWithoutAgent: number;
  farAssignments: number;
  assignments: number;
  activeAgentsUnderTen: number;
  activeAgents: number;
  originAgents: number;
  /** Seconds per stage (diagnostics only; never written to the output). */
  seconds: Record<string, number>;
}

export interface DemoManifest {
  name: string;
  synthetic: true;
  seed: number;
  households: number;
  agents: number;
  cases: number;
  generator: string;
  reference_date: string;
  programme_start: string;
  /** Names the content: the same data gives the same value (a first look drawn from it says which demo). */
  fingerprint: string;
}

const fixed6 = (x: number): string => x.toFixed(6);

function checkCount(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1 || v > 20_000_000) throw new Error(`${name} must be an integer from 1`);
  return v;
}

export function generateDemo(options: DemoOptions, output: DemoWriter): DemoSummary {
  const writer = fingerprinting(output);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error('seed must be an integer 0..2^32-1');
  const total = checkCount('households', options.households ?? DEFAULT_HOUSEHOLDS);
  const agentTotal = checkCount('agents', options.agents ?? DEFAULT_AGENTS);
  const villages = options.villages ?? loadGazetteer();
  const profiles = profileVillages(villages);
  const seconds: Record<string, number> = {};
  let t = performance.now();
  const lap = (stage: string): void => {
    const now = performance.now();
    seconds[stage] = Math.round(now - t) / 1000;
    t = now;
  };
  const start = dayNumber(PROGRAMME_START);
  const reference = dayNumber(REFERENCE_DATE);

  // 1. Where households live.
  const counts = allocateHouseholds(villages, total);
  const places = placeHouseholds(new Rng(seed, STREAM.places), villages, profiles, counts);
  lap('places');

  // 2. Agents, and who looks after whom. Agents keep aiming at 10-15 families at the regency's
  // household/agent ratio; with more households per agent they take proportionally more.
  const agents = createAgents(new Rng(seed, STREAM.agents), agentTotal, villages, profiles, places);
  const capacityScale = Math.max(1, total / agentTotal / (DEFAULT_HOUSEHOLDS / DEFAULT_AGENTS));
  lap('agents');
  const assignment = assignHouseholds(new Rng(seed, STREAM.assign), agents, places, profiles, capacityScale);
  lap('assign');
  writeAgents(writer, agents, villages);

  // 3. Households, their needs and cases, streamed in file order (village by village).
  const model = planPlaces(new Rng(seed, STREAM.model), villages, profiles, PROGRAMME_START, REFERENCE_DATE);
  const needsRng = new Rng(seed, STREAM.needs);
  const peopleRng = new Rng(seed, STREAM.people);
  const casesRng = new Rng(seed, STREAM.cases);
  const visitsRng = new Rng(seed, STREAM.visits);
  const households = new CsvSink(writer, 'households.csv', HOUSEHOLD_COLUMNS);
  const cases = new CsvSink(writer, 'cases.csv', CASE_COLUMNS);
  const caseWidth = Math.max(7, String(total * 2).length);
  const seqWidth = Math.max(6, String(Math.max(...counts)).length);
  let withoutAgent = 0;
  let far = 0;
  let assigned = 0;

  villages.forEach((village, vi) => {
    const profile = profiles[vi];
    if (!profile) return;
    const plainCode = village.code.replace(/\./g, '');
    const districtDigits = village.districtCode.slice(-2);
    const first = places.villageStart[vi] ?? 0;
    const end = places.villageStart[vi + 1] ?? first;
    for (let i = first; i < end; i++) {
      const id = `P${plainCode}${String(i - first + 1).padStart(seqWidth, '0')}`;
      const lon = places.lon[i] ?? 0;
      const lat = places.lat[i] ?? 0;
      const h = drawNeeds(needsRng, profile, model, vi);
      const female = peopleRng.chance(0.15);
      const head = personName(peopleRng, female);
      const nik = syntheticNik(peopleRng, districtDigits, female, 1950 + peopleRng.int(52));
      const k = assignment.agentOf[i] ?? -1;
      const agent = k >= 0 ? agents[k] : undefined;
      const agentFar = agent !== undefined && distanceM(agent.lon, agent.lat, lon, lat) > FAR_M;
      if (agent) {
        assigned++;
        if (agentFar) far++;
      } else {
        withoutAgent++;
      }
      const ctx = {
        covered: agent !== undefined,
        far: agentFar,
        upland: profile.upland,
        disasterDay: model.disasterDay[vi] ?? -1,
        start,
        reference,
      };
      let lastReported = -1;
      for (const c of casesForHousehold(casesRng, h.needs, ctx)) {
        if (agent && c.reported > lastReported) lastReported = c.reported;
        cases.row(
          [
            `KS${String(cases.rows + 1).padStart(caseWidth, '0')}`,
            id,
            c.need,
            c.status,
            isoDate(c.reported),
            c.resolved >= 0 ? isoDate(c.resolved) : '',
            csvField(c.channel),
            agent?.id ?? '',
          ].join(','),
        );
      }
      const visit = lastVisitDay(visitsRng, ctx, lastReported);
      const flags = NEED_CODES.map((code) => (h.needs & NEED_BIT[code] ? '1' : '0')).join(',');
      households.row(
        [
          id,
          village.code,
          fixed6(lon),
          fixed6(lat),
          h.members,
          csvField(head),
          nik,
          h.decile,
          agent?.id ?? '',
          flags,
          h.childrenOutOfSchool,
          visit >= 0 ? isoDate(visit) : '',
        ].join(','),
      );
    }
  });
  households.flush();
  cases.flush();
  lap('households+cases');

  const manifest: DemoManifest = {
    name: DEMO_NAME,
    synthetic: true,
    seed,
    households: households.rows,
    agents: agents.length,
    cases: cases.rows,
    generator: 'scripts/generate-demo.ts',
    reference_date: REFERENCE_DATE,
    programme_start: PROGRAMME_START,
    fingerprint: writer.fingerprint(),
  };
  writer.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  writer.close();

  const active = agents.filter((a) => a.active);
  return {
    seed,
    households: households.rows,
    agents: agents.length,
    cases: cases.rows,
    householdsWithoutAgent: withoutAgent,
    farAssignments: far,
    assignments: assigned,
    activeAgents: active.length,
    activeAgentsUnderTen: agents.filter((a, k) => a.active && (assignment.families[k] ?? 0) < 10).length,
    originAgents: assignment.originAgent.reduce((s, x) => s + x, 0),
    seconds,
  };
}

function writeAgents(writer: DemoWriter, agents: readonly Agent[], villages: readonly Village[]): void {
  const sink = new CsvSink(writer, 'agents.csv', AGENT_COLUMNS);
  for (const a of agents) {
    sink.row(
      [
        a.id,
        csvField(a.name),
        a.nip,
        a.type,
        csvField(a.employer),
        villages[a.homeVillage]?.code ?? '',
        fixed6(a.lon),
        fixed6(a.lat),
        a.active ? 1 : 0,
      ].join(','),
    );
  }
  sink.flush();
}

// ---------------------------------------------------------------------------------------------
// CLI

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CliArgs {
  options: DemoOptions;
  out: string;
  ifMissing: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const options: DemoOptions = {};
  let out = resolve(ROOT, 'data/demo');
  let ifMissing = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    if (flag === '--if-missing') {
      ifMissing = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    const int = (): number => {
      if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new Error(`${flag}: not a whole number: ${value}`);
      return Number(value.replace(/_/g, ''));
    };
    if (flag === '--households') options.households = int();
    else if (flag === '--agents') options.agents = int();
    else if (flag === '--seed') options.seed = int();
    else if (flag === '--out') out = resolve(value);
    else if (flag === '--gazetteer') options.villages = loadGazetteer(resolve(value));
    else throw new Error(`unknown argument ${flag}`);
  }
  return { options, out, ifMissing };
}

async function main(): Promise<void> {
  const { options, out, ifMissing } = parseArgs(process.argv.slice(2));
  const manifestPath = resolve(out, 'manifest.json');
  if (ifMissing && existsSync(manifestPath)) {
    // The columnar copy (the app loads that, and only that is cached) is made by this checkout's load rules: a
    // demo made before it existed gets one, and a copy made by other rules is replaced.
    const written = await writeColumnar(out, readManifest(out));
    if (written.length > 0)
      console.log(`demo data present in ${out}; its columnar copy written (${written.join(', ')})`);
    else console.log(`demo data present in ${out} (manifest.json); nothing to do`);
    return;
  }
  const t0 = performance.now();
  const s = generateDemo(options, createFileWriter(out));
  const tc = performance.now();
  await writeColumnar(out);
  s.seconds.columnar = (performance.now() - tc) / 1000;
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  console.log(
    [
      `${DEMO_NAME}: seed ${s.seed} -> ${out}`,
      `  households ${s.households}, agents ${s.agents} (${s.activeAgents} active), cases ${s.cases}`,
      `  without agent ${s.householdsWithoutAgent} (${pct(s.householdsWithoutAgent, s.households)})`,
      `  far assignments (> ${FAR_M} m) ${s.farAssignments} (${pct(s.farAssignments, s.assignments)}), origin-village agents ${s.originAgents}`,
      `  active agents with < 10 families ${s.activeAgentsUnderTen} (${pct(s.activeAgentsUnderTen, s.activeAgents)})`,
      `  ${((performance.now() - t0) / 1000).toFixed(1)} s (${Object.entries(s.seconds)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')})`,
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
