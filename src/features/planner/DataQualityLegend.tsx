import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../../core/dataset/loaded-context';
import type { ImportReport } from '../../core/import';
import { HOUSEHOLD_DATA_QUALITY_SQL, type HouseholdDataQuality } from '../../core/sql/queries';
import { queryRows } from '../../core/sql/sql-client';
import { useAggregatesOnly } from '../../core/ui/table-status';
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
  // Published figures have no households to count.
  const aggregatesOnly = useAggregatesOnly();
  const answer = useDatasetAnswer(
    client,
    'household-data-quality',
    async () => {
      // A scan of every household the first map does not need: asked once it is drawn and the database is
      // quiet (with a million households the map would otherwise wait behind it).
      await client.quiet?.();
      return (await queryRows<HouseholdDataQuality>(client, HOUSEHOLD_DATA_QUALITY_SQL))[0] ?? null;
    },
    !aggregatesOnly,
  );
  const rejected = reports.find((r) => r.kind === 'households')?.dataQuality;
  // Until the counts come, their rows are kept blank: the legend (and the map fitted clear of it) keeps its size.
  const loaded = answer.status === 'loading' ? 'pending' : answer.data;
  if (aggregatesOnly || !loaded) return null;
  const count = (key: keyof HouseholdDataQuality, rejectedCount = 0) =>
    loaded === 'pending' ? null : loaded[key] + rejectedCount;
  const rows: [string, number | null][] = [
    ['noCoordinates', count('no_coordinates', rejected?.noCoordinates)],
    ['outsideRegency', count('outside_regency', rejected?.outsideRegency)],
    ['unknownVillage', count('unknown_village', rejected?.unknownVillage)],
    ...(rejected ? ([['farFromVillage', rejected.farFromVillage]] as [string, number][]) : []),
  ];
  return (
    <section className="legend data-quality" data-testid="data-quality" aria-busy={loaded === 'pending'}>
      <h3>{t('import.dataQuality')}</h3>
      <ul>
        {rows.map(([key, n]) => (
          <li key={key} data-testid={n === null ? undefined : `dq-${key}`}>
            {t(`import.dq_${key}`)}:{' '}
            {n === null ? <span className="placeholder">{'\u00a0'}</span> : <strong>{f.int(n)}</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}
