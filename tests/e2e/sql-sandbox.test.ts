/**
 * Hostile SQL in the built app: the planner's SQL panel is given queries that try to reach another server
 * (a second local server on another port that records every request), to write, to change settings and to
 * read personal columns — with escape strings, comments, case tricks and several statements. Nothing may
 * reach that server, no page request may leave the app's origin, the figures on screen must not change,
 * and no raw NIK, name or id may appear.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot, waitReady } from './harness';

let trap: Server;
let trapUrl: string;
const trapped: string[] = [];
let dash: Dashboard;
let page: Page;
const offOrigin: string[] = [];

const householdsFigure = (p: Page) => p.getByTestId('planner-figure-households').locator('dd').textContent();

/** Runs one query in the panel and waits until the panel is idle again; returns what it shows. */
async function runSql(p: Page, sql: string): Promise<string> {
  await p.getByTestId('sql-input').fill(sql);
  await p.getByTestId('sql-run').click();
  await p.waitForFunction(
    () => !(document.querySelector('[data-testid="sql-run"]') as HTMLButtonElement | null)?.disabled,
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  const error = p.getByTestId('sql-error');
  if ((await error.count()) > 0) leads.push((await error.locator('p').first().textContent()) ?? '');
  // Each element's own text apart (tabs): joined text could put a pseudonym ending in "AG" beside the next
  // cells' digits and look like a raw id.
  return p.getByTestId('sql-panel').evaluate((panel) =>
    [panel, ...panel.querySelectorAll('*')]
      .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE))
      .map((n) => n.textContent)
      .join('\t'),
  );
}
/** The first line of every message shown: must be a plain sentence, never DuckDB's raw error. */
const leads: string[] = [];

beforeAll(async () => {
  trap = createServer((req, res) => {
    trapped.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/csv', 'Access-Control-Allow-Origin': '*' });
    res.end('a,b\n1,2\n');
  });
  // Any connection counts, also one that never becomes an HTTP request (an https:// attempt on this port).
  trap.on('connection', () => trapped.push('connection'));
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  // The trap records what reaches it (checked once, so an empty list below means something).
  await fetch(`${trapUrl}/probe`);
  expect(trapped).toEqual(['connection', 'GET /probe']);
  trapped.length = 0;

  dash = await openDashboard({ boundaries: 'none', query: 'section=planner' });
  page = dash.page;
  const origin = new URL(dash.server.url).origin;
  dash.context.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== origin) offOrigin.push(url);
  });
  await waitReady(page);
}, 180_000);

afterAll(async () => {
  await dash?.close();
  await new Promise<void>((resolve) => trap?.close(() => resolve()));
});

describe('SQL panel against hostile queries', () => {
  it('sends nothing anywhere, changes nothing on screen, shows no personal data', async () => {
    const before = await householdsFigure(page);
    expect(before).toMatch(/\d/);
    await page.getByTestId('tab-sql').click();
    const T = trapUrl;
    const battery = [
      `SELECT * FROM read_text('${T}/read-text')`,
      `SELECT * FROM read_csv_auto('${T}/read-csv-auto.csv')`,
      `SELECT * FROM '${T}/from-string.csv'`,
      `SELECT * FROM read_parquet('${T}/x.parquet')`,
      `SELECT * FROM read_json('${T}/x.json')`,
      `SELECT * FROM glob('${T}/*')`,
      `SELECT * FROM sniff_csv('${T}/sniff.csv')`,
      `SeLeCt * FrOm ReAd_TeXt('${T}/case') --`,
      `/* hi */ SELECT * FROM read_text('${T}/ids?' || (SELECT string_agg(household_id, ',') FROM households))`,
      `SELECT E'\\''; SET enable_external_access=true; SELECT * FROM read_text('${T}/escape'); --'`,
      `SELECT E'\\''; UPDATE households SET village_code = 'X'; CREATE TABLE households AS SELECT * FROM range(2700000); SELECT '`,
      `SELECT 1) q; SET autoload_known_extensions=true; INSTALL httpfs; SELECT * FROM read_text('${T}/paren'); SELECT (1`,
      `SELECT $$x$$; ATTACH '${T}/db.duckdb' AS remote; SELECT $$y$$`,
      `WITH x AS (SELECT * FROM read_csv('${T}/with.csv')) SELECT * FROM x`,
      `SELECT * FROM query('SELECT * FROM read_text(''${T}/query'')')`,
      `SELECT * FROM read_csv('households.csv')`,
      `SET enable_external_access = true`,
      `RESET lock_configuration`,
      `INSTALL httpfs`,
      `LOAD httpfs`,
      `ATTACH '${T}/attach.db' AS a`,
      `COPY (SELECT * FROM households) TO '${T}/copy.csv'`,
      `EXPORT DATABASE '${T}/export'`,
      `PRAGMA enable_external_access = true`,
      `CALL pragma_version()`,
      `DROP TABLE households`,
      `/**/DrOp/**/TaBlE/**/households`,
      `SELECT head_nik AS c, upper(head_name) AS b FROM households`,
      `SELECT x FROM (SELECT head_nik || '' AS x FROM households)`,
      `SELECT nip, agent_name FROM agents`,
      // Statements the panel's friendly hint would stop, smuggled behind a SELECT so the sandbox itself refuses them.
      `SELECT 1) q; COPY (SELECT * FROM households) TO '${T}/copy-smuggled.csv'; SELECT (1`,
      `SELECT 1) q; ATTACH '${T}/attach-smuggled.db' AS b; SELECT (1`,
      `SELECT 1) q; LOAD httpfs; SELECT (1`,
      `SELECT * FROM read_text('${T.replace('http:', 'https:')}/https')`,
      `SELECT * FROM read_blob('${T}/blob')`,
      `SELECT * FROM query_table('${T}/query-table.csv')`,
    ];
    const shown: string[] = [];
    for (const sql of battery) shown.push(await runSql(page, sql));
    await screenshot(page, 'sql-sandbox-01-refused');

    // A legitimate query afterwards: same household count as the key figure, ids as pseudonyms.
    const ok = await runSql(page, 'SELECT count(*) AS keluarga FROM households');
    shown.push(ok);
    const count = await page.locator('[data-testid="sql-result"] tbody td').first().textContent();
    expect(count).toBe(before);
    shown.push(await runSql(page, 'SELECT * FROM households JOIN agents USING (agent_id) LIMIT 50'));
    await screenshot(page, 'sql-sandbox-02-result');

    // A last query answered after all the others: whatever they asked of the network has been asked by now.
    await runSql(page, 'SELECT 1 AS selesai');
    expect(trapped).toEqual([]);
    expect(offOrigin).toEqual([]);
    expect(dash.foreignRequests).toEqual([]);
    expect(await householdsFigure(page)).toBe(before);
    const all = shown.join('\n');
    expect(all).not.toMatch(/\d{16}/); // no NIK, KK number or NIP digits
    expect(all).not.toMatch(/\b(P1701\d{12}|AG\d{5})/); // no raw household or agent id
    expect(all).not.toMatch(/Catalog Error: Table with name households does not exist/);
    // Every refusal leads with a plain sentence (DuckDB's words only follow in small print).
    expect(leads.length).toBe(battery.length);
    for (const lead of leads) expect(lead).not.toMatch(/Error|^\s*$/);
    expect(dash.pageErrors).toEqual([]);
  }, 600_000);
});
