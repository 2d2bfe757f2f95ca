/**
 * Every file the dashboard lets a user save, and how a user gets it: the clicks of the e2e tests (test ids,
 * tabs, links), grouped by the screen they start from. Used by scripts/export-sizes.ts and
 * tests/e2e/exports.test.ts.
 */
import type { Download, Page } from 'playwright-core';
import { openLink, waitStill } from '../tests/e2e/harness';

export type ExportType = 'CSV' | 'XLSX' | 'PNG' | 'PDF';

export interface ExportStep {
  /** What the file is, in plain words. */
  what: string;
  type: ExportType;
  /** Clicks before the one that saves (e.g. open a dialog, tick a box); not timed as the download. */
  before?: (page: Page) => Promise<void>;
  /** The click that saves the file. */
  trigger: (page: Page) => Promise<void>;
  /** Longer wait for the download (the PDFs are drawn page by page). */
  slow?: boolean;
}

export interface ExportGroup {
  /** The section as the app names it (Perencanaan, Pengawasan, Inovasi). */
  section: string;
  /** Brings the screen to where the group's buttons are, from a link; run again after a failed step. */
  setup: (page: Page) => Promise<void>;
  /** The steps; a function when they depend on what the screen shows (e.g. the number of slides). */
  steps: ExportStep[] | ((page: Page) => Promise<ExportStep[]>);
}

/** Runs one step: its preparing clicks, then the saving click while waiting for the download. */
export async function saveStep(
  page: Page,
  step: ExportStep,
  timeoutMs: number,
): Promise<{ dl: Download; ms: number }> {
  await step.before?.(page);
  const t0 = performance.now();
  // Only a file of the expected type counts: a late file from an earlier, timed-out step is not this one.
  const ext = `.${step.type.toLowerCase()}`;
  const [dl] = await Promise.all([
    page.waitForEvent('download', {
      timeout: timeoutMs,
      predicate: (d) => d.suggestedFilename().toLowerCase().endsWith(ext),
    }),
    step.trigger(page),
  ]);
  const failure = await dl.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  return { dl, ms: performance.now() - t0 };
}

const click = (testId: string) => (page: Page) => page.getByTestId(testId).click();

/** Ticks the "internal" box of an export (full ids or small groups not hidden, for that one file). */
const tick = (testId: string) => (page: Page) => page.getByTestId(testId).check();

/** A chart card's "PNG" button, once its chart is drawn. */
function chartPng(testId: string, what: string): ExportStep {
  return {
    what,
    type: 'PNG',
    before: async (page) => {
      await page
        .locator(`[data-testid="${testId}"] svg.recharts-surface`)
        .first()
        .waitFor({ timeout: 60_000 });
      await waitStill(page);
    },
    trigger: click(`${testId}-png`),
  };
}

/** "Peta PNG…": the official map sheet dialog at A4, 150 dpi (its default), for a theme when there is a choice. */
function mapSheet(what: string, theme?: string): ExportStep {
  return {
    what,
    type: 'PNG',
    before: async (page) => {
      await page.getByTestId('open-map-export').click();
      await page.getByTestId('map-export').waitFor();
      if (theme) await page.getByTestId('map-theme').selectOption(theme);
      await page.getByTestId('map-size').selectOption('a4');
      await page.getByTestId('map-dpi').selectOption('150');
    },
    trigger: click('save-map-png'),
  };
}

/** CSV and XLSX, each masked and (when the screen offers it) internal. */
function tables(
  what: string,
  ids: { csv: string; xlsx: string; internal?: string },
  internalWhat = 'internal',
): ExportStep[] {
  const steps: ExportStep[] = [
    { what, type: 'CSV', trigger: click(ids.csv) },
    { what, type: 'XLSX', trigger: click(ids.xlsx) },
  ];
  const internal = ids.internal;
  if (internal)
    steps.push(
      { what: `${what}, ${internalWhat}`, type: 'CSV', before: tick(internal), trigger: click(ids.csv) },
      { what: `${what}, ${internalWhat}`, type: 'XLSX', before: tick(internal), trigger: click(ids.xlsx) },
    );
  return steps;
}

async function openSupervisorList(page: Page, list: 'usulan' | 'agen' | 'opd', row: string): Promise<void> {
  await openLink(page, `?section=supervisor&daftar=${list}`);
  await page.getByTestId(row).first().waitFor({ timeout: 60_000 });
}

async function openInnovation(page: Page, tab: 'indeks' | 'penilaian' | 'program'): Promise<void> {
  await openLink(page, `?section=innovation&halaman=${tab}`);
  await page.getByTestId('innovation').waitFor({ timeout: 60_000 });
}

