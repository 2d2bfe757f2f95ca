import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configWith, openDashboard, ROOT, waitReady } from './harness';

// On a slow network the dataset's files are most of the wait: they must download while DuckDB starts, not after.
// The DuckDB wasm is held back until every file the dataset needs has been requested (or HOLD_MS passed): a load
// that asks for its files only once the database runs never asks while the wasm is held, and fails here. Each
// kind of dataset the server can give is tried: the demo, a published household dataset and a published
// aggregate-only one.

/** Far longer than the app takes to choose its dataset and request its files once its code is in. */
const HOLD_MS = 15_000;
const DEMO = path.join(ROOT, 'data', 'demo');
const run = promisify(execFile);

/** Files every load from the server reads: the gazetteer, the land and the official boundary file (or its 404). */
const EVERY_LOAD = ['villages.csv', 'land-clip.geojson', 'boundaries/villages.geojson'];

/**
 * Which of `wanted` (ends of paths) were requested while `held` (the DuckDB wasm unless said) was held, when the
 * app is served with `files` (as ServeOptions' files); and how often each was requested by the time the page was
 * ready.
 */
async function requestsWhileHeld(
  wanted: readonly string[],
  files: Record<string, string> = {},
  held = '**/duckdb-eh*.wasm',
) {
  // A first visit that starts the database (not one drawn from the answers shipped with the demo).
  const dash = await openDashboard({
    boundaries: 'none',
    navigate: false,
    serviceWorkers: 'block',
    files,
    shippedAnswers: false,
  });
  try {
    const { page, context } = dash;
    const requested = new Set<string>();
    const times = new Map<string, number>();
    let allRequested: () => void = () => undefined;
    const whenAllRequested = new Promise<void>((resolve) => {
      allRequested = resolve;
    });
    context.on('request', (request) => {
      const { pathname } = new URL(request.url());
      // GET only: the first look asks whether there is an official boundary file with a HEAD request.
      const file = wanted.find((w) => pathname.endsWith(`/${w}`));
      if (file && request.method() === 'GET') {
        requested.add(file);
        times.set(file, (times.get(file) ?? 0) + 1);
      }
      if (wanted.every((w) => requested.has(w))) allRequested();
    });
    let whileHeld: string[] = [];
    await context.route(held, async (route: Route) => {
      await Promise.race([whenAllRequested, new Promise((r) => setTimeout(r, HOLD_MS))]);
      whileHeld = [...requested];
      await route.continue();
    });
    await page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    // Ready, not in error: the dataset loaded from the files looked for.
    await waitReady(page);
    return { whileHeld: whileHeld.sort(), times: Object.fromEntries(times) };
  } finally {
    await dash.close();
  }
}

describe('the dataset downloads while the database starts', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gancang-load-order-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the demo: the gazetteer, the boundary files and every table', async () => {
    const manifest = JSON.parse(await readFile(path.join(DEMO, 'manifest.json'), 'utf8')) as {
      columnar: Record<string, string>;
    };
    const wanted = [...EVERY_LOAD, ...Object.values(manifest.columnar)];
    expect(wanted.length).toBe(6);
    expect((await requestsWhileHeld(wanted)).whileHeld).toEqual([...wanted].sort());
  });

  it('a published household dataset: the gazetteer, the boundary files and its three files', async () => {
    const config = await configWith(dir, {
      name: 'Data bersama (uji)',
      date: '2026-10-31',
      households: 'bersama/keluarga.csv',
      agents: 'bersama/agen.csv',
      cases: 'bersama/kasus.csv',
    });
    const wanted = [...EVERY_LOAD, 'keluarga.csv', 'agen.csv', 'kasus.csv'];
    const { whileHeld: held } = await requestsWhileHeld(wanted, {
      '/config.json': config,
      '/bersama/keluarga.csv': path.join(DEMO, 'households.csv'),
      '/bersama/agen.csv': path.join(DEMO, 'agents.csv'),
      '/bersama/kasus.csv': path.join(DEMO, 'cases.csv'),
    });
    expect(held).toEqual([...wanted].sort());
  });

  it('a published aggregate dataset: the boundary files, its manifest and both figure files', async () => {
    const out = path.join(dir, 'publik');
    const publish = [
      'tsx',
      'scripts/publish-aggregates.ts',
      '--in',
      DEMO,
      '--out',
      out,
      '--name',
      'Angka desa (uji)',
    ];
    await run('npx', [...publish, '--date', '2026-10-31', '--synthetic'], { cwd: ROOT });
    const config = await configWith(dir, { aggregates: 'publik/aggregates.json' });
    const published = ['aggregates.json', 'village-figures.csv', 'village-months.csv'];
    const wanted = [...EVERY_LOAD, ...published];
    const files: Record<string, string> = { '/config.json': config };
    for (const name of published) files[`/publik/${name}`] = path.join(out, name);
    expect((await requestsWhileHeld(wanted, files)).whileHeld).toEqual([...wanted].sort());
  }, 120_000);
});

