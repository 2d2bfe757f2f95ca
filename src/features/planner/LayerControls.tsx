import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Segmented } from '../../core/ui/Segmented';
import { useUnavailable } from '../../core/ui/table-status';
import type { PlannerUrlState } from './url-state';

const LEVELS = ['village', 'district'] as const;

type Layers = PlannerUrlState['layers'];
const LAYERS: readonly (keyof Layers)[] = ['choropleth', 'heatmap', 'hexagon', 'points'];

interface LayerControlsProps {
  level: 'village' | 'district';
  layers: Layers;
  opacity: number;
  onLevel: (level: 'village' | 'district') => void;
  onLayers: (layers: Layers) => void;
  onOpacity: (opacity: number) => void;
}

/** Drill level (villages ↔ kecamatan), layer toggles and opacity. */
export const LayerControls = memo(function LayerControls({
  level,
  layers,
  opacity,
  onLevel,
  onLayers,
  onOpacity,
}: LayerControlsProps) {
  const { t } = useTranslation();
  // Heatmap, hexagons and points are drawn from the homes: not from village figures.
  const unavailable = useUnavailable()(['households']);
  return (
    <section className="control-group" aria-label={t('planner.layers.title')}>
      <Segmented
        label={t('planner.layers.level')}
        options={LEVELS}
        value={level}
        onChange={onLevel}
        optionLabel={(l) => t(`planner.level.${l}`)}
        testIdPrefix="level"
      />
      <div className="layer-toggles">
        {LAYERS.map((key) => (
          <label
            key={key}
            className="check"
            title={key !== 'choropleth' ? (unavailable ?? undefined) : undefined}
          >
            <input
              type="checkbox"
              data-testid={`layer-${key}`}
              disabled={key !== 'choropleth' && unavailable !== null}
              checked={layers[key]}
              onChange={(e) => onLayers({ ...layers, [key]: e.target.checked })}
            />
            {t(`planner.layers.${key}`)}
          </label>
        ))}
      </div>
      <label className="field inline">
        <span>{t('planner.layers.opacity')}</span>
        <input
          type="range"
          min={10}
          max={100}
          step={5}
          data-testid="opacity"
          value={Math.round(opacity * 100)}
          onChange={(e) => onOpacity(Number(e.target.value) / 100)}
        />
        <output>{Math.round(opacity * 100)} %</output>
      </label>
    </section>
  );
});
