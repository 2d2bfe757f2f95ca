import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as makeAnswers } from '../../scripts/dataset-answers';
import { configWith, type Dashboard, DIST, openDashboard, screenshot } from './harness';
import { demoAsOfficeDataset, OFFICE_DATASET_NAME } from './office-dataset';
import { expectDrawnBeforeDatabase, firstVisit, loadAnswers, wholePlanner } from './planner-helpers';

/**
 * The office's published dataset (config.json's `dataset`) drawn on a first visit from the answers
 * `npm run data:answers` made beside its files: its load, its checks and the planner's first map ask the database
 * nothing, DuckDB starts once the page is drawn, and the page shows exactly what a first visit asking the
 * database shows. Answers made from other files are never used: the page shows the files' own figures. Answers
 * outside the households file's folder are refused with a message.
 */

const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

/** The check report of every table, as the user opens it from the header. */
async function reportsText(page: Page): Promise<string> {
  await page.getByTestId('reports-open').click();
  const dialog = page.getByTestId('reports-dialog');
  await dialog.waitFor();
  const shown = (await dialog.textContent()) ?? '';
  await page.getByTestId('reports-close').click();
  return shown;
}

describe("the office's dataset drawn on a first visit from answers made beside it", () => {
  let dir: string;
  let bersama: string;
  let printed: string;
  const opened: Dashboard[] = [];

  /** config.json naming the dataset's files under bersama/ (`households` may be another file), and `answers`. */
  let entry: Record<string, string>;
  const config = (households = 'bersama/households.arrow', answers?: string) =>
    configWith(dir, { ...entry, households, ...(answers ? { answers } : {}) });

  const served = () =>
    Object.fromEntries(
      ['households.arrow', 'households.csv', 'agents.arrow', 'cases.arrow', 'answers.bin'].map((f) => [
        `/bersama/${f}`,
        path.join(bersama, f),
      ]),
    );

  const visit = (configFile: string) =>
    firstVisit({ serviceWorkers: 'block', files: { ...served(), '/config.json': configFile } }, opened);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gancang-answers-'));
    // The demo's tables as the office publishes its own: Arrow files, checked like an import on every load.
    ({ bersama, entry } = await demoAsOfficeDataset(dir));
    // Other households, in the same folder: the demo's but the last 2,000.
    const csv = (await readFile(path.join(DIST, 'demo', 'households.csv'), 'utf8')).trimEnd().split('\n');
    await writeFile(path.join(bersama, 'households.csv'), `${csv.slice(0, -2000).join('\n')}\n`);

    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      expect(await makeAnswers(['--data', bersama, '--config', await config(), '--dist', DIST])).toBe(0);
    } finally {
      log.mockRestore();
    }
    printed = lines.join('\n');
  }, 300_000);

  afterAll(async () => {
    for (const dash of opened) await dash.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('`npm run data:answers` writes them beside the households file and prints the entry for config.json', async () => {
    expect(printed).toMatch(/jawaban: \d+, [\d.]+ MB → .*answers\.bin/);
    expect(printed).toContain('"answers": "bersama/answers.bin"');
    expect((await readFile(path.join(bersama, 'answers.bin'))).subarray(0, 4).toString()).toBe('GPA1');
  });

  it('shows what a first visit asking the database shows, without asking it anything before the map', async () => {
    const asking = await visit(await config());
    expect(await loadAnswers(asking.page)).toMatchObject({ remembered: 0 });
    const expected = await wholePlanner(asking.page);

    const drawn = await visit(await config('bersama/households.arrow', 'bersama/answers.bin'));
    const { page } = drawn;
    expect(drawn.server.requests).toContain('/bersama/answers.bin');
    // The whole load (the files' checks included), the boundaries and the planner's first map: from the answers;
    // DuckDB was started behind the drawn page.
    await expectDrawnBeforeDatabase(page);
    // The office's dataset, named as such, with the same figures, map legend, table and check reports.
    const label = await text(page, 'dataset-name');
    expect(label).toContain(OFFICE_DATASET_NAME);
    expect(label).not.toContain('sintetis');
    expect(await wholePlanner(page)).toEqual(expected);
    expect(await reportsText(page)).toBe(await reportsText(asking.page));
    await screenshot(page, 'published-answers-planner');
    expect([...asking.pageErrors, ...drawn.pageErrors]).toEqual([]);
  }, 600_000);

  it('never uses answers made from other files: the page shows the files it loads', async () => {
    const made = await visit(await config());
    const madeFor = await wholePlanner(made.page);
    const asking = await visit(await config('bersama/households.csv'));
    const expected = await wholePlanner(asking.page);
    // The test tells the two apart: other households, other figures.
    expect(expected).not.toEqual(madeFor);

    const stale = await visit(await config('bersama/households.csv', 'bersama/answers.bin'));
    expect(stale.server.requests).toContain('/bersama/answers.bin');
    // What the other households change is asked of the database.
    expect((await loadAnswers(stale.page))?.asked).toBeGreaterThan(0);
    expect(await wholePlanner(stale.page)).toEqual(expected);
    expect(stale.pageErrors).toEqual([]);
  }, 600_000);

  it("refuses answers outside the households file's folder, saying so, and downloads nothing of them", async () => {
    const dash = await openDashboard({
      serviceWorkers: 'block',
      files: { ...served(), '/config.json': await config('bersama/households.arrow', 'publik/answers.bin') },
    });
    opened.push(dash);
    await dash.page.getByTestId('error-what').waitFor({ timeout: 60_000 });
    expect(await text(dash.page, 'error-what')).toContain('folder yang sama dengan berkas keluarga');
    expect(dash.server.requests.filter((p) => p.endsWith('answers.bin'))).toEqual([]);
    await screenshot(dash.page, 'published-answers-refused');
  }, 300_000);
});