/** Moves the presentation to slide `n` (1-based) with the keyboard, as a presenter does. */
async function goToSlide(page: Page, n: number): Promise<void> {
  await page.keyboard.press('Home');
  for (let i = 1; i < n; i++) await page.keyboard.press('ArrowRight');
  const counter = page.getByTestId('slide-counter');
  for (let tries = 0; tries < 50 && !(await counter.textContent())?.startsWith(`${n} /`); tries++)
    await page.waitForTimeout(100);
  await waitStill(page);
}

export const EXPORT_GROUPS: ExportGroup[] = [
  {
    section: 'Perencanaan',
    setup: async (page) => {
      await openLink(page, '?section=planner');
      await page.getByTestId('area-row').first().waitFor({ timeout: 60_000 });
    },
    steps: [
      mapSheet('Map sheet of the mapped need (A4, 150 dpi)'),
      ...tables(
        'Area table (villages, mapped need)',
        { csv: 'export-csv', xlsx: 'export-xlsx', internal: 'export-internal' },
        'internal: small groups shown',
      ),
    ],
  },
  {
    section: 'Pengawasan',
    setup: async (page) => {
      await openLink(page, '?section=supervisor&daftar=usulan');
      await page.getByTestId('run-proposal').click();
      await page.getByTestId('proposal-result').waitFor({ timeout: 120_000 });
    },
    steps: tables(
      'Reassignment proposal (action list)',
      { csv: 'export-csv', xlsx: 'export-xlsx', internal: 'export-internal' },
      'internal: full ids and names',
    ),
  },
  {
    section: 'Pengawasan',
    setup: (page) => openSupervisorList(page, 'agen', 'agent-row'),
    steps: tables(
      'Agent list (all active agents)',
      { csv: 'agents-export-csv', xlsx: 'agents-export-xlsx', internal: 'agents-export-internal' },
      'internal: full ids and names',
    ),
  },
  {
    section: 'Pengawasan',
    setup: (page) => openSupervisorList(page, 'opd', 'office-row'),
    steps: tables('Roll-up by office (OPD)', { csv: 'offices-export-csv', xlsx: 'offices-export-xlsx' }),
  },
  {
    section: 'Inovasi',
    setup: (page) => openInnovation(page, 'indeks'),
    steps: [
      chartPng('variable-chart', 'Chart: index by variable'),
      chartPng('history-chart', 'Chart: index over the years'),
      mapSheet('Map sheet: coverage (A4, 150 dpi)', 'coverage'),
      mapSheet('Map sheet: need hotspots (A4, 150 dpi)', 'hotspots'),
      { what: 'Innovation report (IID and results)', type: 'PDF', trigger: click('export-pdf'), slow: true },
    ],
  },
  {
    section: 'Inovasi',
    setup: async (page) => {
      await openInnovation(page, 'penilaian');
      await page.getByTestId('assessment-files').waitFor();
    },
    steps: [
      { what: 'Self-assessment (IID levels)', type: 'CSV', trigger: click('export-assessment-csv') },
      { what: 'Self-assessment (IID levels)', type: 'XLSX', trigger: click('export-assessment-xlsx') },
    ],
  },
  {
    section: 'Inovasi',
    setup: async (page) => {
      await openInnovation(page, 'program');
      await page.getByTestId('channel-table').waitFor({ timeout: 60_000 });
    },
    steps: [
      chartPng('needs-chart', 'Chart: needs by category'),
      chartPng('trend-chart', 'Chart: monthly trend'),
      ...tables('Results by service channel', { csv: 'channel-export-csv', xlsx: 'channel-export-xlsx' }),
    ],
  },
  {
    section: 'Inovasi · Presentasi',
    setup: async (page) => {
      await openInnovation(page, 'indeks');
      await page.getByTestId('start-presentation').click();
      await page.getByTestId('presentation').waitFor();
    },
    steps: async (page) => {
      const counter = (await page.getByTestId('slide-counter').textContent()) ?? '';
      const count = Number(counter.split('/')[1]?.trim());
      if (!Number.isInteger(count) || count < 1) throw new Error(`no slide count in "${counter}"`);
      const slides: ExportStep[] = Array.from({ length: count }, (_, i) => ({
        what: `Slide ${i + 1} of ${count}`,
        type: 'PNG',
        before: (p) => goToSlide(p, i + 1),
        trigger: click('slide-png'),
      }));
      return [
        ...slides,
        { what: 'Whole deck (all slides)', type: 'PDF', trigger: click('deck-pdf'), slow: true },
      ];
    },
  },
];
