import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/ui/use-format';

export const THRESHOLD_MIN_M = 250;
export const THRESHOLD_MAX_M = 10_000;
const STEP_M = 250;

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
