import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_CODES } from '../../core/domain/schema';
import { Segmented } from '../../core/ui/Segmented';
import {
  DEFAULT_WEIGHTS,
  type NeedWeights,
  type PlannerNeed,
  type PlannerUnit,
} from './data/planner-queries';

const NEEDS: readonly PlannerNeed[] = ['any', ...NEED_CODES, 'score'];
const UNITS: readonly PlannerUnit[] = ['rate', 'count', 'density'];

interface MeasureControlsProps {
  need: PlannerNeed;
  unit: PlannerUnit;
  weights: NeedWeights;
  onNeed: (need: PlannerNeed) => void;
  onUnit: (unit: PlannerUnit) => void;
  onWeights: (weights: NeedWeights) => void;
}

/** What the map measures: a need, any need or the composite score; as count, rate or density. */
export const MeasureControls = memo(function MeasureControls({
  need,
  unit,
  weights,
  onNeed,
  onUnit,
  onWeights,
}: MeasureControlsProps) {
  const { t } = useTranslation();
  return (
    <section className="control-group" aria-label={t('planner.measure.title')}>
      <label className="field">
        <span>{t('measure.label')}</span>
        <select
          data-testid="need-select"
          value={need}
          onChange={(e) => onNeed(e.target.value as PlannerNeed)}
        >
          {NEEDS.map((m) => (
            <option key={m} value={m}>
              {m === 'score' ? t('planner.measure.score') : t(`measure.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <Segmented
        label={t('planner.measure.unit')}
        options={UNITS}
        value={unit}
        onChange={onUnit}
        optionLabel={(u) => t(`planner.unit.${u}`)}
        testIdPrefix="unit"
        testId="unit"
      />
      {need === 'score' && (
        <details className="weights" open data-testid="weights">
          <summary>{t('planner.measure.weights')}</summary>
          <p className="muted">
            {t('planner.measure.weightsNote', {
              defaults: NEED_CODES.map((c) => `${t(`measure.${c}`)} ${DEFAULT_WEIGHTS[c]}`).join(', '),
            })}
          </p>
          {NEED_CODES.map((c) => (
            <label key={c} className="weight">
              <span>{t(`measure.${c}`)}</span>
              <input
                type="range"
                min={0}
                max={5}
                step={1}
                value={weights[c]}
                data-testid={`weight-${c}`}
                onChange={(e) => onWeights({ ...weights, [c]: Number(e.target.value) })}
              />
              <output>{weights[c]}</output>
            </label>
          ))}
        </details>
      )}
    </section>
  );
});
