/**
 * The gazetteer's columnar copy (src/core/dataset/gazetteer-copy.ts): the built app inserts it instead of
 * reading villages.csv, and a villages.csv edited on the server after the build is read and checked as a CSV —
 * the copy made from the old one is never used.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, openDashboard, screenshot, waitReady } from './harness';

/** The first words of each database statement of the load, in order (the dashboard's `gancang:sql` measures). */
const statements = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    performance.getEntriesByName('gancang:sql').map((e) => String((e as PerformanceMeasure).detail)),
  );

const villageOption = (page: import('playwright-core').Page, name: string) =>
  page.getByTestId('filter-village').locator('option', { hasText: new RegExp(`^${name}$`) });

describe('the gazetteer copy', () => {
  it('is inserted as it is by the built app: no CSV reader, no gazetteer checks', async () => {
    const dash = await openDashboard({ boundaries: 'none' });
    try {
      await waitReady(dash.page);
      // A first visit drawn from the answers shipped with the demo starts the database once it is drawn.
      await expect.poll(() => statements(dash.page), { timeout: 60_000 }).toContain('insert villages_arrow');
      const sql = await statements(dash.page);
      expect(sql.filter((s) => s.includes('villages_csv_text'))).toEqual([]);
      expect(await villageOption(dash.page, 'Batu Ampar').count()).toBe(1);
    } finally {
      await dash.close();
    }
  });

  it('is not used once villages.csv is edited on the server: the edited CSV is read and checked', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gancang-gazetteer-'));
    const edited = path.join(dir, 'villages.csv');
    const text = await readFile(path.join(DIST, 'villages.csv'), 'utf8');
    await writeFile(edited, text.replace(',Batu Ampar,', ',Batu Ampar Baru,'));
    const dash = await openDashboard({ boundaries: 'none', files: { '/villages.csv': edited } });
    try {
      await waitReady(dash.page);
      const sql = await statements(dash.page);
      expect(sql).not.toContain('insert villages_arrow');
      expect(sql.some((s) => s.includes('villages_csv_text'))).toBe(true);
      expect(await villageOption(dash.page, 'Batu Ampar Baru').count()).toBe(1);
      expect(await villageOption(dash.page, 'Batu Ampar').count()).toBe(0);
      await screenshot(dash.page, 'gazetteer-edited-csv');
    } finally {
      await dash.close();
    }
  });
});
