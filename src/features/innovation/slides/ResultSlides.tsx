/** The programme slides: headline figures with cases by need, results by service channel, the monthly trend. */
import { useTranslation } from 'react-i18next';
import { ResponsiveContainer } from 'recharts';
import { useFormat } from '../../../core/ui/use-format';
import { ChannelTableView } from '../ChannelResults';
import { needChart, trendChart } from '../charts';
import type { ProgrammeSummary } from '../data/innovation-programme';
import { SUMMARY_NEEDS } from '../data/programme-availability';
import { figureText } from '../figure-text';
import type { DeckData } from './deck';
import { CaseChart } from './SlideParts';

export function FiguresSlide({ data, fontSize }: { data: DeckData; fontSize: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { programme, published, tables } = data;
  const hidden = t('suppression.hidden');
  /** The figure's text, and whether it is a number (else a short note, set smaller on the slide). */
  const figure = (key: keyof ProgrammeSummary, format: (n: number) => string) => {
    const value = programme.summary[key] as number | null;
    if (published.summary[key as keyof typeof published.summary] === null && value !== null)
      return { text: hidden, number: false };
    return { text: figureText(value, SUMMARY_NEEDS[key], tables, format, t), number: value !== null };
  };
  const kpis = [
    [t('innovation.programme.agents'), figure('agents_active', f.int)],
    [t('innovation.programme.families'), figure('families_reached', f.int)],
    [t('innovation.programme.coverage'), figure('coverage_pct', f.pct)],
    [t('innovation.programme.reported'), figure('cases_reported', f.int)],
    [t('innovation.programme.resolved'), figure('cases_resolved', f.int)],
    [
      t('innovation.programme.medianDays'),
      figure('median_days', (n) => t('innovation.programme.days', { n: f.int(n) })),
    ],
  ] as const;
  return (
    <div className="slide-body">
      <h2>{t('innovation.present.figures')}</h2>
      <div className="slide-kpis">
        {kpis.map(([label, value]) => (
          <div key={label} className="slide-kpi">
            <span className={value.number ? 'value' : 'value note'}>{value.text}</span>
            <span className="label">{label}</span>
          </div>
        ))}
      </div>
      <CaseChart className="slide-chart" tables={tables}>
        <ResponsiveContainer width="100%" height="100%">
          {needChart(published.needs, t, f.int, { fontSize })}
        </ResponsiveContainer>
      </CaseChart>
      {published.anyHidden && <p className="slide-small">{t('suppression.note')}</p>}
    </div>
  );
}

export function ChannelsSlide({ data }: { data: DeckData }) {
  const { t } = useTranslation();
  const table = data.channels;
  return (
    <div className="slide-body">
      <h2>{t('innovation.channels.slideTitle')}</h2>
      <p className="slide-lead">{t('innovation.channels.lead')}</p>
      {table === null ? (
        <CaseChart className="" tables={data.tables}>
          {null}
        </CaseChart>
      ) : (
        <ChannelTableView table={table} className="slide-table" testId="slide-channels" />
      )}
      {table?.anyHidden && <p className="slide-small">{t('suppression.note')}</p>}
    </div>
  );
}

export function TrendSlide({ data, fontSize }: { data: DeckData; fontSize: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { months } = data.published;
  const hidden = t('suppression.hidden');
  return (
    <div className="slide-body">
      <h2>{t('innovation.programme.trendTitle')}</h2>
      <CaseChart className="slide-chart tall" tables={data.tables}>
        <ResponsiveContainer width="100%" height="100%">
          {trendChart(
            months,
            {
              reported: t('innovation.programme.reported'),
              resolved: t('innovation.programme.resolved'),
              hidden,
            },
            f.int,
            { fontSize, month: f.month },
          )}
        </ResponsiveContainer>
      </CaseChart>
      {months.some((m) => m.suppressed) && <p className="slide-small">{t('suppression.note')}</p>}
    </div>
  );
}
