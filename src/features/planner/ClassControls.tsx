import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLASS_METHODS,
  type ClassMethod,
  MAX_CLASSES,
  MIN_CLASSES,
  parseBreaks,
} from '../../core/classify/classify';
import { RAMP_NAMES, RAMPS, type RampName } from './planner-layers';

interface ClassControlsProps {
  method: ClassMethod;
  classes: number;
  breaks: number[];
  ramp: RampName;
  onChange: (patch: { method?: ClassMethod; classes?: number; breaks?: number[]; ramp?: RampName }) => void;
}

const CLASS_COUNTS = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);

/** Classification method, number of classes, manual breaks and colour ramp. */
export const ClassControls = memo(function ClassControls({
  method,
  classes,
  breaks,
  ramp,
  onChange,
}: ClassControlsProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(breaks.join('; '));
  useEffect(() => setText(breaks.join('; ')), [breaks]);
  return (
    <section className="control-group" aria-label={t('planner.class.title')}>
      <div className="row">
        <label className="field grow">
          <span>{t('planner.class.method')}</span>
          <select
            data-testid="method-select"
            value={method}
            onChange={(e) => onChange({ method: e.target.value as ClassMethod })}
          >
            {CLASS_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`planner.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('planner.class.classes')}</span>
          <select
            data-testid="classes-select"
            value={classes}
            disabled={method === 'manual'}
            onChange={(e) => onChange({ classes: Number(e.target.value) })}
          >
            {CLASS_COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      {method === 'manual' && (
        <label className="field">
          <span>{t('planner.class.breaks')}</span>
          <input
            type="text"
            data-testid="manual-breaks"
            value={text}
            placeholder="0; 10; 20; 40"
            onChange={(e) => setText(e.target.value)}
            onBlur={() => onChange({ breaks: parseBreaks(text) })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange({ breaks: parseBreaks(text) });
            }}
          />
        </label>
      )}
      <label className="field">
        <span>{t('planner.class.ramp')}</span>
        <select
          data-testid="ramp-select"
          value={ramp}
          onChange={(e) => onChange({ ramp: e.target.value as RampName })}
        >
          {RAMP_NAMES.map((r) => (
            <option key={r} value={r}>
              {t(`planner.ramp.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="ramp-preview" aria-hidden="true">
        {RAMPS[ramp].map((c) => (
          <span key={c} style={{ background: c }} />
        ))}
      </div>
    </section>
  );
});
