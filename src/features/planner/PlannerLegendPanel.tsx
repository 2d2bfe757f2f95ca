import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { MAP_COLORS } from '../../core/map/palette';
import type { PlaceName } from '../../core/sql/places';
import { FoldingLegend } from '../../core/ui/FoldingLegend';
import { Legend } from '../../core/ui/Legend';
import { useFormat } from '../../core/ui/use-format';
import type { Choropleth } from './choropleth';
import { DataQualityLegend } from './DataQualityLegend';
import type { AreaStat, PlannerFilters } from './data/planner-queries';
import { plannerTitle } from './export-about';
import { MapExportButton, PlannerMapExport } from './PlannerMapExport';
import { NEED_POINT_COLOR, NO_NEED_POINT_COLOR, OUTSIDE_COLOR, UNCLASSIFIED_COLOR } from './planner-layers';
import type { PlannerLegend } from './planner-legend';
import type { SqlMapResult } from './sql/SqlPanel';
import type { PlannerUrlState } from './url-state';
import { POINTS_ZOOM } from './use-need-points';

/** What the official map sheet needs beyond the legend: the classified areas and where they are. */
export interface SheetInput {
  map: Choropleth;
  areas: readonly AreaStat[];
  hidden: ReadonlySet<string>;
  level: 'village' | 'district';
  outsideCount: number;
  comparing: boolean;
  filters: PlannerFilters;
  places: readonly PlaceName[];
  fileStem: string;
}

interface PlannerLegendPanelProps {
  legend: PlannerLegend;
  layers: PlannerUrlState['layers'];
  /** The legend class the user picked (its colour). */
  picked: string | null;
  onPick: (color: string | null) => void;
  /** null while the area figures load. */
  sheet: SheetInput | null;
  /** What an SQL query put on the map, if anything. */
  sqlMap: SqlMapResult | null;
  onClearSql: () => void;
}

/** The key of an SQL result on the map (its own colour and shape), with the way to take it off. */
function SqlResultLegend({ result, onClear }: { result: SqlMapResult; onClear: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const villages = result.kind === 'villages';
  const count = villages ? new Set(result.codes).size : result.positions.length / 2;
  return (
    <>
      <Legend
        testId="sql-legend"
        title={t('planner.legend.sqlTitle')}
        items={[
          {
            color: MAP_COLORS.sqlResult,
            shape: villages ? 'outline' : 'dot',
            label: t(villages ? 'planner.legend.sqlVillages' : 'planner.legend.sqlPoints', {
              count: f.int(count),
            }),
          },
        ]}
      />
      <button type="button" className="secondary small" data-testid="sql-legend-clear" onClick={onClear}>
        {t('planner.sql.clearMap')}
      </button>
    </>
  );
}

/**
 * The map's floating legend: the area classes (or the density ramp when only a heatmap or hexagons are on), the
 * official sheet export, the data-quality counts and the household points' key. Collapsible: on a small screen
 * it would hide part of the regency.
 */
export function PlannerLegendPanel(props: PlannerLegendPanelProps) {
  const { dataset } = useLoadedData();
  const { t } = useTranslation();
  const { legend, layers, sheet } = props;
  const c = sheet?.map.classification;
  return (
    <FoldingLegend className="planner-legend" toggleTestId="legend-toggle">
      {layers.choropleth || !(layers.heatmap || layers.hexagon) ? (
        <Legend
          title={legend.title}
          items={legend.items}
          note={legend.note}
          onPick={props.onPick}
          picked={props.picked}
        />
      ) : (
        <Legend
          title={legend.measureLabel}
          items={legend.densityItems}
          note={`${t(layers.hexagon ? 'planner.legend.hexagonNote' : 'planner.legend.heatmapNote')} · ${legend.source}`}
        />
      )}
      {/* The sheet is the area map: offered while it is on screen (its button kept in place while it loads). */}
      {layers.choropleth && !sheet && <MapExportButton />}
      {layers.choropleth && sheet && (
        <PlannerMapExport
          source={dataset.source}
          areas={sheet.areas}
          hidden={sheet.hidden}
          level={sheet.level}
          fillByCode={sheet.map.fillByCode}
          classes={sheet.map.labels.map((label, k) => ({ color: sheet.map.colors[k] as string, label }))}
          extra={[
            ...(c && c.unclassified > 0
              ? [{ color: UNCLASSIFIED_COLOR, label: t('planner.legend.unclassified') }]
              : []),
            ...(sheet.outsideCount > 0 ? [{ color: OUTSIDE_COLOR, label: t('planner.legend.outside') }] : []),
          ]}
          title={plannerTitle(sheet.level, legend, sheet.comparing, t)}
          legendTitle={legend.title}
          note={legend.note}
          filters={sheet.filters}
          places={sheet.places}
          fileStem={sheet.fileStem}
        />
      )}
      {props.sqlMap && <SqlResultLegend result={props.sqlMap} onClear={props.onClearSql} />}
      <DataQualityLegend reports={dataset.reports} />
      {layers.points && (
        <Legend
          testId="household-legend"
          title={t('planner.legend.households', { zoom: POINTS_ZOOM })}
          items={[
            { color: NEED_POINT_COLOR, label: t('planner.legend.withNeed') },
            { color: NO_NEED_POINT_COLOR, label: t('planner.legend.withoutNeed') },
          ]}
        />
      )}
    </FoldingLegend>
  );
}
