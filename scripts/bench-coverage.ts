/**
 * Coverage engine benchmark (`npm run bench:coverage [-- --sizes 45000,250000,1000000] [--runs 5]`).
 *
 * For each size: synthetic demo data from generateDemo (7,200 agents, default seed) in .bench/coverage/demo-N
 * (reused when its manifest matches), parsed once into raw typed arrays in .bench/coverage/demo-N/input
 * (reused too). Then, in the same invocation:
 * - the engine: computeCoverage, median of --runs runs after one warm-up, per stage; "nearest" alone
 *   (buildAgentIndex + nearestAgents, the workload the peers do); proposeReassignment at each --thresholds
 *   limit; rankNewAgentSites;
 * - the peers, when installed (Debian's /usr/bin/python3, scripts/peers/*.py): scipy cKDTree (engine plane, 2-D,
 *   and 3-D unit vectors), geopandas.sjoin_nearest (EPSG:32748), QGIS distance to nearest hub (PyQGIS).
 *   Each peer times only its nearest computation and reports loading separately.
 * Agreement = share of households with coordinates whose nearest agent equals scipy's 3-D (exact great-circle
 * order) answer, counting a different agent at the same distance (|Δ| ≤ 1e-9 relative, both measured with
 * haversine) as agreement. max_rel_dist_err = max |ours − scipy| / scipy over households, scipy's chord
 * converted to great-circle metres.
 * Prints a table per size and, last, one JSON line for the largest size.
 *
 * Options: --sizes, --runs N (5), --agents A (7200), --seed S, --no-peers, --peers scipy,geopandas,qgis,
 * --qgis-max-households N (1000000), --qgis-timeout S (1200), --thresholds metres for the proposal
 * (1000,2500,5000,10000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buildAgentIndex,
  type CoverageInput,
  computeCoverage,
  DEFAULT_COVERAGE_OPTIONS,
  haversineM,
  nearestAgents,
  proposeReassignment,
  rankNewAgentSites,
} from '../src/analysis/coverage-engine/index.ts';
import { parseCsvRecords } from './demo/csv.ts';
import { createFileWriter } from './demo/output.ts';
import { DEFAULT_SEED, generateDemo } from './generate-demo.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = resolve(ROOT, '.bench/coverage');
const PYTHON = '/usr/bin/python3';

// ---------------------------------------------------------------------------------------------
// Data

interface Gazetteer {
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

/** Splits one CSV line (RFC 4180 quotes, no line breaks inside fields) into fields. */
function splitLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
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
  const text = readFileSync(join(dir, 'households.csv'), 'utf8');
  let pos = text.indexOf('\n') + 1;
  const header = splitLine(text.slice(0, pos - 1).replace(/\r$/, ''));
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`households.csv: no column ${name}`);
    return k;
  };
  const cVillage = col('kode_kemendagri');
  const cLon = col('lon');
  const cLat = col('lat');
  const cAgent = col('id_agen');
  let n = 0;
  for (let i = pos; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  const households = {
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    agentIndex: new Int32Array(n),
    villageIndex: new Int32Array(n),
  };
  let row = 0;
  while (pos < text.length && row < n) {
    const end = text.indexOf('\n', pos);
    const f = splitLine(text.slice(pos, end < 0 ? text.length : end).replace(/\r$/, ''));
    households.lon[row] = Number(f[cLon]);
    households.lat[row] = Number(f[cLat]);
    const a = f[cAgent] ?? '';
    households.agentIndex[row] = a === '' ? -1 : (agentId.get(a) ?? -1);
    households.villageIndex[row] = gaz.villageIndex.get(f[cVillage] ?? '') ?? -1;
    row++;
    pos = end < 0 ? text.length : end + 1;
  }
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

function readTyped<T extends Typed>(path: string, make: (b: ArrayBuffer) => T): T {
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

interface Prepared {
  input: CoverageInput;
  binDir: string;
  generatedS: number | null;
  parsedS: number | null;
}

function prepare(households: number, agents: number, seed: number, gaz: Gazetteer): Prepared {
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

// ---------------------------------------------------------------------------------------------
// Measuring

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface PeerResult {
  [key: string]: unknown;
  skipped?: string;
}

function runPeer(script: string, args: string[], timeoutS: number): PeerResult {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} not found` };
  const res = spawnSync(PYTHON, [join(ROOT, 'scripts/peers', script), ...args], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) return { skipped: `${script}: ${res.error.message}` };
  const lines = (res.stdout ?? '').trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  try {
    return JSON.parse(last) as PeerResult;
  } catch {
    const why = `${res.stderr ?? ''}`.trim().split('\n').slice(-2).join(' ');
    return { skipped: `${script} failed (exit ${res.status}): ${why.slice(0, 300)}` };
  }
}

function pythonHas(modules: string): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', `import ${modules}`], { encoding: 'utf8' });
  return r.status === 0
    ? null
    : `${modules} not importable by ${PYTHON}: ${(r.stderr ?? '').trim().split('\n').pop()}`;
}

interface Agreement {
  agreement: number;
  sameAgent: number;
  ties: number;
  compared: number;
  maxRelDistErr: number;
}

function agreementWith(
  input: CoverageInput,
  ours: { agent: Int32Array; distanceM: Float64Array },
  theirs: Int32Array,
  theirDist: Float64Array | null,
): Agreement {
  const { lon, lat } = input.households;
  let same = 0;
  let ties = 0;
  let compared = 0;
  let maxRel = 0;
  for (let i = 0; i < lon.length; i++) {
    const t = theirs[i] as number;
    const o = ours.agent[i] as number;
    if (t < 0 && o < 0) continue;
    compared++;
    const dOurs = ours.distanceM[i] as number;
    if (theirDist) {
      const dT = theirDist[i] as number;
      const rel = dT > 0 ? Math.abs(dOurs - dT) / dT : dOurs === 0 ? 0 : Number.POSITIVE_INFINITY;
      if (rel > maxRel) maxRel = rel;
    }
    if (t === o) {
      same++;
      continue;
    }
    if (t < 0 || o < 0) continue;
    const dT = haversineM(
      lon[i] as number,
      lat[i] as number,
      input.agents.lon[t] as number,
      input.agents.lat[t] as number,
    );
    if (Math.abs(dT - dOurs) <= 1e-9 * Math.max(dT, dOurs)) ties++;
  }
  return {
    agreement: compared > 0 ? (same + ties) / compared : Number.NaN,
    sameAgent: same,
    ties,
    compared,
    maxRelDistErr: maxRel,
  };
}

interface ReassignReport {
  thresholdM: number;
  ms: number;
  moves: number;
  unresolved: number;
  edges: number;
  pairsMeasured: number;
  rounds: number;
  belowMin: number;
  coverageBefore: number;
  coverageAfter: number;
}

interface SizeReport {
  households: number;
  agents: number;
  engine: Record<string, number>;
  nearestS: number;
  indexStats: object;
  reassign: ReassignReport[];
  sitesMs: number;
  peers: Record<string, PeerResult>;
  agreement: Record<string, Agreement>;
  generatedS: number | null;
  parsedS: number | null;
}

function benchSize(
  households: number,
  agentsN: number,
  seed: number,
  runs: number,
  peers: Set<string>,
  qgisMax: number,
  qgisTimeout: number,
  gaz: Gazetteer,
  thresholds: readonly number[],
): SizeReport {
  const prep = prepare(households, agentsN, seed, gaz);
  const { input, binDir } = prep;
  const options = DEFAULT_COVERAGE_OPTIONS;

  // Engine, whole: warm-up then runs.
  computeCoverage(input, options);
  const stages: Record<string, number[]> = { index: [], nearest: [], assigned: [], aggregate: [], total: [] };
  let result = computeCoverage(input, options);
  for (let r = 0; r < runs; r++) {
    result = computeCoverage(input, options);
    for (const [k, v] of Object.entries(result.timingsMs)) stages[k]?.push(v);
  }
  const engine = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)]));

  // Nearest alone: what the peers do (build the index of active agents, query every household).
  const nearestTimes: number[] = [];
  let ours = nearestAgents(
    buildAgentIndex(input.agents, { cover: input.households }),
    input.households.lon,
    input.households.lat,
  );
  let indexStats: object = {};
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const idx = buildAgentIndex(input.agents, { cover: input.households });
    ours = nearestAgents(idx, input.households.lon, input.households.lat);
    nearestTimes.push(performance.now() - t);
    const g = idx.grid;
    indexStats = {
      method: idx.tree ? 'quadtree' : 'grid',
      grid: { cells: g.nx * g.ny, cellM: Math.round(g.cell), buildMs: Math.round(idx.buildMs * 10) / 10 },
      quadtree: idx.tree
        ? { ...idx.tree.stats, buildMs: Math.round(idx.tree.stats.buildMs * 10) / 10 }
        : null,
    };
  }

  // The proposal at each limit (one run each: it follows a computeCoverage at that limit).
  const reassign: ReassignReport[] = [];
  for (const thresholdM of thresholds) {
    const opts = { ...options, thresholdM };
    const before = computeCoverage(input, opts);
    const tr = performance.now();
    const proposal = proposeReassignment(input, before, opts);
    reassign.push({
      thresholdM,
      ms: performance.now() - tr,
      moves: proposal.moves.length,
      unresolved: proposal.unresolved.length,
      edges: proposal.stats.edges,
      pairsMeasured: proposal.stats.pairsMeasured,
      rounds: proposal.stats.rounds,
      belowMin: proposal.stats.belowMinSlotsFilled,
      coverageBefore: before.totals.coveragePct,
      coverageAfter: proposal.after.totals.coveragePct,
    });
  }
  const ts = performance.now();
  const gaz2 = { lon: gaz.labelLon, lat: gaz.labelLat };
  rankNewAgentSites(input, result, options, gaz2, 10);
  const sitesMs = performance.now() - ts;

  const peerResults: Record<string, PeerResult> = {};
  const agreement: Record<string, Agreement> = {};
  const dirArgs = ['--dir', binDir];
  if (peers.has('scipy')) {
    const missing = pythonHas('scipy');
    peerResults.scipy = missing
      ? { skipped: missing }
      : runPeer('nearest_scipy.py', [...dirArgs, '--runs', String(Math.max(3, Math.min(runs, 5)))], 1800);
    if (!peerResults.scipy.skipped) {
      const f = (name: string) => readTyped(join(binDir, name), (b) => new Int32Array(b));
      const dist = readTyped(join(binDir, 'scipy_sphere_dist.f64'), (b) => new Float64Array(b));
      agreement.scipy_sphere = agreementWith(input, ours, f('scipy_sphere_agent.i32'), dist);
      agreement.scipy_plane = agreementWith(input, ours, f('scipy_plane_agent.i32'), null);
    }
  }
  if (peers.has('geopandas')) {
    const missing = pythonHas('geopandas');
    peerResults.geopandas = missing ? { skipped: missing } : runPeer('nearest_geopandas.py', dirArgs, 3600);
    if (!peerResults.geopandas.skipped) {
      const g = readTyped(join(binDir, 'geopandas_agent.i32'), (b) => new Int32Array(b));
      agreement.geopandas = agreementWith(input, ours, g, null);
    }
  }
  if (peers.has('qgis')) {
    if (households > qgisMax) {
      peerResults.qgis = { skipped: `not run above ${qgisMax} households (--qgis-max-households)` };
    } else {
      const missing = pythonHas('pyproj, numpy, qgis.core');
      peerResults.qgis = missing
        ? { skipped: missing }
        : runPeer('nearest_qgis.py', [...dirArgs, '--timeout', String(qgisTimeout)], qgisTimeout + 600);
      if (!peerResults.qgis.skipped) {
        const q = readTyped(join(binDir, 'qgis_agent.i32'), (b) => new Int32Array(b));
        agreement.qgis = agreementWith(input, ours, q, null);
      }
    }
  }
  return {
    households: input.households.lon.length,
    agents: input.agents.lon.length,
    engine,
    nearestS: median(nearestTimes) / 1000,
    indexStats,
    reassign,
    sitesMs,
    peers: peerResults,
    agreement,
    generatedS: prep.generatedS,
    parsedS: prep.parsedS,
  };
}

const s3 = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '—');

function peerSeconds(r: PeerResult | undefined, key: string): number | null {
  if (!r || r.skipped) return null;
  const v = r[key];
  return typeof v === 'number' ? v : null;
}

function printReport(r: SizeReport): void {
  const e = r.engine;
  const lines = [
    '',
    `== ${r.households.toLocaleString('en')} households, ${r.agents.toLocaleString('en')} agents` +
      (r.generatedS !== null
        ? ` (generated in ${r.generatedS.toFixed(1)} s, parsed in ${r.parsedS?.toFixed(1)} s)`
        : ''),
    '| what | seconds |',
    '|---|---|',
    `| engine: index build | ${s3((e.index ?? 0) / 1000)} |`,
    `| engine: nearest agent | ${s3((e.nearest ?? 0) / 1000)} |`,
    `| engine: assigned distances + agent loads | ${s3((e.assigned ?? 0) / 1000)} |`,
    `| engine: village/district aggregates | ${s3((e.aggregate ?? 0) / 1000)} |`,
    `| **engine total** (computeCoverage) | **${s3((e.total ?? 0) / 1000)}** |`,
    `| nearest alone (buildAgentIndex + nearestAgents) | ${s3(r.nearestS)} |`,
    ...r.reassign.map(
      (p) =>
        `| proposeReassignment at ${p.thresholdM / 1000} km (${p.moves} moves, ${p.belowMin} below-minimum places filled, ${p.unresolved} unresolved; ${p.pairsMeasured} distances measured, ${p.edges} in the final candidate graph, ${p.rounds} check rounds; coverage ${p.coverageBefore.toFixed(1)} % → ${p.coverageAfter.toFixed(1)} %) | ${s3(p.ms / 1000)} |`,
    ),
    `| rankNewAgentSites (n = 10) | ${s3(r.sitesMs / 1000)} |`,
  ];
  const sc = r.peers.scipy;
  if (sc) {
    if (sc.skipped) lines.push(`| scipy cKDTree | skipped: ${sc.skipped} |`);
    else {
      lines.push(
        `| scipy ${sc.version} cKDTree, engine plane 2-D, workers=1 (build + query) | ${s3(sc.plane_s)} |`,
      );
      lines.push(`| scipy cKDTree, plane 2-D, workers=-1 (2 cores) | ${s3(sc.plane_all_cores_s)} |`);
      lines.push(`| scipy cKDTree, 3-D unit vectors, workers=1 | ${s3(sc.sphere_s)} |`);
      lines.push(`| (scipy: loading ${s3(sc.load_s)} s, projecting ${s3(sc.prepare_s)} s, not counted) | |`);
    }
  }
  const gp = r.peers.geopandas;
  if (gp) {
    if (gp.skipped) lines.push(`| geopandas sjoin_nearest | skipped: ${gp.skipped} |`);
    else {
      lines.push(`| geopandas ${gp.version} sjoin_nearest (EPSG:32748) | ${s3(gp.sjoin_nearest_s)} |`);
      lines.push(
        `| (geopandas: loading ${s3(gp.load_s)} s, GeoDataFrames + to_crs ${s3(gp.prepare_s)} s, not counted) | |`,
      );
    }
  }
  const qg = r.peers.qgis;
  if (qg) {
    if (qg.skipped) lines.push(`| QGIS distance to nearest hub | skipped: ${qg.skipped} |`);
    else {
      lines.push(
        `| QGIS ${qg.version} qgis:distancetonearesthubpoints (PyQGIS, memory layers) | ${s3(qg.algorithm_s)} |`,
      );
      lines.push(`| (QGIS: writing CSV + loading into memory layers ${s3(qg.load_s)} s, not counted) | |`);
    }
  }
  for (const [k, a] of Object.entries(r.agreement)) {
    lines.push(
      `| agreement with ${k}: ${(a.agreement * 100).toFixed(4)} % (${a.sameAgent} same agent + ${a.ties} ties of ${a.compared})` +
        (k === 'scipy_sphere' ? `; max rel. distance error ${a.maxRelDistErr.toExponential(2)}` : '') +
        ' | |',
    );
  }
  lines.push(`index: ${JSON.stringify(r.indexStats)}`);
  console.log(lines.join('\n'));
}

function summary(r: SizeReport): object {
  const sphere = r.agreement.scipy_sphere;
  return {
    households: r.households,
    agents: r.agents,
    engine_s: (r.engine.total ?? Number.NaN) / 1000,
    nearest_s: r.nearestS,
    peers: {
      scipy_ckdtree_s: peerSeconds(r.peers.scipy, 'plane_s'),
      geopandas_sjoin_nearest_s: peerSeconds(r.peers.geopandas, 'sjoin_nearest_s'),
      qgis_nearest_hub_s: peerSeconds(r.peers.qgis, 'algorithm_s'),
    },
    agreement: sphere ? sphere.agreement : null,
    max_rel_dist_err: sphere ? sphere.maxRelDistErr : null,
  };
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(): void {
  const argv = process.argv.slice(2);
  const sizes = (argValue(argv, '--sizes') ?? '45000,250000,1000000')
    .split(',')
    .map((s) => Number(s.replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  const runs = Number(argValue(argv, '--runs') ?? 5);
  const agents = Number(argValue(argv, '--agents') ?? 7200);
  const seed = Number(argValue(argv, '--seed') ?? DEFAULT_SEED);
  const peers = new Set(
    argv.includes('--no-peers') ? [] : (argValue(argv, '--peers') ?? 'scipy,geopandas,qgis').split(','),
  );
  const qgisMax = Number(argValue(argv, '--qgis-max-households') ?? 1_000_000);
  const qgisTimeout = Number(argValue(argv, '--qgis-timeout') ?? 1200);
  const thresholds = (argValue(argv, '--thresholds') ?? '1000,2500,5000,10000')
    .split(',')
    .map(Number)
    .filter((t) => Number.isFinite(t) && t >= 0);
  const gaz = loadGazetteerIndex();
  mkdirSync(BENCH, { recursive: true });
  console.log(
    `coverage engine benchmark — Node ${process.version}, sizes ${sizes.join(', ')}, ${agents} agents, seed ${seed}, median of ${runs} runs`,
  );
  let last: SizeReport | null = null;
  for (const n of sizes) {
    last = benchSize(n, agents, seed, runs, peers, qgisMax, qgisTimeout, gaz, thresholds);
    printReport(last);
  }
  if (last) console.log(JSON.stringify(summary(last)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main();
}
