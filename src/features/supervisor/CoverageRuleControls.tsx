import { useTranslation } from 'react-i18next';
import { DISTANCE_LIMIT_M, VISIT_WINDOW_DAYS } from '../../core/coverage-engine';
import { useFormat } from '../../core/ui/use-format';
import { DISTANCE_STEP_M, VISIT_STEP_DAYS } from './coverage-ahead';

interface RangeSettingProps {
  label: string;
  help: string;
  /** The value as the user reads it. */
  shown: string;
  value: number;
  range: readonly [number, number];
  step: number;
  onChange: (value: number) => void;
  /** Test ids: `${testId}` for the slider, `${testId}-value` for the value shown. */
  testId: string;
}

function RangeSetting({ label, help, shown, value, range, step, onChange, testId }: RangeSettingProps) {
  return (
    <label className="field" title={help}>
      <span>
        {label}: <output data-testid={`${testId}-value`}>{shown}</output>
      </span>
      <input
        type="range"
        data-testid={testId}
        min={range[0]}
        max={range[1]}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}

interface ControlProps {
  value: number;
  onChange: (value: number) => void;
}

/** The coverage distance limit, 0.25–10 km in steps of 250 m. */
export function ThresholdControl({ value, onChange }: ControlProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <RangeSetting
      label={t('supervisor.threshold')}
      help={t('supervisor.thresholdHelp')}
      shown={`${f.limitKm(value)} km`}
      value={value}
      range={DISTANCE_LIMIT_M}
      step={DISTANCE_STEP_M}
      onChange={onChange}
      testId="threshold"
    />
  );
}

/**
 * The visit window, 30–365 days: a near family counts as terjangkau only when visited within it. Steps of five
 * days reach both ends and the usual 60, 90 and 180.
 */
export function VisitWindowControl({ value, onChange }: ControlProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <RangeSetting
      label={t('supervisor.visitDays')}
      help={t('supervisor.visitDaysHelp')}
      shown={t('supervisor.days', { n: f.int(value) })}
      value={value}
      range={VISIT_WINDOW_DAYS}
      step={VISIT_STEP_DAYS}
      onChange={onChange}
      testId="visit-days"
    />
  );
}
