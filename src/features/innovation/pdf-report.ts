/**
 * The PDF report, built in the browser with jsPDF (loaded on first use, its own chunk; the
 * standard PDF fonts need no file and no network). Pages: cover with the headline figures,
 * the coverage map, the need-hotspot map, the index breakdown, programme results by need,
 * month and kecamatan. Aggregates only: small groups hidden, with the further rows that keep them from
 * being worked out from the totals (./programme-suppression).
 */
import type { TFunction } from 'i18next';
import type { TableStatus } from '../../core/dataset/table-status';
import { officialMapPng, PAPER_MM, paperPixels } from '../../core/map/official-map';
import { sourceLine, todayLabel } from '../../core/map/sheet-frame';
import { stripBidiControls } from '../../core/ui/bidi';
import { formatsFor } from '../../core/ui/formats';
import type { IndexResult, Rubric } from './data/innovation-index';
import { round2 } from './data/innovation-index';
import type { ProgrammeResults, ProgrammeSummary } from './data/innovation-programme';
import { SUMMARY_NEEDS } from './data/programme-availability';
import { publishProgramme } from './data/programme-suppression';
import { figureText } from './figure-text';
import { mapSheetInput, type SheetContext } from './map-sheet';

export interface ReportInput {
  rubric: Rubric;
  result: IndexResult;
  history: { year: number; iid: number; category: string }[];
  exampleValues: boolean;
  programme: ProgrammeResults;
  /** null when a table it needs was not imported. */
  familiesReached: number | null;
  familiesReachedSql: string;
  /** Which tables the dataset supplied: a figure needing a missing one prints "not available". */
  tables: TableStatus;
  sheet: SheetContext;
  t: TFunction;
  english: boolean;
}

/**
 * Characters outside the standard fonts' WinAnsi set, replaced so every glyph prints; bidi controls
 * (from names in files) removed, so none can reorder the text.
 */
