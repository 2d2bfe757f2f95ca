import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSource } from '../../core/dataset/dataset-source';
import { fetchJsonIfPresent } from '../../core/dataset/fetch-bytes';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { MapExportDialog } from '../../core/map/MapExportDialog';
import { officialSheet } from '../../core/map/sheet-frame';
import type { PlaceName } from '../../core/sql/places';
import type { LegendItem } from '../../core/ui/Legend';
import { useFormat } from '../../core/ui/use-format';
import type { AreaStat, PlannerFilters } from './data/planner-queries';
import { filterPlaceNames } from './export-about';
import { describeFilters, plannerSheetTheme } from './map-sheet';

interface PlannerMapExportProps {
  source: Pick<DatasetSource, 'name' | 'date' | 'synthetic'>;
  areas: readonly AreaStat[];
  /** Codes of the areas hidden by small-group suppression. */
  hidden: ReadonlySet<string>;
  level: 'village' | 'district';
  fillByCode: ReadonlyMap<string, string>;
  /** The legend's classes and other entries as on screen, without counts. */
  classes: LegendItem[];
  extra: LegendItem[];
  /** What is mapped ("… per desa/kelurahan"; export-about.ts plannerTitle). */
  title: string;
  legendTitle: string;
  /** Classification method and data source, as under the legend. */
  note: string;
  filters: PlannerFilters;
  places: readonly PlaceName[];
  fileStem: string;
}

/** The "Peta PNG…" button: disabled, kept in its place, while the map's figures load (no `onOpen`). */
export function MapExportButton({ onOpen }: { onOpen?: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="secondary small"
      data-testid={onOpen ? 'open-map-export' : undefined}
      disabled={!onOpen}
      onClick={onOpen}
    >
      {t('mapExport.button')}
    </button>
  );
}

/** "Peta PNG…": the planner's current map as an official sheet (title, legend, inset, sources). */
export function PlannerMapExport(props: PlannerMapExportProps) {
  const { boundaries } = useLoadedData();
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [province, setProvince] = useState<FeatureCollection | null | undefined>(undefined);
  useEffect(() => {
    if (open && province === undefined)
      void fetchJsonIfPresent('iid/inset-bengkulu-province.geojson').then(
        (p) => setProvince((p as FeatureCollection | null) ?? null),
        () => setProvince(null),
      );
  }, [open, province]);

  const sheet = () => {
    const theme = plannerSheetTheme({
      areas: props.areas,
      hidden: props.hidden,
      level: props.level,
      villageCodes: boundaries.villages.features.map((v) => String(v.properties?.village_code)),
      fillByCode: props.fillByCode,
      classes: props.classes,
      extra: props.extra,
      title: props.title,
      legendTitle: props.legendTitle,
      labels: { noData: t('legend.noData'), suppressed: t('suppression.legend') },
    });
    const filters = describeFilters(props.filters, filterPlaceNames(props.filters, props.places), t);
    return officialSheet(
      {
        boundaries: boundaries,
        province: province ?? null,
        datasetName: props.source.name,
        datasetDate: props.source.date,
        synthetic: props.source.synthetic,
        locale: f.locale,
        t,
      },
      theme,
      [`${props.note}.`, filters],
    );
  };

  return (
    <>
      <MapExportButton onOpen={() => setOpen(true)} />
      {open && <MapExportDialog sheet={sheet} fileStem={props.fileStem} onClose={() => setOpen(false)} />}
    </>
  );
}
