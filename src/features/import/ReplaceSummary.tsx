import { useTranslation } from 'react-i18next';
import type { StoredKind } from '../../core/dataset/local-store';
import type { ImportReport } from '../../core/import';
import { useFormat } from '../../core/ui/use-format';

const ALL: readonly StoredKind[] = ['households', 'agents', 'cases', 'boundaries'];

/** The data in use now: its name (null: the demo) and the tables it holds. */
export interface CurrentData {
  name: string | null;
  kinds: readonly StoredKind[];
}

interface ReplaceSummaryProps {
  current: CurrentData;
  reports: Partial<Record<StoredKind, ImportReport>>;
}

/** The heading and the data in use now (its name and tables), which an import replaces. */
export function ReplacesCurrent({ current }: { current: CurrentData }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t('importCheck.replacesTitle')}</strong>
      <p>
        {t('importCheck.replacesCurrent', {
          name: current.name ?? t('importCheck.demoName'),
          tables: current.kinds.map((kind) => t(`importCheck.table_${kind}`)).join(', '),
        })}
      </p>
    </>
  );
}

/**
 * Before "Gunakan data ini": the data in use now (its name and tables), what this import holds (tables with valid
 * rows) and which tables it does not hold. Facts only: what the app then does with a missing table is the loader's.
 */
export function ReplaceSummary({ current, reports }: ReplaceSummaryProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const table = (kind: StoredKind) => t(`importCheck.table_${kind}`);
  const usable = ALL.filter((kind) => {
    const report = reports[kind];
    return report && !report.fatal && report.validRows > 0;
  });
  const missing = ALL.filter((kind) => !usable.includes(kind));
  return (
    <div className="replace-summary" data-testid="import-replaces">
      <ReplacesCurrent current={current} />
      <p>
        {t('importCheck.contains', {
          tables: usable
            .map((kind) =>
              t('importCheck.containsRows', {
                table: table(kind),
                rows: f.int(reports[kind]?.validRows ?? 0),
              }),
            )
            .join(', '),
        })}
      </p>
      {missing.length > 0 && (
        <p data-testid="import-missing">
          {t('importCheck.missing', { tables: missing.map(table).join(', ') })}
        </p>
      )}
    </div>
  );
}
