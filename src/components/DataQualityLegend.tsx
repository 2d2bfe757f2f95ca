import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../data/import';
import { HOUSEHOLD_DATA_QUALITY_SQL, type HouseholdDataQuality } from '../data/queries';
import { queryRows, type SqlClient } from '../data/sql-client';
import { useAsync } from './use-async';
import { useFormat } from './use-format';

/**
 * Data quality beside the legend, as DHIS2 Maps keeps it: households without coordinates, outside the
 * regency, with an unknown village — rows the importer rejected plus rows loaded as they are.
 */
export function DataQualityLegend({
  client,
  reports,
}: {
  client: SqlClient;
  reports: readonly ImportReport[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const loaded = useAsync(
    async () => (await queryRows<HouseholdDataQuality>(client, HOUSEHOLD_DATA_QUALITY_SQL))[0] ?? null,
    [client],
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