export function pdfSafe(text: string): string {
  return stripBidiControls(text)
    .replace(/[≥]/g, '>=')
    .replace(/[≤]/g, '<=')
    .replace(/[×]/g, 'x')
    .replace(/[÷]/g, '/')
    .replace(/[Σ]/g, 'Jml ')
    .replace(/[→]/g, '->')
    .replace(/[‹›]/g, '')
    .replace(/[^\u0020-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, '?');
}

const blobToDataUrl = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

/** The report as PDF bytes. */
export async function buildReport(input: ReportInput): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const { t, sheet, result, rubric } = input;
  const programme = publishProgramme(input.programme);
  const hiddenText = t('suppression.hidden');
  const shown = (n: number | null, fn: (x: number) => string) => (n === null ? hiddenText : fn(n));
  const loc = sheet.locale;
  const { fixed } = formatsFor(loc);
  const int = (n: number) => fixed(n, 0);
  const dec = (n: number) => fixed(n, 1);
  const two = (n: number) => fixed(round2(n), 2);
  const pct = (n: number | null) => (n === null ? '-' : `${dec(n)} %`);

  const doc = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4' });
  const W = 210;
  const M = 16;
  const footerLine = `${sourceLine(sheet)} | ${todayLabel(loc)}`;
  const text = (
    s: string,
    x: number,
    y: number,
    opts?: { size?: number; bold?: boolean; color?: number; maxW?: number },
  ) => {
    doc.setFont('helvetica', opts?.bold ? 'bold' : 'normal');
    doc.setFontSize(opts?.size ?? 10);
    doc.setTextColor(opts?.color ?? 20);
    const lines = doc.splitTextToSize(pdfSafe(s), opts?.maxW ?? W - 2 * M) as string[];
    doc.text(lines, x, y);
    return y + lines.length * (opts?.size ?? 10) * 0.42;
  };
  const footer = (page: number) => {
    doc.setDrawColor(180);
    doc.line(M, 284, W - M, 284);
    text(footerLine, M, 289, { size: 7.5, color: 90, maxW: W - 2 * M - 16 });
    text(String(page), W - M - 4, 289, { size: 8, color: 90 });
  };
  const table = (y0: number, head: string[], rows: string[][], widths: number[], textColumns = 1) => {
    let y = y0;
    const rowH = 6;
    const draw = (cells: string[], bold: boolean) => {
      let x = M;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 20;
        const right = i >= textColumns;
        doc.setFont('helvetica', bold ? 'bold' : 'normal');
        doc.setFontSize(8.5);
        doc.setTextColor(20);
        const s = pdfSafe(c);
        const clipped = doc.splitTextToSize(s, w - 2)[0] as string;
        doc.text(clipped, right ? x + w - 1 : x + 1, y, { align: right ? 'right' : 'left' });
        x += w;
      });
      y += rowH;
    };
    doc.setFillColor(236, 240, 243);
    doc.rect(
      M,
      y - 4.2,
      widths.reduce((a, b) => a + b, 0),
      rowH,
      'F',
    );
    draw(head, true);
    for (const r of rows) draw(r, false);
    return y;
  };

  // Page 1: cover and headline figures
  let y = 26;
  y = text(t('innovation.report.title'), M, y, { size: 20, bold: true });
  y = text(t('innovation.present.regency'), M, y + 2, { size: 12 });
  // The cover says what the report covers: the cases' period, the data and its date, the day it was made.
  const { first_report: first, last_report: last } = input.programme.summary;
  const month = (iso: string) =>
    new Intl.DateTimeFormat(loc, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso.slice(0, 7)}-01T00:00:00Z`),
    );
  if (first && last)
    y = text(t('innovation.report.period', { from: month(first), to: month(last) }), M, y + 1, { size: 10 });
  y = text(sourceLine(sheet), M, y + 1, { size: 9, color: 90 });
  y = text(t('innovation.report.made', { date: todayLabel(loc) }), M, y + 1, { size: 9, color: 90 });
  if (sheet.synthetic)
    y = text(t('mapSheet.syntheticWarning'), M, y + 3, { size: 10, bold: true, color: 150 });
  y += 6;
  doc.setFillColor(11, 93, 117);
  doc.rect(M, y, W - 2 * M, 34, 'F');
  doc.setTextColor(255);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(12);
  doc.text(pdfSafe(t('innovation.summary.title', { year: rubric.year })), M + 5, y + 8);
  doc.setFontSize(30);
  doc.text(two(result.iid), M + 5, y + 24);
  doc.setFontSize(16);
  doc.text(pdfSafe(input.english ? result.category.nameEn : result.category.name), M + 55, y + 24);
  doc.setFontSize(9);
  doc.setFont('helvetica', 'normal');
  doc.text(
    pdfSafe(
      `SPD ${two(result.spd)} + SID ${two(result.sid)} = ${two(result.total)} / ${int(result.maxTotal)}`,
    ),
    M + 5,
    y + 31,
  );
  y += 40;
  if (input.exampleValues)
    y = text(t('innovation.example.banner'), M, y, { size: 9.5, bold: true, color: 150 }) + 2;
  const statusNote = (input.english ? rubric.statusNoteEn : rubric.statusNote) ?? '';
  if (rubric.status !== 'official')
    y = text(`${t('innovation.rubric.unverified')} ${statusNote}`, M, y, { size: 8.5, color: 90 }) + 2;
  y += 4;
  y = text(t('innovation.programme.title'), M, y, { size: 13, bold: true }) + 2;
  const figure = (key: keyof ProgrammeSummary, format: (n: number) => string) =>
    programme.summary[key] === null && input.programme.summary[key] !== null
      ? hiddenText
      : figureText(
          input.programme.summary[key] as number | null,
          SUMMARY_NEEDS[key],
          input.tables,
          format,
          t,
        );
  const figures: [string, string][] = [
    [t('innovation.programme.agents'), figure('agents_active', int)],
    [t('innovation.programme.families'), figure('families_reached', int)],
    [t('innovation.programme.coverage'), figure('coverage_pct', pct)],
    [t('innovation.programme.reported'), figure('cases_reported', int)],
    [t('innovation.programme.resolved'), figure('cases_resolved', int)],
    [
      t('innovation.programme.medianDays'),
      figure('median_days', (n) => t('innovation.programme.days', { n: int(n) })),
    ],
  ];
  figures.forEach(([label, value], i) => {
    const x = M + (i % 3) * 60;
    const yy = y + Math.floor(i / 3) * 20;
    doc.setDrawColor(210);
    doc.rect(x, yy, 56, 17);
    text(value, x + 3, yy + 8, { size: 14, bold: true });
    text(label, x + 3, yy + 14, { size: 8, color: 80, maxW: 52 });
  });
  y += 46;
  y = text(t('innovation.history.title'), M, y, { size: 13, bold: true }) + 2;
  y = table(
    y + 2,
    [t('innovation.report.year'), 'IID', t('innovation.report.category')],
    input.history.map((h) => [String(h.year), two(h.iid), h.category]),
    [40, 40, 80],
  );
  y += 4;
  text(t('innovation.report.contents'), M, y, { size: 9, color: 80 });
  footer(1);

  // Pages 2–3: maps (landscape, official sheet)
  let page = 1;
  for (const theme of ['coverage', 'hotspots'] as const) {
    doc.addPage('a4', 'landscape');
    page++;
    const size = paperPixels(PAPER_MM.a4, 200);
    const png = await officialMapPng(size, mapSheetInput(theme, sheet));
    // Deflate-compressed (jsPDF stores a PNG's pixels uncompressed otherwise: ≈ 11 MB per map page).
    doc.addImage(await blobToDataUrl(png), 'PNG', 8, 8, 281, 194, undefined, 'FAST');
    doc.setFontSize(8);
    doc.setTextColor(90);
    doc.text(String(page), 285, 206);
  }

  // Page 4: index breakdown
  doc.addPage('a4', 'portrait');
  page++;
  y = 22;
  y = text(t('innovation.breakdown.title', { year: rubric.year }), M, y, { size: 15, bold: true }) + 3;
  const varRows = result.byVariable.map((v) => [
    input.english ? v.variable.nameEn : v.variable.name,
    v.variable.aspect.toUpperCase(),
    dec(v.score),
    dec(v.max),
    pct(v.max > 0 ? (100 * v.score) / v.max : null),
  ]);
  y = table(
    y,
    [
      t('innovation.breakdown.variable'),
      t('innovation.breakdown.aspect'),
      t('innovation.report.score'),
      t('innovation.breakdown.max'),
      '%',
    ],
    varRows,
    [80, 20, 25, 25, 28],
  );
  // bars
  y += 3;
  for (const v of result.byVariable) {
    const share = v.max > 0 ? v.score / v.max : 0;
    doc.setFillColor(230, 230, 230);
    doc.rect(M + 70, y - 3, 100, 4, 'F');
    doc.setFillColor(11, 93, 117);
    doc.rect(M + 70, y - 3, 100 * share, 4, 'F');
    text(input.english ? v.variable.nameEn : v.variable.name, M, y, { size: 8, maxW: 68 });
    y += 6;
  }
  y += 3;
  y =
    text(
      t('innovation.report.formulaLine', {
        sum: two(result.sidSum),
        divisor: result.divisor,
        minimum: rubric.divisor.minimum,
        n: result.innovations,
        count: two(result.countScore),
      }),
      M,
      y,
      { size: 9 },
    ) + 3;
  y = text(t('innovation.report.innovations'), M, y, { size: 12, bold: true }) + 2;
  y = table(
    y + 1,
    ['ID', t('innovation.editor.name'), t('innovation.report.score')],
    result.perInnovation.map((p) => [p.id, p.name, `${dec(p.score)} / ${int(p.max)}`]),
    [22, 120, 36],
    2,
  );
  y += 4;
  y =
    text(t('innovation.report.beneficiariesTitle'), M, y, {
      size: 12,
      bold: true,
    }) + 1;
  const reached = figureText(input.familiesReached, SUMMARY_NEEDS.families_reached, input.tables, int, t);
  y = text(t('innovation.report.beneficiaries', { n: reached }), M, y, { size: 9 }) + 1;
  doc.setFont('courier', 'normal');
  doc.setFontSize(7.5);
  doc.setTextColor(40);
  const sqlLines = input.familiesReachedSql.split('\n');
  doc.text(sqlLines, M + 2, y + 2);
  y += sqlLines.length * 3.3 + 4;
  text(rubric.sources.map((src) => `${src.id}: ${src.title}`).join(' | '), M, y, { size: 7, color: 90 });
  footer(page);

  // Page 5: programme results
  doc.addPage('a4', 'portrait');
  page++;
  y = 22;
  y = text(t('innovation.programme.title'), M, y, { size: 15, bold: true }) + 3;
  const needs = programme.needs;
  const dash = shown;
  y = table(
    y,
    [
      t('innovation.programme.need'),
      t('innovation.report.short.reported'),
      t('innovation.report.short.resolved'),
      t('innovation.report.short.median'),
    ],
    needs.map((n) => [
      t(`measure.${n.need}`, n.need),
      dash(n.reported, int),
      dash(n.resolved, int),
      n.suppressed ? hiddenText : n.median_days === null ? '-' : int(n.median_days),
    ]),
    [70, 36, 36, 36],
  );
  y += 5;
  // monthly trend as a small vector line chart
  y = text(t('innovation.programme.trendTitle'), M, y, { size: 12, bold: true }) + 2;
  const months = programme.months;
  const chartH = 45;
  const chartW = W - 2 * M;
  const maxV = Math.max(1, ...months.map((m) => Math.max(m.reported ?? 0, m.resolved ?? 0)));
  doc.setDrawColor(160);
  doc.line(M, y + chartH, M + chartW, y + chartH);
  doc.line(M, y, M, y + chartH);
  const series = (key: 'reported' | 'resolved', rgb: [number, number, number]) => {
    doc.setDrawColor(...rgb);
    doc.setLineWidth(0.6);
    months.forEach((m, i) => {
      const prev = months[i - 1];
      // A hidden month is a gap in the line, never drawn as zero.
      if (!prev || prev[key] === null || m[key] === null) return;
      const x0 = M + ((i - 1) / Math.max(1, months.length - 1)) * chartW;
      const x1 = M + (i / Math.max(1, months.length - 1)) * chartW;
      doc.line(
        x0,
        y + chartH - ((prev[key] ?? 0) / maxV) * chartH,
        x1,
        y + chartH - ((m[key] ?? 0) / maxV) * chartH,
      );
    });
    doc.setLineWidth(0.2);
  };
  series('reported', [217, 95, 2]);
  series('resolved', [27, 158, 119]);
  text(int(maxV), M + 1, y + 3, { size: 7, color: 90 });
  text(months[0]?.month ?? '', M, y + chartH + 4, { size: 7, color: 90 });
  text(months[months.length - 1]?.month ?? '', M + chartW - 12, y + chartH + 4, { size: 7, color: 90 });
  text(`— ${t('innovation.programme.reported')}`, M + 40, y + chartH + 4, { size: 7.5, color: 20 });
  doc.setFillColor(217, 95, 2);
  doc.rect(M + 36, y + chartH + 2.3, 3, 1.5, 'F');
  doc.setFillColor(27, 158, 119);
  doc.rect(M + 86, y + chartH + 2.3, 3, 1.5, 'F');
  text(`— ${t('innovation.programme.resolved')}`, M + 90, y + chartH + 4, { size: 7.5, color: 20 });
  y += chartH + 12;
  y = text(t('innovation.programme.districtsTitle'), M, y, { size: 12, bold: true }) + 2;
  const districts = programme.districts;
  y = table(
    y,
    [
      t('innovation.programme.district'),
      t('innovation.report.short.households'),
      t('innovation.report.short.reached'),
      t('innovation.report.short.agents'),
      t('innovation.report.short.coverage'),
      t('innovation.report.short.reported'),
      t('innovation.report.short.resolved'),
    ],
    districts.map((d) => [
      d.district_name,
      dash(d.households, int),
      dash(d.families_reached, int),
      dash(d.agents_active, int),
      d.suppressed ? hiddenText : dash(d.coverage_pct, pct),
      dash(d.reported, int),
      dash(d.resolved, int),
    ]),
    [38, 22, 24, 20, 24, 25, 25],
  );
  text(t('suppression.note'), M, y + 4, { size: 8, color: 90 });
  footer(page);

  return doc.output('blob');
}
