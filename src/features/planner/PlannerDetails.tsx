import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportAbout } from '../../core/export/table-export';
import { Tabs } from '../../core/ui/Tabs';
import { useAggregatesOnly } from '../../core/ui/table-status';
import { type AreaRow, AreaTable } from './AreaTable';
import type { AreaStat, PlannerQuery, PlannerUnit } from './data/planner-queries';
import { type SqlMapResult, SqlPanel } from './sql/SqlPanel';
import type { PlannerUrlState } from './url-state';

// The profile's charts are fetched when a village's profile is first opened, not before the first map.
const VillageProfile = lazy(() => import('./VillageProfile').then((m) => ({ default: m.VillageProfile })));

interface PlannerDetailsProps {
  query: PlannerQuery;
  tab: PlannerUrlState['tab'];
  selected: string | null;
  selectedStat: AreaStat | undefined;
  onTab: (tab: PlannerUrlState['tab']) => void;
  onCloseProfile: () => void;
  rows: AreaRow[];
  hiddenCodes: () => Promise<ReadonlySet<string>>;
  level: 'village' | 'district';
  score: boolean;
  unit: PlannerUnit;
  fileStem: string;
  caption: string | null;
  /** What the table's export contains (export-about.ts). */
  exportAbout: { contents: string; settings: ExportAbout };
  onSelect: (row: AreaRow) => void;
  onShowOnMap: (result: SqlMapResult | null) => void;
}

/** The planner's right-hand pane: the area table, the village profile and the SQL panel, as tabs. */
export function PlannerDetails(props: PlannerDetailsProps) {
  const { t } = useTranslation();
  const { tab, selected, selectedStat } = props;
  // Village figures only: the profile and SQL need household rows (they say so).
  const aggregatesOnly = useAggregatesOnly();
  return (
    <aside className="planner-details">
      <Tabs
        tabs={['table', 'profile', 'sql'] as const}
        value={tab}
        onChange={props.onTab}
        label={(key) => t(`planner.tabs.${key}`)}
        testIdPrefix="tab-"
      />
      {tab === 'table' && (
        <AreaTable
          rows={props.rows}
          hiddenCodes={props.hiddenCodes}
          level={props.level}
          selectedCode={selected}
          score={props.score}
          unit={props.unit}
          fileStem={props.fileStem}
          caption={props.caption}
          contents={props.exportAbout.contents}
          settings={props.exportAbout.settings}
          onSelect={props.onSelect}
        />
      )}
      {(tab === 'profile' || tab === 'sql') && aggregatesOnly && (
        <p className="warning" data-testid="needs-households">
          {t('storage.needsHouseholds')}
        </p>
      )}
      {tab === 'profile' &&
        !aggregatesOnly &&
        (selected && selectedStat ? (
          <Suspense fallback={<p className="muted">{t('viewError.loading')}</p>}>
            <VillageProfile
              query={props.query}
              code={selected}
              stat={selectedStat}
              onClose={props.onCloseProfile}
            />
          </Suspense>
        ) : (
          <p className="muted">{t('planner.profile.hint')}</p>
        ))}
      {tab === 'sql' && !aggregatesOnly && <SqlPanel onShowOnMap={props.onShowOnMap} />}
    </aside>
  );
}