// On a slow link the page's boot asks for the data beside the database, before the app's code (megabytes, held
// behind the first look) arrives; the load takes those requests instead of asking again. The app's code is held
// here until the data files were requested (or HOLD_MS passed).
describe('the server’s data is asked for before the app’s code arrives', () => {
  it('the demo: the settings, its manifest, the boundary files and every table, each asked once', async () => {
    const manifest = JSON.parse(await readFile(path.join(DEMO, 'manifest.json'), 'utf8')) as {
      columnar: Record<string, string>;
    };
    // The first look reads the settings, the demo's manifest (which demo, which first look) and the official
    // boundary file (here none: its villages' shapes) too: the load takes the same reads.
    const wanted = [
      'config.json',
      'demo/manifest.json',
      'boundaries/villages.geojson',
      'villages.csv',
      'land-clip.geojson',
      ...Object.values(manifest.columnar),
    ];
    const { whileHeld, times } = await requestsWhileHeld(wanted, {}, '**/assets/App-*.js');
    expect(whileHeld).toEqual([...wanted].sort());
    expect(times).toEqual(Object.fromEntries(wanted.map((w) => [w, 1])));
  });
});

/**
 * The page's database statements (asked when, ended when, their first words), when the data was loaded and
 * when the engine had taken its arrays — once the page is ready and, with `waitFor`, once those statements
 * (their first words) were asked and the engine fed.
 */
async function statementsOf(query: string, waitFor: readonly string[] = []) {
  const dash = await openDashboard({ query });
  try {
    await waitReady(dash.page);
    if (waitFor.length > 0)
      await dash.page.waitForFunction(
        (own) => {
          const asked = performance
            .getEntriesByName('gancang:sql')
            .map((m) => String((m as PerformanceMeasure).detail));
          const fed = performance.getEntriesByName('gancang:coverage-fed').length > 0;
          return fed && own.every((o) => asked.some((sql) => sql.startsWith(o)));
        },
        waitFor,
        { timeout: 60_000 },
      );
    return await dash.page.evaluate(() => {
      const fed = performance.getEntriesByName('gancang:coverage-fed')[0];
      return {
        loaded: performance.getEntriesByName('gancang:data-loaded')[0]?.startTime ?? Number.NaN,
        fedEnd: fed ? fed.startTime + fed.duration : Number.NaN,
        statements: performance.getEntriesByName('gancang:sql').map((m) => ({
          at: m.startTime,
          end: m.startTime + m.duration,
          sql: String((m as PerformanceMeasure).detail),
        })),
      };
    });
  } finally {
    await dash.close();
  }
}

describe('the planner’s first table is asked once the data is in', () => {
  const PLANNER_VILLAGES = 'CREATE OR REPLACE TABLE planner_villages';

  it('opening on Perencanaan: by the loader, before the sections are drawn up (not after)', async () => {
    const { loaded, statements } = await statementsOf('section=planner');
    const first = statements.find((s) => s.sql.startsWith(PLANNER_VILLAGES));
    expect(first, 'the planner’s village table was made').toBeDefined();
    // The load is marked done after the loader asked it; the sections are drawn up only after the mark. The
    // client posts it once it has named the database's state (remembered-answers.ts), a moment later: nothing
    // else is posted before it after the mark.
    const at = first?.at ?? Number.NaN;
    expect(statements.filter((s) => s.at > loaded && s.at < at).map((s) => s.sql)).toEqual([]);
  });

  it('the map’s statement, asked before the figures beside it, runs before them (a prepared one too)', async () => {
    const { statements } = await statementsOf('section=planner');
    // The village figures of the map (a prepared statement: prepared, then run) and the regency summary.
    const map = statements.find((s) => s.sql.startsWith('WITH a AS (SELECT vid'));
    const summary = statements.find((s) => s.sql.startsWith('WITH hh AS ( SELECT coalesce(sum(n), 0)'));
    expect(map, 'the map’s statement ran').toBeDefined();
    expect(summary, 'the summary ran').toBeDefined();
    expect(map?.at).toBeLessThanOrEqual(summary?.at ?? Number.NaN);
  });

  it('opening on Pengawasan: not asked (it would queue before the section’s own statements)', async () => {
    const { statements } = await statementsOf('section=supervisor');
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((s) => s.sql.startsWith('CREATE OR REPLACE TABLE planner_'))).toEqual([]);
  });
});

describe('Pengawasan’s own statements run while its engine takes the arrays', () => {
  /** The last statement that reads the engine's arrays (coverage-input.ts), and the section's own two. */
  const LAST_ARRAY = 'WITH agent_order AS';
  const OWN = {
    'agents’ types and offices': 'SELECT agent_type, employer FROM agents',
    'need rates': 'WITH hh AS ( SELECT h.village_code, CASE WHEN',
  };

  // Opened from a link (the section asks), and prepared after the planner's map (prepareSections asks).
  for (const [how, query] of [
    ['opened on Pengawasan', 'section=supervisor'],
    ['prepared ahead on Perencanaan', 'section=planner'],
  ] as const) {
    it(`${how}: after the arrays are read, before the engine has taken them`, async () => {
      const { fedEnd, statements } = await statementsOf(query, Object.values(OWN));
      const arrays = statements.find((s) => s.sql.startsWith(LAST_ARRAY));
      expect(arrays, 'the engine’s arrays were read').toBeDefined();
      expect(fedEnd).toBeGreaterThan(0);
      for (const [what, start] of Object.entries(OWN)) {
        const own = statements.find((s) => s.sql.startsWith(start));
        expect(own, what).toBeDefined();
        // Not before the arrays (they would wait behind it), nor only once the engine is fed (the database idle).
        expect(own?.at, what).toBeGreaterThanOrEqual(arrays?.end ?? Number.NaN);
        expect(own?.at, what).toBeLessThan(fedEnd);
      }
    });
  }
});
