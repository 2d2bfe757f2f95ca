import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot, waitReady } from './harness';

/**
 * The planner's first answer failing in the database (whatever the cause) must be said in the user's words
 * beside the controls, and the page must settle: never an endless loading, never the database's own message.
 * DuckDB's worker is served with a wrapper that swaps the village rows' statement for one that fails.
 */
const FAIL_AREA_ROWS = `
;(() => {
  const handle = globalThis.onmessage;
  globalThis.onmessage = (event) => {
    const request = event.data;
    const text = request && Array.isArray(request.data) ? request.data[1] : null;
    if (typeof text === 'string' && text.includes('FROM planner_villages g LEFT JOIN a USING (vid)'))
      request.data[1] = 'SELECT * FROM a_table_that_is_not_there';
    return handle.call(globalThis, event);
  };
})();
`;

describe('a failed answer', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    // Without the demo's shipped answers: a first visit drawn from them asks the database nothing at first.
    dash = await openDashboard({ boundaries: 'none', navigate: false, shippedAnswers: false });
    await dash.context.route('**/assets/duckdb-browser-eh.worker-*.js', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}${FAIL_AREA_ROWS}` });
    });
    await dash.page.goto(dash.url, { waitUntil: 'domcontentloaded' });
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('is said in Bahasa Indonesia beside the controls, and the page settles with them working', async () => {
    const { page } = dash;
    await waitReady(page);
    const message = page.getByTestId('planner-error');
    await expect(message.textContent()).resolves.toBe(
      'Peta dan angka tidak dapat dihitung untuk pengaturan ini. Ubah pengaturan di panel ini, atau muat ulang halaman.',
    );
    expect(await page.locator('body').textContent()).not.toContain('a_table_that_is_not_there');
    await screenshot(page, 'answer-failure-planner');
    // The controls still answer: the section switch works.
    await page.getByTestId('nav-supervisor').click();
    await page.waitForFunction(
      () => new URLSearchParams(window.location.search).get('section') === 'supervisor',
    );
    await waitReady(page);
    await screenshot(page, 'answer-failure-then-supervisor');
    expect(await page.getByTestId('planner-error').count()).toBe(0);
  });
});
