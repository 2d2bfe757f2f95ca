/**
 * The benchmarks' memory figures: the tab's own renderer (its page and workers) is found and read, and it is
 * no more than all the harness's renderers together.
 */
import { describe, expect, it } from 'vitest';
import { openDashboard, rendererRssMb, tabMemoryMb, waitReady } from './harness';

describe("the tab's memory, as the benchmarks read it", () => {
  it('is the largest renderer: resident at least its private memory, at most all renderers together', async () => {
    const dash = await openDashboard();
    try {
      await waitReady(dash.page);
      const tab = tabMemoryMb();
      const all = rendererRssMb();
      expect(tab).not.toBeNull();
      expect(all).not.toBeNull();
      if (!tab || !all) return;
      // A loaded dashboard holds DuckDB and its tables: tens of MB at least, whatever the machine.
      expect(tab.private).toBeGreaterThan(50);
      expect(tab.rss).toBeGreaterThanOrEqual(tab.private);
      expect(tab.rss).toBeLessThanOrEqual(all);
    } finally {
      await dash.close();
    }
    // Closed: nothing of it is counted any more.
    await expect.poll(() => tabMemoryMb()).toBeNull();
  }, 120_000);
});
