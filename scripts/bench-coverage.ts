/**
 * Coverage engine benchmark (`npm run bench:coverage [-- --sizes 45000,250000,1000000] [--runs 5]`).
 *
 * For each size: synthetic demo data from generateDemo (7,200 agents, default seed) in .bench/coverage/demo-N
 * (reused when its manifest matches), parsed once into raw typed arrays in .bench/coverage/demo-N/input
 * (reused too). Then, in the same invocation:
 * - the engine: computeCoverage, median of --runs runs after one warm-up, per stage; "nearest" alone
 *   (buildAgentIndex + nearestAgents, the workload the peers do), on one core and on all cores (ParallelNearest,
 *   nearest-parallel.ts: this thread and --threads − 1 worker_threads started once, not timed; each run sends
 *   the agents, every thread builds its index, then searches its range — the same answers, checked bit for
 *   bit); proposeReassignment at each --thresholds limit (median and p95 of --runs runs; one run above 250 k);
 *   rankNewAgentSites;
 * - the peers, when installed (Debian's /usr/bin/python3 or $PEER_PYTHON, scripts/peers/*.py): scipy cKDTree (engine plane, 2-D,
 *   and 3-D unit vectors), geopandas.sjoin_nearest (EPSG:32748), QGIS distance to nearest hub (PyQGIS).
 *   Each peer times only its nearest computation and reports loading separately.
 * Agreement = share of households with coordinates whose nearest agent equals scipy's 3-D (exact great-circle
 * order) answer, counting a different agent at the same distance (|Δ| ≤ 1e-9 relative, both measured with
 * haversine) as agreement. max_rel_dist_err = max |ours − scipy| / scipy over households, scipy's chord
 * converted to great-circle metres.
 * Prints a table per size and, last, one JSON line for the largest size.
 *
 * Options: --sizes, --runs N (5), --agents A (7200), --seed S, --threads T (the cores, os.availableParallelism),
 * --no-peers, --peers scipy,geopandas,qgis,
 * --qgis-max-households N (1000000), --qgis-timeout S (1200), --thresholds metres for the proposal
 * (1000,2500,5000,10000).
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median as ssMedian, quantile as ssQuantile } from 'simple-statistics';
import {
  buildAgentIndex,
  computeCoverage,
  DEFAULT_COVERAGE_OPTIONS,
  nearestAgents,
  proposeReassignment,
  rankNewAgentSites,
} from '../src/core/coverage-engine/index.ts';
import { threadsFor } from '../src/core/coverage-engine/nearest-parallel.ts';
import { BENCH, type Gazetteer, loadGazetteerIndex, prepare, readTyped } from './bench/coverage-input.ts';
import {
  type Agreement,
  agreementWith,
  type PeerResult,
  pythonHas,
  runPeer,
} from './bench/coverage-peers.ts';
import { type AllCores, nearestAllCores } from './bench/nearest-all-cores.ts';
import { nodeParallelNearest } from './bench/nearest-pool.ts';
import { DEFAULT_SEED } from './generate-demo.ts';

// ---------------------------------------------------------------------------------------------
// Measuring

/** simple-statistics' median, NaN when there is nothing to summarise. */
const median = (values: number[]): number => (values.length ? ssMedian(values) : Number.NaN);
const quantile = (values: number[], p: number): number =>
  values.length ? ssQuantile(values, p) : Number.NaN;

interface ReassignReport {
  thresholdM: number;
  /** Median and p95 over `runs` runs. */
  ms: number;
  p95Ms: number;
  runs: number;
  moves: number;
  unresolved: number;
  edges: number;
  pairsMeasured: number;
  rounds: number;
  belowMin: number;
  /** Households near an active agent, % (what a proposal changes; a move is not yet a visit). */
  nearBefore: number;
  nearAfter: number;
}

interface SizeReport {
  households: number;
  agents: number;
  engine: Record<string, number>;
  nearestS: number;
  allCores: AllCores;
  indexStats: object;
  reassign: ReassignReport[];
  sitesMs: number;
  peers: Record<string, PeerResult>;
  agreement: Record<string, Agreement>;
  generatedS: number | null;
  parsedS: number | null;
}

