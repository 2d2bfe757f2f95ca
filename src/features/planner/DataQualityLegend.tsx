import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../../core/dataset/loaded-context';
import type { ImportReport } from '../../core/import';
import { HOUSEHOLD_DATA_QUALITY_SQL, type HouseholdDataQuality } from '../../core/sql/queries';
import { queryRows } from '../../core/sql/sql-client';
import { useDatasetAnswer } from '../../core/ui/use-dataset-answer';
import { useFormat } from '../../core/ui/use-format';

/**
 * Data quality beside the legend, as DHIS2 Maps keeps it: households without coordinates, outside the
 * regency, with an unknown village — rows the importer rejected plus rows loaded as they are.
 */
export function DataQualityLegend({ reports }: { reports: readonly ImportReport[] }) {
  const { client } = useLoadedData();
  const { t } = useTranslation();
  const f = useFormat();
  const loaded = useDatasetAnswer(
    client,
    'household-data-quality',
    async () => (await queryRows<HouseholdDataQuality>(client, HOUSEHOLD_DATA_QUALITY_SQL))[0] ?? null,
  ).data;
  const rejected = reports.find((r) => r.kind === 'households')?.dataQuality;
  if (!loaded) return null;
  const rows: [string, number][] = [
    ['noCoordinates', loaded.no_coordinates + (rejected?.noCoordinates ?? 0)],
    ['outsideRegency', loaded.outside_regency + (rejected?.outsideRegency ?? 0)],
    ['unknownVillage', loaded.unknown_village + (rejected?.unknownVillage ?? 0)],
    ...(rejected ? ([['farFromVillage', rejected.farFromVillage]] as [string, number][]) : []),
  ];
  return (
    <section className="legend data-quality" data-testid="data-quality">
      <h3>{t('import.dataQuality')}</h3>
      <ul>
        {rows.map(([key, n]) => (
          <li key={key} data-testid={`dq-${key}`}>
            {t(`import.dq_${key}`)}: <strong>{f.int(n)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
