import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { firstMissing, type TableStatus, unavailableKey } from '../../core/dataset/table-status';
import { drawOfficialMap } from '../../core/map/official-map';
import { sourceLine, todayLabel } from '../../core/map/sheet-frame';
import { useTableStatus } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import { trendChart, variableChart } from './charts';
import type { IndexResult, Rubric } from './data/innovation-index';
import { round2 } from './data/innovation-index';
import type { ProgrammeResults, ProgrammeSummary } from './data/innovation-programme';
import { SUMMARY_NEEDS } from './data/programme-availability';
import { publishProgramme } from './data/programme-suppression';
import { figureText } from './figure-text';
import { categoryColor } from './IndexPanels';
import { mapSheetInput, type SheetContext } from './map-sheet';

interface PresentationProps {
  rubric: Rubric;
  result: IndexResult;
  exampleValues: boolean;
  programme: ProgrammeResults;
  sheet: SheetContext;
  onClose: () => void;
}

/** A chart of reported and resolved cases: it needs the case rows; without them the slide says so instead. */
function CaseChart({
  className,
  tables,
  children,
}: {
  className: string;
  tables: TableStatus;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const missing = firstMissing(tables, ['cases']);
  return missing === null ? (
    <div className={className}>{children}</div>
  ) : (
    <p className="slide-note" data-testid="slide-chart-unavailable">
      {t(unavailableKey(tables, missing))}
    </p>
  );
}

type Slide = 'title' | 'coverage' | 'hotspots' | 'figures' | 'index' | 'trend';
const SLIDES: readonly Slide[] = ['title', 'coverage', 'hotspots', 'figures', 'index', 'trend'];

/** A map sheet drawn at the slide's own size (crisp on any projector). */
function SlideMap({ theme, sheet }: { theme: 'coverage' | 'hotspots'; sheet: SheetContext }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(rect.width * dpr);
    canvas.height = Math.round(rect.height * dpr);
    const ctx = canvas.getContext('2d');
    if (ctx)
      drawOfficialMap(ctx, { width: canvas.width, height: canvas.height }, mapSheetInput(theme, sheet));
  }, [theme, sheet]);
  return <canvas ref={ref} className="slide-map" data-testid={`slide-map-${theme}`} />;
}

