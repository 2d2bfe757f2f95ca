/**
 * The built dashboard with the official village boundaries served at /boundaries/villages.geojson.
 * The file is not in the repository (licence and size); the test runs when ../shared/data has it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkVillageTooltip,
  type Dashboard,
  distinctVillageCodes,
  type GazetteerVillage,
  openDashboard,
  openLink,
  readGazetteer,
  screenshot,
  waitMapIdle,
  waitReady,
} from './harness';

const BOUNDARY_FILE = path.resolve(process.cwd(), '../shared/data/bengkulu-selatan-villages.geojson');
const HAVE_FILE = existsSync(BOUNDARY_FILE);
const VILLAGE_COUNT = 158;

if (!HAVE_FILE) {
  console.info(`real-boundaries e2e skipped: ${BOUNDARY_FILE} not found (official boundary file absent)`);
}

describe.skipIf(!HAVE_FILE)('dashboard with official village boundaries', () => {
  let dash: Dashboard;
  let gazetteer: GazetteerVillage[];

  beforeAll(async () => {
    gazetteer = await readGazetteer();
    dash = await openDashboard({ boundaries: BOUNDARY_FILE });
  });

  // Each test starts on the planner's overview map, drawn afresh (not moved or hovered by an earlier test).
  beforeEach(() => openLink(dash.page, '?section=planner'));

  afterAll(async () => {
    if (!dash) return;
    if (dash.consoleErrors.length > 0) console.info(`console errors:\n  ${dash.consoleErrors.join('\n  ')}`);
    await dash.close();
  });

  it('reaches ready and names the official boundaries (in words) instead of the approximate notice', async () => {
    await waitReady(dash.page);
    await waitMapIdle(dash.page);
    await screenshot(dash.page, 'real-boundaries-01-overview');
    const source = dash.page.getByTestId('boundary-source');
    await source.waitFor({ state: 'visible' });
    // Named in words, never by the server's file path.
    expect(await source.textContent()).toMatch(
      /^batas desa resmi, dipasang pengelola dasbor( · \d+ masalah pada berkas batas)?$/,
    );
    expect(await dash.page.getByTestId('boundary-notice').count()).toBe(0);
    expect(dash.server.requests).toContain('/boundaries/villages.geojson');
  });

  it('draws all 158 official villages', async () => {
    const codes = await distinctVillageCodes(dash.page);
    expect(codes).toHaveLength(VILLAGE_COUNT);
    expect(new Set(codes)).toEqual(new Set(gazetteer.map((v) => v.village_code)));
    expect(await dash.page.getByTestId('figure-villages').textContent()).toContain(String(VILLAGE_COUNT));
  });

  it('shows a tooltip with the village and kecamatan on hover', async () => {
    await checkVillageTooltip(dash.page, gazetteer, 'real-boundaries-02-tooltip');
  });

  it('made no request to another host and threw no page error', () => {
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
