/**
 * npm run data:answers refuses, before opening any browser, what it cannot make answers for, naming the entry or
 * the file (exit 2), and never writes anything then. Making them is covered end to end by
 * tests/e2e/published-answers.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/dataset-answers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gp-answers-'));
const data = join(dir, 'bersama');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command with config.json holding `dataset`; its code and printed lines. */
async function run(dataset: unknown, extra: string[] = []): Promise<{ code: number; out: string }> {
  const config = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(config, JSON.stringify({ boundariesUrl: null, basemap: null, dataset }));
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')));
  try {
    return { code: await main(['--data', data, '--config', config, ...extra]), out: lines.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

const HOUSEHOLDS = { name: 'P3KE', date: '2026-10-31', households: 'bersama/households.arrow' };

describe('npm run data:answers: what it refuses', () => {
  it.each([
    ['no dataset entry (the demo)', null, /households/],
    ['an aggregate dataset', { aggregates: 'publik/aggregates.json' }, /households/],
    ['agents only', { name: 'x', date: '2026-10-31', agents: 'bersama/agents.arrow' }, /households/],
    ['an absolute address', { ...HOUSEHOLDS, households: '/gancang/bersama/households.arrow' }, /relatif/],
    ['a file not in the folder', { ...HOUSEHOLDS, agents: 'bersama/agen.csv' }, /tidak ada di folder data/],
    [
      'answers outside the households folder',
      { ...HOUSEHOLDS, answers: 'publik/answers.bin' },
      /dataset\.answers/,
    ],
    ['a wrong date', { ...HOUSEHOLDS, date: '31-10-2026' }, /dataset\.date/],
  ])('%s: exit 2, says why, writes nothing', async (_what, dataset, said) => {
    // The data folder holds the households file only.
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'households.arrow'), 'not read before the checks pass');
    const { code, out } = await run(dataset);
    expect(code).toBe(2);
    expect(out).toMatch(said);
    expect(readdirSync(data)).toEqual(['households.arrow']);
  });

  it('says it in English when asked, and names the usage for a missing --data', async () => {
    const { code, out } = await run({ ...HOUSEHOLDS, agents: 'bersama/agen.csv' }, ['--lang', 'en']);
    expect(code).toBe(2);
    expect(out).toContain('file not in the data folder');
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await main([])).toBe(2);
      expect(err.mock.calls.join('\n')).toMatch(/--data is required[\s\S]*usage: npm run data:answers/);
    } finally {
      err.mockRestore();
    }
  });
});
