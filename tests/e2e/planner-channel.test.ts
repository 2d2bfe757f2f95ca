/**
 * The planner's channel filter (kanal layanan) in the built app (headless Chromium): the configured channels in
 * config.json's order, the key figures limited to the cases referred to one channel (a plain recount of the demo's
 * cases file), the channel in the link and back from it, with a month the channel's cases open at its end, and a
 * link naming an unknown channel falling back to all channels with a notice. Opens its own dashboard.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelKey } from '../../src/core/dataset/app-config';
import { type Dashboard, openDashboard, ROOT, screenshot, sharedLink, waitDrawn, waitReady } from './harness';
import { figure } from './planner-helpers';

const START = 'section=planner&need=kesehatan';

interface DemoCase {
  need: string;
  channel: string;
  reported: string;
  resolved: string | null;
}

/** The demo's cases (its CSV has no quoted fields). */
async function demoCases(): Promise<DemoCase[]> {
  const csv = await readFile(path.join(ROOT, 'data', 'demo', 'cases.csv'), 'utf8');
  const [header = '', ...lines] = csv.trim().split('\n');
  const col = (name: string) => header.split(',').indexOf(name);
  const [need, channel, reported, resolved] = ['kebutuhan', 'kanal', 'tanggal_lapor', 'tanggal_selesai'].map(
    col,
  );
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      need: cells[need as number] ?? '',
      channel: cells[channel as number] ?? '',
      reported: cells[reported as number] ?? '',
      resolved: cells[resolved as number] || null,
    };
  });
}

const channelParam = (page: Page) =>
  page.evaluate(() => new URLSearchParams(window.location.search).get('kanal'));

describe('planner channel filter (Perencanaan)', () => {
  let dash: Dashboard;
  let page: Page;
  /** The demo's kesehatan cases referred to Bujang Dusun (a key with a space: `kanal=bujang+dusun`). */
  let chosen: DemoCase[];

  beforeAll(async () => {
    chosen = (await demoCases()).filter(
      (c) => c.need === 'kesehatan' && channelKey(c.channel) === 'bujang dusun',
    );
    dash = await openDashboard({ boundaries: 'none', query: START });
    page = dash.page;
    await waitReady(page);
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('lists the configured channels in order and limits the key figures to one, written into the link', async () => {
    const select = page.getByTestId('filter-channel');
    await expect(select.inputValue()).resolves.toBe('all');
    await expect(select.locator('option').allTextContents()).resolves.toEqual([
      'Semua kanal',
      'JSPS',
      'SPADA',
      'Tim Reaksi Cepat (TRC)',
      'Bujang Dusun',
      'Era Gro',
    ]);
    await expect.poll(() => figure(page, 'reported'), { timeout: 30_000 }).toBeGreaterThan(0);
    const before = { count: await figure(page, 'count'), reported: await figure(page, 'reported') };
    await waitDrawn(page);
    await screenshot(page, 'planner-channel-01-all');

    await select.selectOption({ label: 'Bujang Dusun' });
    await expect.poll(() => channelParam(page)).toBe('bujang dusun');
    expect(page.url()).toContain('kanal=bujang+dusun');
    // The cases referred to Bujang Dusun: a recount of the demo's cases file.
    await expect.poll(() => figure(page, 'reported'), { timeout: 30_000 }).toBe(chosen.length);
    expect(chosen.length).toBeLessThan(before.reported);
    await expect(figure(page, 'resolved')).resolves.toBe(chosen.filter((c) => c.resolved).length);
    await expect(figure(page, 'open')).resolves.toBe(chosen.filter((c) => !c.resolved).length);
    const households = await figure(page, 'count');
    expect(households).toBeGreaterThan(0);
    expect(households).toBeLessThan(before.count);
    await waitDrawn(page);
    await screenshot(page, 'planner-channel-02-bujang-dusun');
    // The table export says which channel its figures are limited to.
    await page.getByTestId('tab-table').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    const filters = csv.split('\r\n').find((l) => l.startsWith('Filter,')) ?? '';
    expect(filters).toMatch(/Kanal: \u2068?Bujang Dusun/u);
  });

  it('reads the channel back from the link (reload / shared link), also with a month', async () => {
    const url = await sharedLink(page);
    const figures = await page.getByTestId('planner-figures').textContent();
    const copy = await dash.context.newPage();
    try {
      await copy.goto(url, { waitUntil: 'domcontentloaded' });
      await waitReady(copy);
      await expect(copy.getByTestId('filter-channel').inputValue()).resolves.toBe('k:bujang dusun');
      await expect
        .poll(async () => (await copy.getByTestId('planner-figures').textContent()) ?? '', {
          timeout: 30_000,
        })
        .toBe(figures);
      await waitDrawn(copy);
      await screenshot(copy, 'planner-channel-03-reload');

      // With a month: the channel's cases still open at its end (reported by then, not resolved by then).
      const month = '2025-06';
      const end = '2025-06-30';
      await copy.goto(`${url}&bulan=${month}`, { waitUntil: 'domcontentloaded' });
      await waitReady(copy);
      await expect(copy.getByTestId('filter-channel').inputValue()).resolves.toBe('k:bujang dusun');
      const open = chosen.filter((c) => c.reported <= end && (c.resolved === null || c.resolved > end));
      await expect.poll(() => figure(copy, 'open'), { timeout: 30_000 }).toBe(open.length);
      await expect(figure(copy, 'reported')).resolves.toBe(chosen.filter((c) => c.reported <= end).length);
      await waitDrawn(copy);
      await screenshot(copy, 'planner-channel-04-month');
    } finally {
      await copy.close();
    }
  });

  it('a link naming a channel the data does not know shows all channels, with a notice', async () => {
    await page.goto(`${dash.server.url}?${START}&kanal=tidakada`, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    const notice = page.getByTestId('settings-notice').first();
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(notice.textContent()).resolves.toContain('kanal = "tidakada" tidak dikenal');
    await expect.poll(() => page.getByTestId('filter-channel').inputValue()).toBe('all');
    await expect.poll(() => channelParam(page)).toBeNull();
    await waitDrawn(page);
    await screenshot(page, 'planner-channel-05-unknown');
  });

  it('made no request to another host and threw no page error', () => {
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