/** Full-screen slides from live data; arrows/PageUp/PageDown/Space/Home/End to move, Esc to leave. */
export function Presentation({
  rubric,
  result,
  exampleValues,
  programme,
  sheet,
  onClose,
}: PresentationProps) {
  const { t, i18n } = useTranslation();
  const tables = useTableStatus();
  const f = useFormat();
  const en = i18n.language === 'en';
  const [index, setIndex] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const slide = SLIDES[index] as Slide;
  const move = useCallback(
    (d: number) => setIndex((i) => Math.max(0, Math.min(SLIDES.length - 1, i + d))),
    [],
  );

  useEffect(() => {
    const el = root.current;
    el?.focus();
    if (el?.requestFullscreen && !document.fullscreenElement)
      void el.requestFullscreen().catch(() => undefined);
    const onKey = (e: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' ', 'Enter'].includes(e.key)) move(1);
      else if (['ArrowLeft', 'PageUp', 'Backspace'].includes(e.key)) move(-1);
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(SLIDES.length - 1);
      else if (e.key === 'Escape') onClose();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const onFs = () => {
      if (!document.fullscreenElement) onClose();
    };
    document.addEventListener('fullscreenchange', onFs);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFs);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [move, onClose]);

  const published = publishProgramme(programme);
  const { needs, months } = published;
  const hidden = t('suppression.hidden');
  /** The figure's text, and whether it is a number (else a short note, set smaller on the slide). */
  const figure = (key: keyof ProgrammeSummary, format: (n: number) => string) => {
    const value = programme.summary[key] as number | null;
    if (published.summary[key] === null && value !== null) return { text: hidden, number: false };
    return { text: figureText(value, SUMMARY_NEEDS[key], tables, format, t), number: value !== null };
  };
  const two = (n: number) =>
    new Intl.NumberFormat(f.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(round2(n));
  const footer = `${sourceLine(sheet)} · ${todayLabel(sheet.locale)}`;

  return (
    <div
      ref={root}
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={t('innovation.present.title')}
      tabIndex={-1}
      data-testid="presentation"
      data-slide={slide}
    >
      <div className="slide" data-testid={`slide-${slide}`}>
        {slide === 'title' && (
          <div className="slide-title">
            <h1>{t('innovation.present.heading')}</h1>
            <h2>{t('innovation.present.subheading')}</h2>
            <p>{t('innovation.present.regency')}</p>
            <p className="muted">{todayLabel(sheet.locale)}</p>
            {sheet.synthetic && <p className="slide-warning">{t('mapSheet.syntheticWarning')}</p>}
          </div>
        )}
        {(slide === 'coverage' || slide === 'hotspots') && <SlideMap theme={slide} sheet={sheet} />}
        {slide === 'figures' && (
          <div className="slide-body">
            <h2>{t('innovation.present.figures')}</h2>
            <div className="slide-kpis">
              {(
                [
                  [t('innovation.programme.agents'), figure('agents_active', f.int)],
                  [t('innovation.programme.families'), figure('families_reached', f.int)],
                  [t('innovation.programme.coverage'), figure('coverage_pct', f.pct)],
                  [t('innovation.programme.reported'), figure('cases_reported', f.int)],
                  [t('innovation.programme.resolved'), figure('cases_resolved', f.int)],
                  [
                    t('innovation.programme.medianDays'),
                    figure('median_days', (n) => t('innovation.programme.days', { n: f.int(n) })),
                  ],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="slide-kpi">
                  <span className={value.number ? 'value' : 'value note'}>{value.text}</span>
                  <span className="label">{label}</span>
                </div>
              ))}
            </div>
            <CaseChart className="slide-chart" tables={tables}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={needs.map((n) => ({
                    label: `${t(`measure.${n.need}`, n.need)}${n.suppressed ? ` (${hidden})` : ''}`,
                    v: n.reported,
                    r: n.resolved,
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 16 }} interval={0} />
                  <YAxis tick={{ fontSize: 14 }} tickFormatter={(v) => f.int(Number(v))} />
                  <Bar
                    dataKey="v"
                    name={t('innovation.programme.reported')}
                    fill="#d95f02"
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="r"
                    name={t('innovation.programme.resolved')}
                    fill="#1b9e77"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </CaseChart>
            {published.anyHidden && <p className="muted">{t('suppression.note')}</p>}
          </div>
        )}
        {slide === 'index' && (
          <div className="slide-body">
            <h2>{t('innovation.summary.title', { year: rubric.year })}</h2>
            <div className="slide-index">
              <div>
                <div className="slide-iid" data-testid="slide-iid">
                  {two(result.iid)}
                </div>
                <div
                  className="category-badge big"
                  style={{ background: categoryColor(rubric, result.category.id) }}
                >
                  {en ? result.category.nameEn : result.category.name}
                </div>
                <p>
                  SPD {two(result.spd)} · SID {two(result.sid)} · {t('innovation.summary.total')}{' '}
                  {two(result.total)} / {f.int(result.maxTotal)}
                </p>
                {exampleValues && <p className="slide-warning">{t('innovation.example.short')}</p>}
              </div>
              <div className="slide-chart">
                <ResponsiveContainer width="100%" height="100%">
                  {variableChart(
                    result,
                    null,
                    { saved: 'IID', whatIf: '' },
                    (v) => (en ? v.nameEn : v.name),
                    f.dec,
                  )}
                </ResponsiveContainer>
              </div>
            </div>
          </div>
        )}
        {slide === 'trend' && (
          <div className="slide-body">
            <h2>{t('innovation.programme.trendTitle')}</h2>
            <CaseChart className="slide-chart tall" tables={tables}>
              <ResponsiveContainer width="100%" height="100%">
                {trendChart(
                  months,
                  {
                    reported: t('innovation.programme.reported'),
                    resolved: t('innovation.programme.resolved'),
                    hidden,
                  },
                  f.int,
                )}
              </ResponsiveContainer>
            </CaseChart>
            {months.some((m) => m.suppressed) && <p className="muted">{t('suppression.note')}</p>}
          </div>
        )}
      </div>
      <footer className="slide-footer">
        <span>{footer}</span>
        <span className="slide-nav">
          <button type="button" onClick={() => move(-1)} aria-label={t('innovation.present.prev')}>
            ‹
          </button>
          <span data-testid="slide-counter">
            {index + 1} / {SLIDES.length}
          </span>
          <button type="button" onClick={() => move(1)} aria-label={t('innovation.present.next')}>
            ›
          </button>
          <button type="button" onClick={onClose} data-testid="close-presentation">
            {t('innovation.present.close')}
          </button>
        </span>
      </footer>
    </div>
  );
}
