/**
 * Arrow files (as `npm run data:convert` writes them, and as the demo's columnar copies are) through the import
 * dialog: checked in the worker like any other format, used, and kept in this browser across a reload.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterDatasetLoad, type Dashboard, openDashboard, ROOT, screenshot, waitReady } from './harness';

const DEMO = path.join(ROOT, 'data', 'demo');

describe('an Arrow file through the import dialog', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none' });
    await waitReady(dash.page);
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('is checked like any file, used, and still there after a reload', async () => {
    const { page } = dash;
    await page.getByTestId('import-open').click();
    expect(await page.getByTestId('formats-households').textContent()).toContain('Arrow');
    await page.getByTestId('file-agents').setInputFiles(path.join(DEMO, 'agents.arrow'));
    await page.getByTestId('file-households').setInputFiles(path.join(DEMO, 'households.arrow'));
    await page.getByTestId('import-check').click();
    const report = page.getByTestId('report-households');
    await report.waitFor({ timeout: 120_000 });
    expect(await report.getByTestId('report-summary').textContent()).toMatch(
      /45\.306 dari 45\.306 baris valid · 0 ditolak/,
    );
    await screenshot(page, 'import-arrow-01-report');
    await page.getByTestId('dataset-name-input').fill('Kolumnar');
    await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
    const households = async () =>
      (await page.getByTestId('figure-households').textContent())?.replace(/\D/g, '');
    expect(await page.getByTestId('dataset-name').textContent()).toContain('Kolumnar');
    expect(await households()).toBe('45306');
    // Stored in this browser as the file it was, and checked again on the next load.
    await afterDatasetLoad(page, () => page.reload());
    expect(await page.getByTestId('dataset-name').textContent()).toContain('Kolumnar');
    expect(await households()).toBe('45306');
    expect(dash.pageErrors).toEqual([]);
  }, 300_000);

  it('a damaged one cannot be read, and the next check of any file still works', async () => {
    const { page } = dash;
    const whole = await readFile(path.join(DEMO, 'agents.arrow'));
    const dir = await mkdtemp(path.join(tmpdir(), 'gancang-arrow-'));
    const cut = path.join(dir, 'agen-terpotong.arrow');
    await writeFile(cut, whole.subarray(0, whole.length >> 1));
    await page.getByTestId('import-open').click();
    await page.getByTestId('file-agents').setInputFiles(cut);
    await page.getByTestId('import-check').click();
    const report = page.getByTestId('report-agents');
    await report.waitFor({ timeout: 120_000 });
    expect(await report.textContent()).toContain('Berkas tidak dapat dibaca');
    await screenshot(page, 'import-arrow-02-damaged');
    // The same dialog, another check: the CSV's rows are staged through the same database as the damaged file.
    await page.getByTestId('file-agents').setInputFiles(path.join(DEMO, 'agents.csv'));
    await page.getByTestId('import-check').click();
    await expect
      .poll(async () => (await page.getByTestId('report-agents').textContent()) ?? '', { timeout: 120_000 })
      .toMatch(/7\.200 dari 7\.200 baris valid/);
    await page.getByTestId('import-close').click();
    expect(dash.pageErrors).toEqual([]);
  }, 300_000);
});
