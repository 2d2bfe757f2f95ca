/**
 * Every file the dashboard lets a user save says what it holds. Saves each export of every screen from the demo
 * (the steps `npm run bench:exports` uses) and reads it back: a CSV opens with the label–value block (contents,
 * data marked synthetic, export date) and an empty record before its table; an XLSX has that block in its first
 * rows with the view frozen below the table's header; the PDF report names the synthetic data in its text; a
 * PNG is a real image. Opens its own dashboard.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_GROUPS, type ExportStep, saveStep } from '../../scripts/export-sizes-steps';
import { type Dashboard, openDashboard, pngSize, waitReady } from './harness';

interface Checked {
  name: string;
  problems: string[];
}

/** The CSV's opening block (label → value) and the record after the empty one (the table's header). */
function csvBlock(text: string): { about: Map<string, string>; header: string } {
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  const blank = lines.indexOf('');
  const about = new Map(
    lines.slice(0, Math.max(blank, 0)).map((line) => {
      const [label = '', ...rest] = line.split(',');
      return [label, rest.join(',')] as const;
    }),
  );
  return { about, header: lines[blank + 1] ?? '' };
}

/** What is wrong with one saved file, in words (empty when it says what it holds). */
async function problemsOf(step: ExportStep, name: string, bytes: Buffer): Promise<string[]> {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  if (step.type === 'CSV') {
    const { about, header } = csvBlock(bytes.toString('utf8'));
    need(about.has('Isi'), 'no "Isi" (contents) line first');
    need(/sintetis/i.test(about.get('Data') ?? ''), 'the "Data" line does not say synthetic');
    need(/\d{4}/.test(about.get('Diekspor') ?? ''), 'no "Diekspor" (export date) line');
    need(header.split(',').length >= 2, `no table header after the block: "${header}"`);
  } else if (step.type === 'XLSX') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets) {
      const labels = new Map<string, string>();
      let blank = 0;
      for (let r = 1; r <= sheet.rowCount; r++) {
        const label = String(sheet.getCell(r, 1).value ?? '');
        if (label === '') {
          blank = r;
          break;
        }
        labels.set(label, String(sheet.getCell(r, 2).value ?? ''));
      }
      const where = `sheet "${sheet.name}"`;
      need(labels.has('Isi'), `${where}: no "Isi" (contents) row first`);
      need(/sintetis/i.test(labels.get('Data') ?? ''), `${where}: the "Data" row does not say synthetic`);
      need(labels.has('Diekspor'), `${where}: no "Diekspor" (export date) row`);
      const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
      need(
        view?.state === 'frozen' && view.ySplit === blank + 1,
        `${where}: view not frozen below the table's header (row ${blank + 1})`,
      );
    }
  } else if (step.type === 'PDF') {
    need(bytes.subarray(0, 5).toString() === '%PDF-', 'not a PDF');
    // The report writes its text as text (the deck is pictures of its slides, each with its source line).
    if (/^laporan-/.test(name)) need(/sintetis/i.test(bytes.toString('latin1')), 'no synthetic-data note');
  } else {
    const { width, height } = pngSize(bytes);
    need(bytes.subarray(1, 4).toString() === 'PNG' && width > 100 && height > 100, 'not a real image');
  }
  return problems;
}

describe('every export names what it holds', () => {
  let dash: Dashboard;
  let page: Page;
  const checked: Checked[] = [];

  beforeAll(async () => {
    dash = await openDashboard({ query: 'section=planner' });
    page = dash.page;
    await waitReady(page);
  }, 180_000);
  afterAll(async () => {
    await dash?.close();
  });

  EXPORT_GROUPS.forEach((group, n) => {
    it(`${group.section}, screen ${n + 1}: each file opens with what it holds`, async () => {
      await group.setup(page);
      const steps = Array.isArray(group.steps) ? group.steps : await group.steps(page);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        const { dl } = await saveStep(page, step, step.slow ? 120_000 : 60_000);
        const name = dl.suggestedFilename();
        const bytes = await readFile((await dl.path()) as string);
        checked.push({ name, problems: await problemsOf(step, name, bytes) });
      }
      expect(checked.filter((c) => c.problems.length > 0)).toEqual([]);
    }, 600_000);
  });

  it('checked every kind of file the app offers', () => {
    const kinds = new Set(checked.map((c) => c.name.split('.').pop()));
    expect([...kinds].sort()).toEqual(['csv', 'pdf', 'png', 'xlsx']);
    expect(checked.length).toBeGreaterThanOrEqual(30);
  });
});
