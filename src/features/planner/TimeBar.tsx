import { lazy, memo, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldsByDefault } from '../../core/ui/phone';
import type { MonthBin } from './data/planner-queries';
import { CHART_MARGIN, monthLabel } from './month-label';
import { COMPARE_MONTHS, type CompareMonths } from './url-state';

interface TimeBarProps {
  months: MonthBin[];
  month: string | null;
  playing: boolean;
  onMonth: (month: string | null) => void;
  onPlaying: (playing: boolean) => void;
  /** Months back the map compares with (0: none); offered once a month is chosen. */
  compare: CompareMonths;
  onCompare: (compare: CompareMonths) => void;
  /** What the map counts at this step (need flags, or cases open at the month's end), in words. */
  counts: string;
  /** Only households with a case open at each month's end are known (aggregate data): the bars show those. */
  openOnly?: boolean;
}

const STEP_MS = 1200;
// The chart's code is fetched after the first map: the slider and its words do not wait for it.
const MonthHistogram = lazy(() => import('./MonthHistogram'));

/** Month slider with play/pause over a histogram of cases reported and resolved. */
export const TimeBar = memo(function TimeBar({
  months,
  month,
  playing,
  onMonth,
  onPlaying,
  compare,
  onCompare,
  counts,
  openOnly = false,
}: TimeBarProps) {
  const { t, i18n } = useTranslation();
  const index = month ? months.findIndex((m) => m.month === month) : -1;
  const label = monthLabel(i18n.language);
  const [chartAtFirst] = useState(() => !foldsByDefault());

  useEffect(() => {
    if (!playing || months.length === 0) return;
    const timer = window.setTimeout(
      () => {
        const next = index + 1;
        if (next >= months.length) onPlaying(false);
        else onMonth(months[next]?.month ?? null);
      },
      index < 0 ? 0 : STEP_MS,
    );
    return () => window.clearTimeout(timer);
  }, [playing, index, months, onMonth, onPlaying]);

  return (
    <section className="time-bar" data-testid="time-bar" aria-label={t('planner.time.title')}>
      <div className="time-controls">
        <button
          type="button"
          data-testid="play"
          aria-pressed={playing}
          onClick={() => {
            if (!playing && index === months.length - 1) onMonth(months[0]?.month ?? null);
            onPlaying(!playing);
          }}
        >
          {playing ? `❚❚ ${t('planner.time.pause')}` : `▶ ${t('planner.time.play')}`}
        </button>
        <input
          type="range"
          min={0}
          max={Math.max(0, months.length - 1)}
          value={Math.max(0, index)}
          data-testid="month-slider"
          aria-label={t('planner.time.month')}
          onChange={(e) => onMonth(months[Number(e.target.value)]?.month ?? null)}
        />
        <strong data-testid="month-label">{month ? label(month) : t('planner.time.all')}</strong>
        <span className="muted" data-testid="time-counts">
          {counts}
        </span>
        {month && (
          <label className="compare">
            {t('planner.compare.label')}
            <select
              data-testid="compare-select"
              value={compare}
              onChange={(e) => onCompare(Number(e.target.value) as CompareMonths)}
            >
              {COMPARE_MONTHS.map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? t('planner.compare.none') : t('planner.compare.monthsBack', { count: m })}
                </option>
              ))}
            </select>
          </label>
        )}
        {month && (
          <button type="button" className="secondary" data-testid="month-clear" onClick={() => onMonth(null)}>
            {t('planner.time.clear')}
          </button>
        )}
      </div>
      <details className="histogram" data-testid="histogram" open={chartAtFirst}>
        <summary className="muted" data-testid="histogram-toggle">
          {t('planner.time.chart')}
        </summary>
        <div className="histogram-plot">
          <Suspense fallback={<div className="histogram-placeholder" />}>
            <MonthHistogram months={months} language={i18n.language} openOnly={openOnly} />
          </Suspense>
          {index >= 0 && (
            // The current month marked over the chart (the chart itself is not redrawn per step).
            <div
              className="histogram-marker"
              data-testid="histogram-marker"
              style={{
                left: `calc((100% - ${CHART_MARGIN.right}px) * ${(index + 0.5) / months.length})`,
              }}
            />
          )}
        </div>
        <div className="histogram-key muted">
          {openOnly ? (
            <>
              <span className="swatch" style={{ background: '#fd8d3c' }} /> {t('planner.time.openHouseholds')}
            </>
          ) : (
            <>
              <span className="swatch" style={{ background: '#fd8d3c' }} /> {t('planner.time.reported')}
              <span className="swatch" style={{ background: '#2b8cbe' }} /> {t('planner.time.resolved')}
            </>
          )}
          {months.length > 0 && (
            <span>
              {label(months[0]?.month ?? '')} – {label(months[months.length - 1]?.month ?? '')}
            </span>
          )}
        </div>
      </details>
    </section>
  );
});
