/**
 * The engine on the project's own synthetic demo data (scripts/generate-demo.ts), small size: its counts
 * must agree with what the generator says it made, and it must agree with brute force.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoInput, loadGazetteerIndex } from '../../../scripts/bench/coverage-input';
import { createFileWriter } from '../../../scripts/demo/output';
import { FAR_M, generateDemo } from '../../../scripts/generate-demo';
import {
  computeCoverage,
  DEFAULT_COVERAGE_OPTIONS,
  proposeReassignment,
  rankNewAgentSites,
} from '../../../src/core/coverage-engine/index';
import { bruteNearest } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'coverage-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coverage engine on generated demo data', () => {
  const summary = generateDemo({ households: 4000, agents: 700, seed: 7 }, createFileWriter(dir));
  const gaz = loadGazetteerIndex();
  const input = loadDemoInput(dir, gaz);
  const options = { ...DEFAULT_COVERAGE_OPTIONS, thresholdM: FAR_M };
  const r = computeCoverage(input, options);

  it('agrees with the generator on households without agent and far assignments', () => {
    expect(r.totals.households).toBe(summary.households);
    expect(r.totals.noAgent).toBe(summary.householdsWithoutAgent);
    expect(r.totals.missingCoordinates).toBe(0);
    expect(r.totals.unknownVillage).toBe(0);
    // The generator measures in its own plane (≤ 0.1 % off): allow a few borderline households.
    expect(Math.abs(r.totals.far - summary.farAssignments)).toBeLessThanOrEqual(
      Math.ceil(summary.assignments * 0.002),
    );
    expect(r.totals.activeAgents).toBe(summary.activeAgents);
    const villages = [...r.village.households].reduce((s, v) => s + v, 0);
    expect(villages).toBe(summary.households);
  });

  it('finds the same nearest agent as brute force on a sample', () => {
    for (let i = 0; i < input.households.lon.length; i += 7) {
      const want = bruteNearest(
        input.agents,
        input.households.lon[i] as number,
        input.households.lat[i] as number,
      );
      expect(r.household.nearestAgent[i]).toBe(want.agent);
    }
  });

  it('proposes reassignments that raise the near figure (not covered: nobody has visited yet) and ranks sites', () => {
    const p = proposeReassignment(input, r, options);
    expect(p.moves.length).toBeGreaterThan(0);
    expect(p.after.totals.near).toBe(r.totals.near + p.moves.length);
    expect(p.after.totals.covered).toBe(r.totals.covered);
    expect(p.moves.length + p.unresolved.length).toBe(r.totals.households - r.totals.near);
    for (let a = 0; a < input.agents.lon.length; a++) {
      expect(p.after.families[a]).toBeLessThanOrEqual(
        Math.max(options.maxFamilies, r.agent.families[a] as number),
      );
    }
    const sites = rankNewAgentSites(input, r, options, { lon: gaz.labelLon, lat: gaz.labelLat }, 5);
    expect(sites.length).toBeGreaterThan(0);
    expect(sites[0]?.reachable).toBeGreaterThan(0);
  });
});
