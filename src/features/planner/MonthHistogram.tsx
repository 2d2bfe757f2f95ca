import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthBin } from './data/planner-queries';
import { CHART_MARGIN, monthLabel } from './month-label';

/** Cases reported and resolved per month (redrawn only when the months or the language change). */
export default memo(function MonthHistogram({
  months,
  language,
  openOnly,
}: {
  months: MonthBin[];
  language: string;
  openOnly: boolean;
}) {
  const { t } = useTranslation();
  const label = monthLabel(language);
  return (
    <ResponsiveContainer width="100%" height={70}>
      <BarChart data={months} margin={CHART_MARGIN} barGap={0}>
        <XAxis dataKey="month" hide />
        <YAxis hide />
        <Tooltip labelFormatter={(m) => label(String(m))} />
        {openOnly ? (
          <Bar
            dataKey="open"
            name={t('planner.time.openHouseholds')}
            fill="#fd8d3c"
            isAnimationActive={false}
          />
        ) : (
          <>
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
          </>
        )}
      </BarChart>
    </ResponsiveContainer>
  );
});
