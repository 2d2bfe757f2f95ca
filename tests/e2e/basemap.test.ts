import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCspMeta } from '../../scripts/csp';
import { DIST, openDashboard, screenshot, waitReady } from './harness';

// A tile server on another address of this machine that nothing listens on: every tile fails.
const BASEMAP = { tiles: ['http://127.0.0.2:9/{z}/{x}/{y}.png'], attribution: '© uji' };

// An online basemap named in config.json after the build: never a silently blank background.
describe('online basemap problems are said on the map', () => {
  let dir: string;
  let config: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gancang-basemap-'));
    const built = JSON.parse(await readFile(path.join(DIST, 'config.json'), 'utf8')) as object;
    config = path.join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ ...built, basemap: BASEMAP }));
  });

  it('the security policy was not regenerated for its host: the map says it is blocked', async () => {
    const dash = await openDashboard({ boundaries: 'none', files: { '/config.json': config } });
    try {
      await waitReady(dash.page);
      const notice = dash.page.getByTestId('basemap-notice');
      await notice.waitFor({ timeout: 60_000 });
      expect(await notice.getAttribute('data-problem')).toBe('blocked');
      expect(await notice.textContent()).toMatch(/kebijakan keamanan/);
      // Nothing was sent to the tile server: the policy held.
      expect(dash.foreignRequests).toEqual([]);
      await screenshot(dash.page, 'basemap-01-blocked');
    } finally {
      await dash.close();
    }
  });

  it('the policy allows it but the server does not answer: the map says it is unavailable', async () => {
    const index = path.join(dir, 'index.html');
    await writeFile(
      index,
      withCspMeta(await readFile(path.join(DIST, 'index.html'), 'utf8'), { basemap: BASEMAP }),
    );
    const dash = await openDashboard({
      boundaries: 'none',
      query: 'lang=en',
      files: { '/config.json': config, '/': index, '/index.html': index },
    });
    try {
      await waitReady(dash.page);
      const notice = dash.page.getByTestId('basemap-notice');
      await notice.waitFor({ timeout: 60_000 });
      expect(await notice.getAttribute('data-problem')).toBe('unavailable');
      expect(await notice.textContent()).toMatch(/cannot be loaded/);
    } finally {
      await dash.close();
    }
  });

  it('the server takes the requests and never answers: the dashboard opens without it and says so', async () => {
    // Accepts every connection and never sends a byte: the tiles wait as on a link that drops packets.
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const silent = { tiles: [`http://127.0.0.1:${port}/{z}/{x}/{y}.png`], attribution: '© uji' };
    const silentConfig = path.join(dir, 'config-silent.json');
    const built = JSON.parse(await readFile(path.join(DIST, 'config.json'), 'utf8')) as object;
    await writeFile(silentConfig, JSON.stringify({ ...built, basemap: silent }));
    const index = path.join(dir, 'index-silent.html');
    await writeFile(
      index,
      withCspMeta(await readFile(path.join(DIST, 'index.html'), 'utf8'), { basemap: silent }),
    );
    const dash = await openDashboard({
      files: { '/config.json': silentConfig, '/': index, '/index.html': index },
    });
    try {
      await waitReady(dash.page);
      expect(sockets.length).toBeGreaterThan(0);
      const notice = dash.page.getByTestId('basemap-notice');
      expect(await notice.getAttribute('data-problem')).toBe('unavailable');
      expect(await notice.textContent()).toMatch(/tidak menjawab/);
      // The area map is there, and the page says it is ready (waitReady fails on the error screen).
      expect(await dash.page.getByTestId('error').count()).toBe(0);
      await screenshot(dash.page, 'basemap-02-silent-server');
    } finally {
      await dash.close();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});