async function benchSize(
  pool: ReturnType<typeof nodeParallelNearest>,
  households: number,
  agentsN: number,
  seed: number,
  runs: number,
  peers: Set<string>,
  qgisMax: number,
  qgisTimeout: number,
  gaz: Gazetteer,
  thresholds: readonly number[],
): Promise<SizeReport> {
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

  const allCores = await nearestAllCores(pool, input, ours, runs);

  // The proposal at each limit: median and p95 of --runs runs (after one warm-up; the households by agent are
  // those of a computeCoverage at that limit). Above 250 k households, one run.
  const reassign: ReassignReport[] = [];
  for (const thresholdM of thresholds) {
    const opts = { ...options, thresholdM };
    const before = computeCoverage(input, opts);
    const times: number[] = [];
    const n = households > 250_000 ? 1 : runs + 1;
    let proposal = proposeReassignment(input, before, opts);
    for (let i = 0; i < n; i++) {
      const tr = performance.now();
      proposal = proposeReassignment(input, before, opts);
      if (n === 1 || i > 0) times.push(performance.now() - tr);
    }
    reassign.push({
      thresholdM,
      ms: median(times),
      p95Ms: quantile(times, 0.95),
      runs: times.length,
      moves: proposal.moves.length,
      unresolved: proposal.unresolved.length,
      edges: proposal.stats.edges,
      pairsMeasured: proposal.stats.pairsMeasured,
      rounds: proposal.stats.rounds,
      belowMin: proposal.stats.belowMinSlotsFilled,
      nearBefore: before.totals.nearPct,
      nearAfter: proposal.after.totals.nearPct,
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
    allCores,
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
    `| nearest alone (buildAgentIndex + nearestAgents), 1 core | ${s3(r.nearestS)} |`,
    `| nearest alone on ${r.allCores.threads} threads (ParallelNearest: agents sent, ${r.allCores.threads} indexes built, ranges searched; ${r.allCores.method}; ${r.allCores.mismatches} answers differ from 1 core) | ${s3(r.allCores.s)} |`,
    `| (all cores, per run: this thread searching ${s3(r.allCores.localS)} s, workers ${r.allCores.workerS.map(s3).join(', ')} s; ${s3(r.allCores.keptS)} s again on the kept indexes; load average before ${r.allCores.loadBefore.map((v) => v.toFixed(2)).join(' ')}) | |`,
    ...r.reassign.map(
      (p) =>
        `| proposeReassignment at ${p.thresholdM / 1000} km (${p.moves} moves, ${p.belowMin} below-minimum places filled, ${p.unresolved} unresolved; ${p.pairsMeasured} distances measured, ${p.edges} in the final candidate graph, ${p.rounds} check rounds; households near an agent ${p.nearBefore.toFixed(1)} % → ${p.nearAfter.toFixed(1)} %; median of ${p.runs}, p95 ${s3(p.p95Ms / 1000)} s) | ${s3(p.ms / 1000)} |`,
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
      lines.push(
        `| scipy cKDTree, plane 2-D, workers=-1 (all ${availableParallelism()} cores; build + query) | ${s3(sc.plane_all_cores_s)} |`,
      );
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
    nearest_all_cores_s: r.allCores.s,
    threads: r.allCores.threads,
    load_average: loadavg().map((v) => Math.round(v * 100) / 100),
    peers: {
      scipy_ckdtree_s: peerSeconds(r.peers.scipy, 'plane_s'),
      scipy_ckdtree_all_cores_s: peerSeconds(r.peers.scipy, 'plane_all_cores_s'),
      geopandas_sjoin_nearest_s: peerSeconds(r.peers.geopandas, 'sjoin_nearest_s'),
      qgis_nearest_hub_s: peerSeconds(r.peers.qgis, 'algorithm_s'),
    },
    agreement: sphere ? sphere.agreement : null,
    max_rel_dist_err: sphere ? sphere.maxRelDistErr : null,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '45000,250000,1000000' },
      runs: { type: 'string', default: '5' },
      agents: { type: 'string', default: '7200' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      threads: { type: 'string', default: String(threadsFor(availableParallelism())) },
      'no-peers': { type: 'boolean', default: false },
      peers: { type: 'string', default: 'scipy,geopandas,qgis' },
      'qgis-max-households': { type: 'string', default: '1000000' },
      'qgis-timeout': { type: 'string', default: '1200' },
      thresholds: { type: 'string', default: '1000,2500,5000,10000' },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map((s) => Number(s.replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  const runs = Number(values.runs);
  const agents = Number(values.agents);
  const seed = Number(values.seed);
  const peers = new Set(values['no-peers'] ? [] : values.peers.split(','));
  const qgisMax = Number(values['qgis-max-households']);
  const qgisTimeout = Number(values['qgis-timeout']);
  const thresholds = values.thresholds
    .split(',')
    .map(Number)
    .filter((t) => Number.isFinite(t) && t >= 0);
  const threads = Math.max(1, Math.floor(Number(values.threads)) || 1);
  const gaz = loadGazetteerIndex();
  mkdirSync(BENCH, { recursive: true });
  console.log(
    `coverage engine benchmark — Node ${process.version}, sizes ${sizes.join(', ')}, ${agents} agents, seed ${seed}, median of ${runs} runs, ${threads} threads for the all-cores search (${availableParallelism()} cores), load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  const pool = nodeParallelNearest(threads);
  let last: SizeReport | null = null;
  try {
    for (const n of sizes) {
      last = await benchSize(pool, n, agents, seed, runs, peers, qgisMax, qgisTimeout, gaz, thresholds);
      printReport(last);
    }
  } finally {
    pool.terminate();
  }
  if (last) console.log(JSON.stringify(summary(last)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
