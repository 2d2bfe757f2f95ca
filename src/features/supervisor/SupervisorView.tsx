import type { PickingInfo } from '@deck.gl/core';
import { bbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { baseStyle } from '../../core/map/base-style';
import { MapCanvas } from '../../core/map/MapCanvas';
import { NO_DATA_COLOR } from '../../core/map/palette';
import { householdLayer, villageFillLayer, villageLabelLayers } from '../../core/map/village-layers';
import { sessionPolicy } from '../../core/privacy/privacy';
import { BoundaryNotice } from '../../core/ui/BoundaryNotice';
import { setDocumentState } from '../../core/ui/document-state';
import { FailureNotice } from '../../core/ui/FailureNotice';
import { revealMap } from '../../core/ui/phone';
import { Tabs } from '../../core/ui/Tabs';
import { MissingTablesNote, useTableStatus } from '../../core/ui/table-status';
import { usePlaceNames } from '../../core/ui/use-place-names';
import { useLinkState } from '../../core/url/use-link-state';
import { AgentPanel } from './AgentPanel';
import { agentPseudonyms, agentRows } from './agent-list';
import { areaNames } from './area-names';
import { assignmentLines, type Selection } from './assignment-lines';
import { ThresholdControl, VisitWindowControl } from './CoverageRuleControls';
import { CoverageTable } from './CoverageTable';
import { type AssignmentLine, agentLayer, assignmentLineLayer, uncoveredPoints } from './coverage-layers';
import { type AreaRow, areaRows } from './coverage-rows';
import { OfficeTable } from './OfficeTable';
import { ProposalPanel } from './ProposalPanel';
import { SupervisorKpis } from './SupervisorKpis';
import { type MapMode, SupervisorLegend } from './SupervisorLegend';
import { parseSupervisorLink, SUPERVISOR_LINK, type SupervisorTab } from './url-state';
import { useCoverage } from './use-coverage';
import { useCoverageFacts } from './use-coverage-facts';
import { VillageTooltip } from './VillageTooltip';
import { villageFills } from './village-fills';

const MAX_LINES = 5000;

interface SupervisorViewProps {
  thresholdM: number;
  onThreshold: (m: number) => void;
}

/** Pengawasan: who is not covered, why, and the reassignment that closes the gap. */
export function SupervisorView({ thresholdM, onThreshold }: SupervisorViewProps) {
  const { client, config, boundaries, dataset } = useLoadedData();
  // The list shown and the village opened are kept in the link (a link or the planner's profile opens one).
  const [link, setLink] = useLinkState(SUPERVISOR_LINK, 'supervisor-link', parseSupervisorLink);
  const tab = link.tab;
  const onTab = useCallback((tab: SupervisorTab) => setLink((l) => ({ ...l, tab })), [setLink]);
  const { t } = useTranslation();
  const visitDays = link.visitDays;
  const onVisitDays = useCallback((days: number) => setLink((l) => ({ ...l, visitDays: days })), [setLink]);
  const options = useMemo(
    () => ({ ...DEFAULT_COVERAGE_OPTIONS, thresholdM, visitDays }),
    [thresholdM, visitDays],
  );
  const coverage = useCoverage(client, options);
  const { arrays, result } = coverage;
  const visitsRecorded = result?.totals.visitsRecorded ?? true;
  // Without agent data every figure here would read 0 % / "tanpa agen": each says "not available" instead.
  const noAgents = useTableStatus().agents === 'missing';
  // Opening the proposal list is asking for a proposal: the worker works it out as soon as it has the
  // coverage, while the page draws and the user reads, in steps that give way to anything else it is asked
  // (so the click finds it ready, or nearly).
  const proposalWanted = tab === 'proposal' && !noAgents;
  useEffect(() => {
    if (proposalWanted) coverage.client?.prepareProposal(options);
  }, [proposalWanted, coverage.client, options]);
  const [mode, setMode] = useState<MapMode>('coverage');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [flyTo, setFlyTo] = useState<{ bounds: [number, number, number, number] } | null>(null);
  const [zoom, setZoom] = useState(9);
  const [hover, setHover] = useState<{ x: number; y: number; code: string } | null>(null);

  // Asked first (one small query), so the names come with the figures.
  const gazetteer = usePlaceNames(client);
  const names = useMemo(
    () => (arrays && gazetteer ? areaNames(gazetteer, arrays.villageCodes, arrays.districtCodes) : null),
    [arrays, gazetteer],
  );

  const { needRate, agentFacts } = useCoverageFacts(client, !noAgents);
  const [office, setOffice] = useState('');
  // Made for the lists that show them only: neither opening the section nor a step of the distance limit on
  // another list waits for them (the pseudonyms are made once per dataset).
  const agentsShown = tab === 'agents' || tab === 'offices';
  const agentList = useMemo(
    () =>
      agentsShown && result && arrays && names && agentFacts
        ? agentRows(
            result,
            arrays.households.agentIndex,
            { ...agentFacts, ...arrays.agents },
            names.villages,
            (a) => agentPseudonyms(arrays.agentIds)[a] ?? '',
          )
        : [],
    [agentsShown, result, arrays, names, agentFacts],
  );

  const villageRows = useMemo(
    () => (result && names ? areaRows(result.village, names.villages) : []),
    [result, names],
  );
  const districtRows = useMemo(
    () => (result && names ? areaRows(result.district, names.districts) : []),
    [result, names],
  );

  // Without agents no village gets a coverage colour (all would be 0 %). The need rates colour the bivariate
  // map only: their arrival does not draw the coverage map again.
  const fillNeedRate = mode === 'coverage' ? null : needRate;
  const fillByCode = useMemo(
    () =>
      result && arrays && !noAgents
        ? villageFills({
            mode,
            codes: arrays.villageCodes,
            village: result.village,
            needRate: fillNeedRate,
            visitsRecorded,
          })
        : new Map<string, string>(),
    [mode, result, arrays, fillNeedRate, noAgents, visitsRecorded],
  );

  const uncovered = useMemo(
    () =>
      arrays && result && !noAgents
        ? uncoveredPoints(arrays.households.lon, arrays.households.lat, result.household.status)
        : null,
    [arrays, result, noAgents],
  );

  const lines = useMemo<AssignmentLine[]>(
    () => (arrays && result && selection ? assignmentLines(arrays, result, selection, MAX_LINES) : []),
    [arrays, result, selection],
  );

  const selectVillage = useCallback(
    (code: string) => {
      setSelection({ kind: 'village', code });
      const feature = boundaries.villages.features.find((x) => x.properties?.village_code === code);
      if (feature) setFlyTo({ bounds: bbox(feature) as [number, number, number, number] });
    },
    [boundaries],
  );
  const selectDistrict = useCallback(
    (code: string) => {
      const feature = boundaries.districts.features.find((x) => x.properties?.district_code === code);
      if (feature) setFlyTo({ bounds: bbox(feature) as [number, number, number, number] });
    },
    [boundaries],
  );
  // The latest arrays, so the agents' layer keeps one click handler (a new one would redraw the map).
  const arraysNow = useRef(arrays);
  arraysNow.current = arrays;
  const selectAgent = useCallback((agent: number) => {
    setSelection({ kind: 'agent', agent });
    const agents = arraysNow.current?.agents;
    if (agents) {
      const lon = agents.lon[agent] as number;
      const lat = agents.lat[agent] as number;
      setFlyTo({ bounds: [lon - 0.02, lat - 0.02, lon + 0.02, lat + 0.02] });
    }
  }, []);

  // On a phone a pick from the list brings the map back into view, where it flies to the pick.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flyTo) revealMap(root.current);
  }, [flyTo]);

  // A link (or the planner's village profile) opens here with that village selected.
  const linked = useRef(link.village);
  useEffect(() => {
    if (!linked.current || !names) return;
    if (names.villages.some((v) => v.code === linked.current)) selectVillage(linked.current);
    linked.current = null;
  }, [names, selectVillage]);

  const onHover = useCallback((info: PickingInfo<Feature>) => {
    const code = info.object?.properties?.village_code;
    setHover(code ? { x: info.x, y: info.y, code: String(code) } : null);
  }, []);
  const onClickVillage = useCallback((info: PickingInfo<Feature>) => {
    const code = info.object?.properties?.village_code;
    if (code) setSelection({ kind: 'village', code: String(code) });
  }, []);

  const style = useMemo(
    () => baseStyle({ ...boundaries, basemap: config.basemap }),
    [boundaries, config.basemap],
  );
  const selectedCode = selection?.kind === 'village' ? selection.code : null;
  // Once the link's village is opened, the link follows the village the user opens (a link shares it).
  useEffect(() => {
    if (!linked.current) setLink((l) => (l.village === selectedCode ? l : { ...l, village: selectedCode }));
  }, [selectedCode, setLink]);
  const selectedAgent = selection?.kind === 'agent' ? selection.agent : null;
  // None until the first coverage (or its failure) is in: the map is then taken and drawn once, whole.
  const layersDue = result !== null || coverage.error !== null;
  const layers = useMemo(
    () =>
      !layersDue
        ? []
        : [
            ...villageFillLayer({
              villages: boundaries.villages,
              fillByCode,
              noDataColor: NO_DATA_COLOR,
              onHover,
              onClick: onClickVillage,
              selectedCode,
            }),
            ...(uncovered ? [householdLayer('uncovered-households', uncovered, zoom)] : []),
            assignmentLineLayer(lines),
            ...(arrays && result
              ? [agentLayer({ ...arrays.agents, ...result.agent }, zoom, selectedAgent, selectAgent)]
              : []),
            ...villageLabelLayers(boundaries.villageLabels, zoom),
          ],
    [
      layersDue,
      boundaries,
      fillByCode,
      onHover,
      onClickVillage,
      selectedCode,
      uncovered,
      zoom,
      lines,
      arrays,
      result,
      selectedAgent,
      selectAgent,
    ],
  );

  const drawnOptions = coverage.options;
  const onDrawn = useCallback(() => {
    if (!result || !names) return;
    setDocumentState('ready');
    // The frame showing the answer for these settings is drawn (read by scripts/bench-planner.ts).
    performance.mark('gancang:coverage-drawn', { detail: drawnOptions });
  }, [result, names, drawnOptions]);

  const hovered = hover ? villageRows.find((r) => r.code === hover.code) : undefined;
  const totals = result?.totals;

  return (
    <div className="planner supervisor" ref={root}>
      <aside className="side-panel">
        <ThresholdControl value={thresholdM} onChange={onThreshold} />
        <VisitWindowControl value={visitDays} onChange={onVisitDays} />
        {coverage.error && (
          <FailureNotice
            text={t('supervisor.coverageFailed')}
            detail={coverage.error}
            testId="coverage-error"
          />
        )}
        <MissingTablesNote needs={['agents']} />
        {totals ? (
          <SupervisorKpis
            totals={totals}
            thresholdM={thresholdM}
            visitDays={visitDays}
            visitReference={dataset.visitReference ?? null}
            minFamilies={options.minFamilies}
            maxFamilies={options.maxFamilies}
          />
        ) : (
          <p className="busy">{t('supervisor.computing')}</p>
        )}
        {coverage.computing && totals && <span className="busy">{t('supervisor.computing')}</span>}
        {selection && (
          <div className="selection-bar" data-testid="selection" data-lines={lines.length}>
            <span>
              {selection.kind === 'village'
                ? t('supervisor.selectedVillage', {
                    name: villageRows.find((r) => r.code === selection.code)?.name,
                  })
                : t('supervisor.selectedAgent', {
                    id: sessionPolicy().pseudonym('agent', arrays?.agentIds[selection.agent]),
                    families: result?.agent.families[selection.agent] ?? 0,
                  })}
            </span>
            <button type="button" className="secondary" onClick={() => setSelection(null)}>
              {t('supervisor.clearSelection')}
            </button>
          </div>
        )}
        <Tabs
          tabs={['villages', 'agents', 'offices', 'proposal'] as const}
          value={tab}
          onChange={onTab}
          label={(key) => t(`supervisor.tab${key[0]?.toUpperCase()}${key.slice(1)}`)}
          testIdPrefix="tab-"
        />
        {result && names && tab === 'villages' && !noAgents && (
          <CoverageTable
            villages={villageRows}
            districts={districtRows}
            selectedCode={selectedCode}
            visitsRecorded={visitsRecorded}
            onSelect={(row, level) =>
              level === 'village' ? selectVillage(row.code) : selectDistrict(row.code)
            }
          />
        )}
        {result && arrays && names && tab === 'agents' && !noAgents && (
          <AgentPanel
            result={result}
            active={arrays.agents.active}
            rows={agentList}
            villages={names.villages}
            minFamilies={options.minFamilies}
            maxFamilies={options.maxFamilies}
            visitDays={visitDays}
            selectedAgent={selectedAgent}
            onSelectAgent={selectAgent}
            office={office}
          />
        )}
        {result && tab === 'offices' && !noAgents && (
          <OfficeTable
            agents={agentList}
            thresholdM={thresholdM}
            visitDays={visitDays}
            visitsRecorded={visitsRecorded}
            minFamilies={options.minFamilies}
            maxFamilies={options.maxFamilies}
            onOffice={(o) => {
              setOffice(o);
              onTab('agents');
            }}
          />
        )}
        {result && arrays && names && coverage.client && tab === 'proposal' && !noAgents && (
          <ProposalPanel
            key={`${thresholdM}-${visitDays}`}
            client={coverage.client}
            options={options}
            result={result}
            villages={villageRows}
            agentIds={arrays.agentIds}
            agentOffice={agentFacts?.office ?? []}
            householdVillage={arrays.households.villageIndex}
            onSelectVillage={selectVillage}
          />
        )}
      </aside>
      <div className="map-wrap">
        <BoundaryNotice />
        {layersDue ? (
          <MapCanvas
            style={style}
            layers={layers}
            districtNames={boundaries.districtLabels}
            onView={(v) => setZoom(v.zoom)}
            onDrawn={onDrawn}
            ariaLabel={t('nav.supervisor')}
            flyTo={flyTo}
            onLeave={() => setHover(null)}
          />
        ) : (
          // The map is taken once the first answer is in, and drawn once, whole: a map drawn while the engine
          // and the database work (several frames with software rendering) would take their time.
          <section className="map-canvas" aria-label={t('nav.supervisor')} aria-busy="true" />
        )}
        <SupervisorLegend
          mode={mode}
          onMode={setMode}
          thresholdM={thresholdM}
          visitDays={visitDays}
          visitsRecorded={totals?.visitsRecorded ?? true}
          minFamilies={options.minFamilies}
          maxFamilies={options.maxFamilies}
        />
        {hover && hovered && (
          <VillageTooltip row={hovered} x={hover.x} y={hover.y} visitsRecorded={visitsRecorded} />
        )}
      </div>
    </div>
  );
}

export type { AreaRow };
