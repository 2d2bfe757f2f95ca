/**
 * npm run check:deploy asks the household files config.json names (the dataset's tables and the answers made
 * ahead beside them) without a login, as anyone on the network could: served is a failure, 401/403 is fine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHouseholdFiles } from '../../scripts/check-deploy.ts';

/** What each path answers: a status code (files under terlindung/ ask for a login). */
const STATUS: Record<string, number> = {
  '/gancang/terlindung/keluarga.arrow': 401,
  '/gancang/terlindung/answers.bin': 401,
  '/gancang/terlindung/agen.arrow': 403,
  '/gancang/terbuka/keluarga.arrow': 200,
  '/gancang/terbuka/answers.bin': 200,
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.statusCode = STATUS[req.url ?? ''] ?? 404;
    res.end(res.statusCode === 200 ? 'rows of households' : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gancang/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (dataset: unknown) => JSON.stringify({ basemap: null, dataset });
const levels = (checks: { level: string; detail: string }[]) =>
  checks.map((c) => [c.level, c.detail.split(' ')[0]]);

describe('check:deploy: household files behind a login', () => {
  it('passes files that ask for a login, answers included', async () => {
    const checks = await checkHouseholdFiles(
      config({
        name: 'P3KE',
        date: '2026-10-31',
        households: 'terlindung/keluarga.arrow',
        agents: 'terlindung/agen.arrow',
        answers: 'terlindung/answers.bin',
      }),
      base,
    );
    expect(checks.map((c) => c.level)).toEqual(['ok', 'ok', 'ok']);
  });

  it('fails each file served to anyone, and a file that is missing', async () => {
    const checks = await checkHouseholdFiles(
      config({
        name: 'P3KE',
        date: '2026-10-31',
        households: 'terbuka/keluarga.arrow',
        cases: 'terbuka/kasus.arrow',
        answers: 'terbuka/answers.bin',
      }),
      base,
    );
    expect(levels(checks)).toEqual([
      ['fail', `${base}terbuka/keluarga.arrow`],
      ['fail', 'HTTP'],
      ['fail', `${base}terbuka/answers.bin`],
    ]);
    expect(checks[0]?.detail).toContain('without a login');
  });

  it('checks nothing for the demo or a public aggregate dataset, and fails a config.json the app refuses', async () => {
    expect(await checkHouseholdFiles(config(null), base)).toEqual([]);
    expect(await checkHouseholdFiles(config({ aggregates: 'publik/aggregates.json' }), base)).toEqual([]);
    const refused = await checkHouseholdFiles(
      config({
        name: 'P3KE',
        date: '2026-10-31',
        households: 'terlindung/keluarga.arrow',
        answers: 'publik/a.bin',
      }),
      base,
    );
    expect(levels(refused)).toEqual([['fail', 'config.json:']]);
    expect(levels(await checkHouseholdFiles('{ not json', base))).toEqual([['fail', 'not']]);
  });
});
