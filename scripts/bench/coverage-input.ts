/** The benchmark's inputs: the gazetteer index, a generated demo parsed into the engine's typed arrays, cached on disk. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAgentIndex, type CoverageInput } from '../../src/core/coverage-engine/index.ts';
import { parseCsv, parseCsvRecords } from '../demo/csv.ts';
import { createFileWriter } from '../demo/output.ts';
import { generateDemo } from '../generate-demo.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH = resolve(ROOT, '.bench/coverage');

// ---------------------------------------------------------------------------------------------
// Data

export interface Gazetteer {
  villageIndex: Map<string, number>;
  villageDistrict: Int32Array;
  districtCount: number;
  labelLon: Float64Array;
  labelLat: Float64Array;
}

export function loadGazetteerIndex(path = resolve(ROOT, 'data/villages.csv')): Gazetteer {
  const rows = parseCsvRecords(readFileSync(path, 'utf8'));
  const districts = new Map<string, number>();
  const villageIndex = new Map<string, number>();
  const villageDistrict = new Int32Array(rows.length);
  const labelLon = new Float64Array(rows.length);
  const labelLat = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    const dc = r.district_code ?? '';
    if (!districts.has(dc)) districts.set(dc, districts.size);
    villageIndex.set(r.village_code ?? '', i);
    villageDistrict[i] = districts.get(dc) ?? -1;
    labelLon[i] = Number(r.label_lon);
    labelLat[i] = Number(r.label_lat);
  });
  return { villageIndex, villageDistrict, districtCount: districts.size, labelLon, labelLat };
}

/** Engine input from a demo folder (households.csv, agents.csv) and the gazetteer. */
export function loadDemoInput(dir: string, gaz: Gazetteer = loadGazetteerIndex()): CoverageInput {
  const agentRows = parseCsvRecords(readFileSync(join(dir, 'agents.csv'), 'utf8'));
  const m = agentRows.length;
  const agentId = new Map<string, number>();
  const agents = {
    lon: new Float64Array(m),
    lat: new Float64Array(m),
    active: new Uint8Array(m),
    villageIndex: new Int32Array(m),
  };
  agentRows.forEach((r, i) => {
    agentId.set(r.id_agen ?? '', i);
    agents.lon[i] = Number(r.lon);
    agents.lat[i] = Number(r.lat);
    agents.active[i] = r.aktif === '0' ? 0 : 1;
    agents.villageIndex[i] = gaz.villageIndex.get(r.kode_desa_domisili ?? '') ?? -1;
  });
  const [header = [], ...rows] = parseCsv(readFileSync(join(dir, 'households.csv'), 'utf8'));
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`households.csv: no column ${name}`);
    return k;
  };
  const cVillage = col('kode_kemendagri');
  const cLon = col('lon');
  const cLat = col('lat');
  const cAgent = col('id_agen');
  // Visit ages as the app computes them (days before the demo's reference date; NaN never visited).
  const cVisit = header.indexOf('kunjungan_terakhir');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    reference_date?: string;
  };
  const reference = manifest.reference_date ? Date.parse(`${manifest.reference_date}T00:00:00Z`) : Number.NaN;
  const withVisits = cVisit >= 0 && Number.isFinite(reference);
  const n = rows.length;
  const households = {
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    agentIndex: new Int32Array(n),
    villageIndex: new Int32Array(n),
    ...(withVisits ? { visitAgeDays: new Float64Array(n) } : {}),
  };
  rows.forEach((f, row) => {
    households.lon[row] = Number(f[cLon]);
    households.lat[row] = Number(f[cLat]);
    const a = f[cAgent] ?? '';
    households.agentIndex[row] = a === '' ? -1 : (agentId.get(a) ?? -1);
    households.villageIndex[row] = gaz.villageIndex.get(f[cVillage] ?? '') ?? -1;
    if (households.visitAgeDays) {
      const day = f[cVisit] ? Date.parse(`${f[cVisit]}T00:00:00Z`) : Number.NaN;
      households.visitAgeDays[row] = Number.isFinite(day)
        ? Math.round((reference - day) / 86_400_000)
        : Number.NaN;
    }
  });
  return { households, agents, villageDistrict: gaz.villageDistrict, districtCount: gaz.districtCount };
}

type Typed = Float64Array | Int32Array | Uint8Array;
const FILES: Record<string, (input: CoverageInput) => Typed> = {
  'hh_lon.f64': (i) => i.households.lon,
  'hh_lat.f64': (i) => i.households.lat,
  'hh_agent.i32': (i) => i.households.agentIndex,
  'hh_village.i32': (i) => i.households.villageIndex,
  'ag_lon.f64': (i) => i.agents.lon,
  'ag_lat.f64': (i) => i.agents.lat,
  'ag_active.u8': (i) => i.agents.active,
  'ag_village.i32': (i) => i.agents.villageIndex,
  'village_district.i32': (i) => i.villageDistrict,
};

export function readTyped<T extends Typed>(path: string, make: (b: ArrayBuffer) => T): T {
  const buf = readFileSync(path);
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return make(copy);
}

function writeBinaryInput(dir: string, input: CoverageInput, meta: object): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, get] of Object.entries(FILES)) {
    const a = get(input);
    writeFileSync(join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
}

function readBinaryInput(dir: string): CoverageInput {
  const f64 = (name: string) => readTyped(join(dir, name), (b) => new Float64Array(b));
  const i32 = (name: string) => readTyped(join(dir, name), (b) => new Int32Array(b));
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { districtCount: number };
  return {
    households: {
      lon: f64('hh_lon.f64'),
      lat: f64('hh_lat.f64'),
      agentIndex: i32('hh_agent.i32'),
      villageIndex: i32('hh_village.i32'),
    },
    agents: {
      lon: f64('ag_lon.f64'),
      lat: f64('ag_lat.f64'),
      active: readTyped(join(dir, 'ag_active.u8'), (b) => new Uint8Array(b)),
      villageIndex: i32('ag_village.i32'),
    },
    villageDistrict: i32('village_district.i32'),
    districtCount: meta.districtCount,
  };
}

export interface Prepared {
  input: CoverageInput;
  binDir: string;
  generatedS: number | null;
  parsedS: number | null;
}

export function prepare(households: number, agents: number, seed: number, gaz: Gazetteer): Prepared {
  const demoDir = join(BENCH, `demo-${households}-a${agents}-s${seed}`);
  const binDir = join(demoDir, 'input');
  const manifestPath = join(demoDir, 'manifest.json');
  let generatedS: number | null = null;
  let parsedS: number | null = null;
  const manifestOk = (): boolean => {
    if (!existsSync(manifestPath)) return false;
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    return m.households === households && m.agents === agents && m.seed === seed;
  };
  if (!manifestOk()) {
    const t = performance.now();
    generateDemo({ households, agents, seed }, createFileWriter(demoDir));
    generatedS = (performance.now() - t) / 1000;
  }
  if (!existsSync(join(binDir, 'meta.json')) || generatedS !== null) {
    const t = performance.now();
    const input = loadDemoInput(demoDir, gaz);
    parsedS = (performance.now() - t) / 1000;
    const index = buildAgentIndex(input.agents, { cover: input.households });
    const { lon0, lat0, kx, ky } = index.plane;
    writeBinaryInput(binDir, input, {
      households,
      agents,
      seed,
      districtCount: input.districtCount,
      lon0,
      lat0,
      kx,
      ky,
      note: 'engine plane: x = (lon - lon0) * kx, y = (lat - lat0) * ky (metres)',
    });
  }
  return { input: readBinaryInput(binDir), binDir, generatedS, parsedS };
}
