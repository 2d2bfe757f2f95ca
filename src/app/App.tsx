import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadedDataContext } from '../core/dataset/loaded-context';
import { DamagedDatasetError } from '../core/dataset/local-store';
import { ALL_LOADED } from '../core/dataset/table-status';
import { setDocumentState } from '../core/ui/document-state';
import { ErrorBoundary } from '../core/ui/ErrorBoundary';
import { type Navigation, NavigationContext } from '../core/ui/navigation';
import { SettingsNotices } from '../core/ui/SettingsNotices';
import { TableStatusContext } from '../core/ui/table-status';
import { readLink } from '../core/url/link-keys';
import { useLinkState } from '../core/url/use-link-state';
import { DamagedDataset } from '../features/import/DamagedDataset';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { PlannerView } from '../features/planner/PlannerView';
import { NeedsHouseholds } from '../features/supervisor/NeedsHouseholds';
import { supervisorVillageSearch } from '../features/supervisor/url-state';
import { Header, type Section } from './Header';
import { describeLoadFailure, ErrorScreen, LoadingScreen } from './LoadingScreen';
import { prepareSections } from './prepare-sections';
import { InnovationSection, SupervisorSection } from './sections';
import { APP_LINK, writeUrlState } from './url-state';
import { reloadDataset, serverDatasetName, useDashboard, useLoadNumber } from './use-dashboard';

export function App() {
  const { t, i18n } = useTranslation();
  const state = useDashboard();
  // Each load opens the dataset menu afresh (the sections open afresh whenever new data loads: they are not
  // shown while it does).
  const loadNumber = useLoadNumber();
  const [ui, setUi] = useLinkState(APP_LINK, 'app-link');
  // Sections change in place (the dataset stays loaded). Back and Forward restore what the address says: the
  // section opens again and reads its settings from it. The page is `loading` until the section is drawn.
  const [visit, setVisit] = useState(0);
  useEffect(() => {
    const onPop = () => {
      setDocumentState('loading');
      setUi(readLink(APP_LINK, window.location.search).state);
      setVisit((v) => v + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [setUi]);
  const navigation = useMemo<Navigation>(
    () => ({
      supervisorVillageHref: (code) => supervisorVillageSearch(window.location.search, code),
      openSupervisorVillage: (code) => {
        setDocumentState('loading');
        window.history.pushState(null, '', supervisorVillageSearch(window.location.search, code));
        setUi((u) => ({ ...u, section: 'supervisor' }));
      },
    }),
    [setUi],
  );
  // A section switch is a step in the browser's history: Back returns to the section left, as it was.
  const openSection = (section: Section) => {
    if (section === ui.section) return;
    const next = { ...ui, section };
    setDocumentState('loading');
    window.history.pushState(null, '', writeUrlState(window.location.search, next));
    setUi(next);
  };
  const [published, setPublished] = useState<string | null>(null);
  useEffect(() => void serverDatasetName().then(setPublished), []);

  const loaded = state.status === 'loaded' ? state : null;
  // Pengawasan is prepared once the first section has drawn (households data only: the engine needs them).
  const preparing = loaded?.dataset.level === 'households' ? loaded.client : null;
  useEffect(() => {
    if (preparing) prepareSections(preparing).catch(() => undefined);
  }, [preparing]);
  const supervisorNote = ui.section === 'supervisor' && loaded?.dataset.level === 'aggregates';
  return (
    <TableStatusContext.Provider value={loaded?.dataset.tables ?? ALL_LOADED}>
      <NavigationContext.Provider value={navigation}>
        <div className="app">
          <Header
            section={ui.section}
            onSection={openSection}
            datasetName={loaded?.dataset.source.name ?? null}
            datasetDate={loaded?.dataset.source.date ?? null}
            synthetic={loaded?.dataset.source.synthetic ?? false}
            datasetControls={
              <DatasetMenu
                key={loadNumber}
                onDatasetChange={reloadDataset}
                source={loaded?.dataset.source ?? null}
                reports={loaded?.dataset.reports ?? []}
                aggregateReport={loaded?.dataset.aggregateReport ?? null}
                tables={loaded?.dataset.tables ?? null}
                publishedName={published}
              />
            }
          />
          <SettingsNotices />
          <main aria-label={t(`nav.${ui.section}`)}>
            {state.status === 'loading' && <LoadingScreen progress={state.progress} />}
            {state.status === 'error' &&
              (state.error instanceof DamagedDatasetError ? (
                <DamagedDataset
                  name={state.error.datasetName}
                  published={published}
                  onDatasetChange={reloadDataset}
                />
              ) : (
                <ErrorScreen error={state.error} />
              ))}
            {loaded && (
              <LoadedDataContext.Provider value={loaded}>
                <ErrorBoundary
                  key={`${ui.section}:${visit}`}
                  message={t('viewError.message')}
                  retry={t('viewError.retry')}
                  reload={t('viewError.reload')}
                  explain={(error) =>
                    describeLoadFailure(error, t, i18n.language === 'en' ? 'en' : 'id').what
                  }
                >
                  <Suspense fallback={<p className="view-note">{t('viewError.loading')}</p>}>
                    {ui.section === 'planner' && (
                      <PlannerView
                        measure={ui.measure}
                        onMeasure={(measure) => setUi((u) => ({ ...u, measure }))}
                      />
                    )}
                    {supervisorNote && <NeedsHouseholds />}
                    {ui.section === 'supervisor' && !supervisorNote && (
                      <SupervisorSection
                        thresholdM={ui.thresholdM}
                        onThreshold={(thresholdM) => setUi((u) => ({ ...u, thresholdM }))}
                      />
                    )}
                    {ui.section === 'innovation' && <InnovationSection />}
                  </Suspense>
                </ErrorBoundary>
              </LoadedDataContext.Provider>
            )}
          </main>
        </div>
      </NavigationContext.Provider>
    </TableStatusContext.Provider>
  );
}
