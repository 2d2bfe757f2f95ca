import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  afterDatasetLoad,
  type Dashboard,
  openDashboard,
  openLink,
  readGazetteer,
  screenshot,
  waitMapIdle,
  waitReady,
} from './harness';

/** Agents at a village's label point, each with households a few tens of metres away: every one is covered. */
async function writeDataset(dir: string): Promise<{ agents: string; households: string; rows: number }> {
  const villages = (await readGazetteer()).slice(5, 17);
  const agentRows = ['id_agen,jenis_pegawai,kode_desa_domisili,lon,lat'];
  const householdRows = ['id_keluarga_p3ke,kode_kemendagri,lon,lat,id_agen'];
  villages.forEach((v, i) => {
    const agent = `AIP${i}`;
    agentRows.push(`${agent},asn,${v.village_code},${v.label_lon},${v.label_lat}`);
    for (let k = 0; k < 11; k++) {
      const lon = (v.label_lon + (k - 5) * 0.0002).toFixed(6);
      householdRows.push(`KIP${i}-${k},${v.village_code},${lon},${v.label_lat.toFixed(6)},${agent}`);
    }
  });
  const agents = path.join(dir, 'agen.csv');
  const households = path.join(dir, 'keluarga.csv');
  await writeFile(agents, `${agentRows.join('\n')}\n`);
  await writeFile(households, `${householdRows.join('\n')}\n`);
  return { agents, households, rows: householdRows.length - 1 };
}

const digits = async (page: Page, id: string) =>
  Number(((await page.getByTestId(id).textContent()) ?? '').replace(/\D/g, ''));
const coverage = async (page: Page) => (await page.getByTestId('supervisor-coverage').textContent()) ?? '';

/** Opens a section from the address (as a link would) and waits until it has drawn. */
async function open(page: Page, section: 'planner' | 'supervisor'): Promise<void> {
  await openLink(page, `?section=${section}`);
  await waitReady(page);
  await waitMapIdle(page);
}

/** Datasets loaded by the page so far (each load marks the moment its data is in). */
const loads = (page: Page) => page.evaluate(() => performance.getEntriesByName('gancang:data-loaded').length);

/** How many tables the last load took as the import dialog's check built them (not checked again). */
const handedTables = (page: Page) =>
  page.evaluate(() => {
    const marks = performance.getEntriesByName('gancang:data-loaded');
    return (marks.at(-1) as PerformanceMark | undefined)?.detail?.checkedTables as number | undefined;
  });

/** Marks on the page and on the live map object that a page reload or a rebuilt map would not carry. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __samePage?: boolean }).__samePage = true;
    (window.__gancang?.map as unknown as { __kept?: boolean }).__kept = true;
  });
const marks = (page: Page) =>
  page.evaluate(() => ({
    samePage: (window as unknown as { __samePage?: boolean }).__samePage === true,
    keptMap: (window.__gancang?.map as unknown as { __kept?: boolean } | undefined)?.__kept === true,
  }));

// Importing, switching datasets and erasing load the new data in the running page: no reload, the same map,
// every figure from the new data (nothing cached from the dataset before), and the old dataset's workers end.
describe('another dataset in the running page', () => {
  let dash: Dashboard;
  let page: Page;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none' });
    page = dash.page;
    page.on('dialog', (dialog) => void dialog.accept());
    await waitReady(page);
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('import, switch back and erase: in place, with figures from the data now loaded', async () => {
    const dataset = await writeDataset(await mkdtemp(path.join(tmpdir(), 'gancang-in-place-')));
    await open(page, 'planner');
    const demoHouseholds = await digits(page, 'figure-households');
    await open(page, 'supervisor');
    const demoCoverage = await coverage(page);
    // Counted once the dataset's database runs (a first visit drawn from answers starts it behind the map).
    await page.waitForFunction(() => performance.getEntriesByName('gancang:duckdb-ready').length > 0);
    const workers = page.workers().length;
    await mark(page);
    expect(await loads(page)).toBe(1);

    await open(page, 'planner');
    await page.getByTestId('import-open').click();
    await page.getByTestId('file-agents').setInputFiles(dataset.agents);
    await page.getByTestId('file-households').setInputFiles(dataset.households);
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-households').waitFor({ timeout: 60_000 });
    await page.getByTestId('dataset-name-input').fill('Uji di tempat');
    await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
    expect(await marks(page)).toEqual({ samePage: true, keptMap: true });
    expect(await page.getByTestId('dataset-name').textContent()).toContain('Uji di tempat');
    expect(await digits(page, 'figure-households')).toBe(dataset.rows);
    // Right after its check, the import's agents and households load as the check built them.
    expect(await handedTables(page)).toBe(2);
    await open(page, 'supervisor');
    // Every imported household lives within a few hundred metres of its agent (the file has no visit dates).
    expect(await page.getByTestId('supervisor-near').textContent()).toContain('100,0 %');
    expect(await coverage(page)).not.toBe(demoCoverage);
    await screenshot(page, 'in-place-imported-supervisor');

    expect(await loads(page)).toBe(2);

    // Back to the demo: it was kept loaded, so it is shown again without loading anything.
    await afterDatasetLoad(page, () => page.getByTestId('dataset-switcher').selectOption('server'));
    await waitMapIdle(page);
    expect(await coverage(page)).toBe(demoCoverage);
    await open(page, 'planner');
    expect(await digits(page, 'figure-households')).toBe(demoHouseholds);
    expect(await loads(page)).toBe(2);

    // The import again (loaded anew), then "Hapus semua data lokal": the kept demo, at once.
    await afterDatasetLoad(page, () => page.getByTestId('dataset-switcher').selectOption('imported'));
    expect(await digits(page, 'figure-households')).toBe(dataset.rows);
    expect(await loads(page)).toBe(3);
    // From storage, the kept files are checked again.
    expect(await handedTables(page)).toBe(0);
    await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
    expect(await marks(page)).toEqual({ samePage: true, keptMap: true });
    expect(await page.getByTestId('dataset-switcher').count()).toBe(0);
    expect(await digits(page, 'figure-households')).toBe(demoHouseholds);
    expect(await loads(page)).toBe(3);
    await open(page, 'supervisor');
    expect(await coverage(page)).toBe(demoCoverage);
    // The datasets before ended their workers (the coverage engine's): no more than on the first visit.
    expect(page.workers().length).toBeLessThanOrEqual(workers);
    await screenshot(page, 'in-place-erased-supervisor');
    // Erasing while the demo is on screen loads nothing: the section stays as it is.
    await page.evaluate(() => {
      document.querySelector('[data-testid="supervisor-coverage"]')?.setAttribute('data-seen', 'yes');
    });
    await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
    expect(await loads(page)).toBe(3);
    expect(await page.getByTestId('supervisor-coverage').getAttribute('data-seen')).toBe('yes');
    expect(dash.pageErrors).toEqual([]);
  });
});
