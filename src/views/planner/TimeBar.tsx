import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthBin } from '../../data/planner-queries';

interface TimeBarProps {
  months: MonthBin[];
  month: string | null;
  playing: boolean;
  onMonth: (month: string | null) => void;
  onPlaying: (playing: boolean) => void;
}

const STEP_MS = 1200;

/** Month slider with play/pause over a histogram of cases reported and resolved. */
export const TimeBar = memo(function TimeBar({ months, month, playing, onMonth, onPlaying }: TimeBarProps) {
  const { t, i18n } = useTranslation();
  const index = month ? months.findIndex((m) => m.month === month) : -1;
  const label = (m: string) =>
    new Date(`${m}-01T00:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
      month: 'short',
      year: 'numeric',
    });

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
        {month && (
          <button type="button" className="secondary" data-testid="month-clear" onClick={() => onMonth(null)}>
            {t('planner.time.clear')}
          </button>
        )}
      </div>
      <div className="histogram" data-testid="histogram">
        <ResponsiveContainer width="100%" height={70}>
          <BarChart data={months} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barGap={0}>
            <XAxis dataKey="month" hide />
            <YAxis hide />
            <Tooltip labelFormatter={(m) => label(String(m))} />
            <Bar
              dataKey="reported"
              name={t('planner.time.reported')}
              fill="#fd8d3c"
              isAnimationActive={false}
            />
            <Bar
              dataKey="resolved"
              name={t('planner.time.resolved')}
              fill="#2b8cbe"
              isAnimationActive={false}
            />
            {month && <ReferenceLine x={month} stroke="#111" strokeWidth={2} />}
          </BarChart>
        </ResponsiveContainer>
        <div className="histogram-key muted">
          <span className="swatch" style={{ background: '#fd8d3c' }} /> {t('planner.time.reported')}
          <span className="swatch" style={{ background: '#2b8cbe' }} /> {t('planner.time.resolved')}
          {months.length > 0 && (
            <span>
              {label(months[0]?.month ?? '')} – {label(months[months.length - 1]?.month ?? '')}
            </span>
          )}
        </div>
      </div>
    </section>
  );
});
