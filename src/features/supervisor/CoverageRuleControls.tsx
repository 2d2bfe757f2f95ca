import { useTranslation } from 'react-i18next';
import { VISIT_WINDOW_DAYS } from '../../core/coverage-engine';
import { useFormat } from '../../core/ui/use-format';

export const THRESHOLD_MIN_M = 250;
export const THRESHOLD_MAX_M = 10_000;
const STEP_M = 250;
/** 30, 35, … 365: every five days reaches both ends and the usual 60, 90 and 180. */
const VISIT_STEP_DAYS = 5;

/** The coverage distance limit, 0.25–10 km. */
export function ThresholdControl({ value, onChange }: { value: number; onChange: (m: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <label className="field" title={t('supervisor.thresholdHelp')}>
      <span>
        {t('supervisor.threshold')}: <output data-testid="threshold-value">{f.dec(value / 1000)} km</output>
      </span>
      <input
        type="range"
        data-testid="threshold"
        min={THRESHOLD_MIN_M}
        max={THRESHOLD_MAX_M}
        step={STEP_M}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}

/** The visit window, 30–365 days: a near family counts as terjangkau only when visited within it. */
export function VisitWindowControl({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [min, max] = VISIT_WINDOW_DAYS;
  return (
    <label className="field" title={t('supervisor.visitDaysHelp')}>
      <span>
        {t('supervisor.visitDays')}:{' '}
        <output data-testid="visit-days-value">{t('supervisor.days', { n: f.int(value) })}</output>
      </span>
      <input
        type="range"
        data-testid="visit-days"
        min={min}
        max={max}
        step={VISIT_STEP_DAYS}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}
