import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadedDataContext } from '../core/dataset/loaded-context';
import { DamagedDatasetError } from '../core/dataset/local-store';
import { ALL_LOADED } from '../core/dataset/table-status';
import { ErrorBoundary } from '../core/ui/ErrorBoundary';
import { type Navigation, NavigationContext } from '../core/ui/navigation';
import { SettingsNotices } from '../core/ui/SettingsNotices';
import { publishNotices } from '../core/ui/settings-notices';
import { TableStatusContext } from '../core/ui/table-status';
import { useUrlSync } from '../core/url/use-url-sync';
import { DamagedDataset } from '../features/import/DamagedDataset';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { InnovationView } from '../features/innovation/InnovationView';
import { PlannerView } from '../features/planner/PlannerView';
import { SupervisorView } from '../features/supervisor/SupervisorView';
import { readSupervisorVillage, supervisorVillageSearch } from '../features/supervisor/url-state';
import { Header } from './Header';
import { ErrorScreen, LoadingScreen } from './LoadingScreen';
import { parseSectionState, type SectionUrlState, writeSectionState } from './section-url-state';
import { parseUrlState, type UrlState, writeUrlState } from './url-state';
import { serverDatasetName, useDashboard } from './use-dashboard';

export function App() {
  const { t } = useTranslation();
  const state = useDashboard();
  const [fromLink] = useState(() => parseUrlState(window.location.search));
  const [ui, setUi] = useState<UrlState>(fromLink.state);
  const [sectionLink] = useState(() => parseSectionState(window.location.search));
  const [sectionUi, setSectionUi] = useState<SectionUrlState>(sectionLink.state);
  useEffect(
    () => publishNotices('app-link', [...fromLink.notices, ...sectionLink.notices]),
    [fromLink, sectionLink],
  );

  useUrlSync(ui, writeUrlState);
  useUrlSync(sectionUi, writeSectionState);
  // Sections change in place (the dataset stays loaded); Back and Forward restore what the address says.
  useEffect(() => {
    const onPop = () => {
      setUi(parseUrlState(window.location.search).state);
      setSectionUi(parseSectionState(window.location.search).state);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigation = useMemo<Navigation>(
    () => ({
      supervisorVillageHref: (code) => supervisorVillageSearch(window.location.search, code),
      openSupervisorVillage: (code) => {
        window.history.pushState(null, '', supervisorVillageSearch(window.location.search, code));
        setUi((u) => ({ ...u, section: 'supervisor' }));
      },
    }),
    [],
  );
  const [published, setPublished] = useState<string | null>(null);
  useEffect(() => void serverDatasetName().then(setPublished), []);

  const loaded = state.status === 'loaded' ? state : null;
  return (
    <TableStatusContext.Provider value={loaded?.dataset.tables ?? ALL_LOADED}>
      <NavigationContext.Provider value={navigation}>
        <div className="app">
          <Header
            section={ui.section}
            onSection={(section) => setUi((u) => ({ ...u, section }))}
            datasetName={loaded?.dataset.source.name ?? null}
            datasetDate={loaded?.dataset.source.date ?? null}
            synthetic={loaded?.dataset.source.synthetic ?? false}
            datasetControls={
              <DatasetMenu
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
                <DamagedDataset name={state.error.datasetName} published={published} />
              ) : (
                <ErrorScreen error={state.error} />
              ))}
            {loaded && (
              <LoadedDataContext.Provider value={loaded}>
                <ErrorBoundary
                  key={ui.section}
                  message={t('viewError.message')}
                  retry={t('viewError.retry')}
                  reload={t('viewError.reload')}
                >
                  {ui.section === 'planner' && (
                    <PlannerView
                      measure={ui.measure}
                      onMeasure={(measure) => setUi((u) => ({ ...u, measure }))}
                    />
                  )}
                  {ui.section === 'supervisor' && loaded.dataset.level === 'aggregates' && (
                    <div className="view-note" data-testid="needs-households">
                      <h2>{t('nav.supervisor')}</h2>
                      <p>{t('storage.needsHouseholds')}</p>
                      <p className="muted">{t('storage.supervisorNeedsHouseholds')}</p>
                    </div>
                  )}
                  {ui.section === 'supervisor' && loaded.dataset.level !== 'aggregates' && (
                    <SupervisorView
                      thresholdM={ui.thresholdM}
                      onThreshold={(thresholdM) => setUi((u) => ({ ...u, thresholdM }))}
                      linkedVillage={readSupervisorVillage(window.location.search)}
                      tab={sectionUi.supervisorTab}
                      onTab={(supervisorTab) => setSectionUi((u) => ({ ...u, supervisorTab }))}
                    />
                  )}
                  {ui.section === 'innovation' && (
                    <InnovationView
                      tab={sectionUi.innovationTab}
                      onTab={(innovationTab) => setSectionUi((u) => ({ ...u, innovationTab }))}
                      year={sectionUi.year}
                      onYear={(year) => setSectionUi((u) => ({ ...u, year }))}
                    />
                  )}
                </ErrorBoundary>
              </LoadedDataContext.Provider>
            )}
          </main>
        </div>
      </NavigationContext.Provider>
    </TableStatusContext.Provider>
  );
}
