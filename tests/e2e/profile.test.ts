import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profile } from '../../scripts/profile';

/** The start (ms) of the first line of the app's timeline that names `what`. */
const startOf = (lines: readonly string[], what: string): number => {
  const line = lines.find((l) => l.includes(what));
  if (!line) throw new Error(`no line with ${what}`);
  return Number(line.trim().split(/\s+/)[0]?.replace(/,/g, ''));
};

describe('npm run profile', () => {
  it('lays out a cold start: the database ready, then its statements and the data loaded; the threads and costs', async () => {
    // A first visit that asks the database (not drawn from the answers shipped with the demo).
    const lines = await profile({ scenario: 'cold', sliceMs: 250, shippedAnswers: false });
    expect(lines[0]).toMatch(/^open \(cold\) → ready: [\d,]+ ms/);
    const ready = startOf(lines, 'gancang:duckdb-ready');
    const cube = startOf(lines, 'gancang:sql CREATE OR REPLACE TABLE planner_cube');
    const loaded = startOf(lines, 'gancang:data-loaded');
    expect(ready).toBeLessThan(loaded);
    // The planner's cube is asked with the load's last statements, at or just before its mark (prepared.ts).
    expect(ready).toBeLessThan(cube);
    // The timeline is in the order things started.
    const starts = lines
      .filter((l) => /^\s+[\d,]+\s+([\d,]+\s+)?gancang:/.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[0]?.replace(/,/g, '')));
    expect(starts.length).toBeGreaterThan(5);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(lines.some((l) => /^CrRendererMain\s+[\d,]+\s/.test(l))).toBe(true);
    expect(lines.some((l) => /GPU read-backs .*: \d+, [\d,]+ ms/.test(l))).toBe(true);
  });

  it('lays out a switch to Pengawasan: the engine fed and the map drawn; --trace keeps the trace; --frames lists the frames', async () => {
    const trace = path.join(mkdtempSync(path.join(tmpdir(), 'profile-')), 'switch.json');
    const lines = await profile({ scenario: 'switch', sliceMs: 250, trace, frames: true });
    expect(lines[0]).toMatch(/^Perencanaan → Pengawasan: [\d,]+ ms/);
    expect(lines.some((l) => l.includes('gancang:coverage-drawn'))).toBe(true);
    expect(lines.some((l) => l.includes('Long tasks of the page'))).toBe(true);
    // Chrome's JSON trace format, with the app's own marks in it.
    const { traceEvents } = JSON.parse(readFileSync(trace, 'utf8')) as { traceEvents: { name: string }[] };
    expect(traceEvents.some((e) => e.name === 'gancang:coverage-drawn')).toBe(true);
    // The map's frames since the click: the last one before the end shows the map loaded, with deck.gl's places
    // and its layers.
    const frames = lines.slice(lines.findIndex((l) => l.startsWith("\nThe map's frames")) + 2);
    const rows = frames.filter((l) => /^\s+[\d,]+\s+(yes|no)\s/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)).toMatch(/^\s+[\d,]+\s+yes\s+yes\s+yes\s+(no|\?)$/);
  });

  it('lays out the use of a checked import: the imported tables written, then the data loaded', async () => {
    const lines = await profile({ scenario: 'use', sliceMs: 250 });
    expect(lines[0]).toMatch(/^Gunakan data ini \(the demo's files, checked\) → ready: [\d,]+ ms/);
    const households = startOf(lines, 'gancang:sql insert households');
    const loaded = startOf(lines, 'gancang:data-loaded');
    expect(households).toBeLessThan(loaded);
  });
});
