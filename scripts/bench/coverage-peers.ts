/** The peer programs the benchmark compares with (scipy, geopandas, QGIS) and how far their answers agree. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CoverageInput, haversineM } from '../../src/core/coverage-engine/index.ts';
import { ROOT } from './coverage-input.ts';

/** Debian's python3 (with python3-scipy, -geopandas, -qgis), or the one named by PEER_PYTHON. */
const PYTHON = process.env.PEER_PYTHON || '/usr/bin/python3';

export interface PeerResult {
  [key: string]: unknown;
  skipped?: string;
}

export function runPeer(script: string, args: string[], timeoutS: number): PeerResult {
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

export function pythonHas(modules: string): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', `import ${modules}`], { encoding: 'utf8' });
  return r.status === 0
    ? null
    : `${modules} not importable by ${PYTHON}: ${(r.stderr ?? '').trim().split('\n').pop()}`;
}

export interface Agreement {
  agreement: number;
  sameAgent: number;
  ties: number;
  compared: number;
  maxRelDistErr: number;
}

export function agreementWith(
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
