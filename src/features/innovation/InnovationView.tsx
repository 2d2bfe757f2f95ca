import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { saveBlob } from '../../core/export/download';
import { sourceLine, todayLabel } from '../../core/map/sheet-frame';
import { setDocumentState } from '../../core/ui/document-state';
import { publishNotices } from '../../core/ui/settings-notices';
import { Tabs } from '../../core/ui/Tabs';
import { useFormat } from '../../core/ui/use-format';
import { useLinkState } from '../../core/url/use-link-state';
import { AssessmentEditor } from './AssessmentEditor';
import { AssessmentFiles } from './AssessmentFiles';
import { orderChannels } from './data/channel-results';
import { emptyAssessment } from './data/innovation-assessment';
import { type Assessment, computeIndex, round2 } from './data/innovation-index';
import {
  BeneficiariesCard,
  HistoryCard,
  IndexSummary,
  RubricSources,
  VariableBreakdown,
} from './IndexPanels';
import type { SheetContext } from './map-sheet';
import { Presentation } from './Presentation';
import { ProgrammePanel } from './ProgrammePanel';
import { ThemeMapExport } from './ThemeMapExport';
import { INNOVATION_LINK, type InnovationTab } from './url-state';
import { useAssessments } from './use-assessments';
import { useInnovationData } from './use-innovation-data';
import './innovation.css';
import './presentation.css';

/** Inovasi (Bappeda): the regional innovation index, programme results, presentation and exports. */
export function InnovationView() {
  const { client, dataset, boundaries, config } = useLoadedData();
  // The page shown and the assessment year are kept in the link; a year without a rubric falls back.
  const [link, setLink] = useLinkState(INNOVATION_LINK, 'innovation-link');
  const { tab, year: linkedYear } = link;
  const setTab = useCallback((tab: InnovationTab) => setLink((l) => ({ ...l, tab })), [setLink]);
  const onYear = useCallback((year: number) => setLink((l) => ({ ...l, year })), [setLink]);
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { data, error } = useInnovationData(client);
  const { stored, saveYear, replaceAll } = useAssessments(data?.example ?? null);
  const [draft, setDraft] = useState<Assessment | null>(null);
  const [presenting, setPresenting] = useState(false);
  const [exportingMap, setExportingMap] = useState(false);
  const [pdfBusy, setPdfBusy] = useState(false);

  const years = useMemo(() => (data ? [...data.rubrics.keys()].sort((a, b) => a - b) : []), [data]);
  // The year from the link when it has a rubric; otherwise the latest (with a notice when one was asked for).
  const latest = years.length > 0 ? (years[years.length - 1] as number) : null;
  const year = linkedYear !== null && years.includes(linkedYear) ? linkedYear : latest;
  useEffect(() => {
    if (linkedYear !== null && latest !== null && !years.includes(linkedYear))
      publishNotices('innovation-data', [{ key: 'year', params: { value: linkedYear, fallback: latest } }]);
  }, [linkedYear, latest, years]);
  useEffect(() => {
    if (data && stored) setDocumentState('ready');
  }, [data, stored]);

  const rubric = year !== null ? data?.rubrics.get(year) : undefined;
  const channels = useMemo(
    () => (data?.channelRows ? orderChannels(data.channelRows, config.channels) : null),
    [data, config.channels],
  );
  const measures = useMemo(() => ({ familiesReached: data?.familiesReached ?? null }), [data]);
  const saved = useMemo(
    () =>
      year !== null ? (stored?.assessments.find((a) => a.year === year) ?? emptyAssessment(year)) : null,
    [stored, year],
  );
  const savedResult = useMemo(
    () => (rubric && saved ? computeIndex(rubric, saved, measures) : null),
    [rubric, saved, measures],
  );
  const draftResult = useMemo(
    () => (rubric && draft ? computeIndex(rubric, draft, measures) : null),
    [rubric, draft, measures],
  );
  const history = useMemo(() => {
    if (!data || !stored) return [];
    const en = i18n.language === 'en';
    return years.flatMap((y) => {
      const r = data.rubrics.get(y);
      const a = stored.assessments.find((x) => x.year === y);
      if (!r || !a) return [];
      const res = computeIndex(r, a, measures);
      return [{ year: y, iid: round2(res.iid), category: en ? res.category.nameEn : res.category.name }];
    });
  }, [data, stored, years, measures, i18n.language]);

  const sheet: SheetContext | null = useMemo(
    () =>
      data
        ? {
            boundaries,
            villages: data.villages,
            province: data.province,
            datasetName: dataset.source.name,
            datasetDate: dataset.source.date,
            synthetic: dataset.source.synthetic,
            locale: f.locale,
            t,
          }
        : null,
    [data, boundaries, dataset, f.locale, t],
  );

  const chartFooter = `${sourceLine({
    datasetName: dataset.source.name,
    datasetDate: dataset.source.date,
    synthetic: dataset.source.synthetic,
    locale: f.locale,
    t,
  })}${stored?.origin === 'example' ? ` — ${t('innovation.example.short')}` : ''} — ${t('exportAbout.exported')} ${todayLabel(f.locale)}`;

  const onEdit = useCallback(
    (next: Assessment) => {
      if (draft) setDraft(next);
      else saveYear(next);
    },
    [draft, saveYear],
  );

  const savePdf = async () => {
    if (!rubric || !savedResult || !data || !sheet) return;
    setPdfBusy(true);
    try {
      const { buildReport } = await import('./pdf-report');
      const blob = await buildReport({
        rubric,
        result: savedResult,
        history,
        exampleValues: stored?.origin === 'example',
        programme: data.programme,
        familiesReached: data.familiesReached,
        familiesReachedSql: data.familiesReachedSql,
        tables: dataset.tables,
        sheet,
        t,
        english: i18n.language === 'en',
      });
      saveBlob(`laporan-inovasi-${rubric.year}.pdf`, blob);
    } finally {
      setPdfBusy(false);
    }
  };

  if (error) return <p className="warning innovation-error">{error}</p>;
  if (!data || !stored || !rubric || !saved || !savedResult || !sheet || year === null) {
    return (
      <p className="busy innovation-loading" data-testid="innovation-loading">
        {t('innovation.loading')}
      </p>
    );
  }

  return (
    <div className="innovation" data-testid="innovation">
      <div className="innovation-bar">
        <label className="inline-field">
          {t('innovation.year')}
          <select
            data-testid="iid-year"
            value={year}
            onChange={(e) => {
              setDraft(null);
              onYear(Number(e.target.value));
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <Tabs
          tabs={['index', 'assessment', 'programme'] as const}
          value={tab}
          onChange={setTab}
          label={(key) => t(`innovation.tab.${key}`)}
          testIdPrefix="iid-tab-"
        />
        <div className="actions">
          <button
            type="button"
            className="primary"
            data-testid="start-presentation"
            onClick={() => setPresenting(true)}
          >
            {t('innovation.present.start')}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="open-map-export"
            onClick={() => setExportingMap(true)}
          >
            {t('mapExport.button')}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="export-pdf"
            disabled={pdfBusy}
            onClick={savePdf}
          >
            {pdfBusy ? t('innovation.export.pdfBusy') : t('innovation.export.pdf')}
          </button>
        </div>
      </div>

      {stored.origin === 'example' && (
        <div className="iid-notice warning example-banner" data-testid="example-banner">
          {t('innovation.example.banner')}
          {stored.edited && ` ${t('innovation.example.edited')}`}
        </div>
      )}
      {data.rubricProblems.length > 0 && (
        <div className="iid-notice warning" data-testid="rubric-problems">
          {t('innovation.rubric.problems')}: {data.rubricProblems.join('; ')}
        </div>
      )}

      <div className="whatif-bar" data-testid="whatif-bar">
        {draft ? (
          <>
            <strong>{t('innovation.whatIf.active')}</strong>
            <span className="muted">{t('innovation.whatIf.help')}</span>
            <button
              type="button"
              className="primary"
              data-testid="whatif-apply"
              onClick={() => {
                saveYear(draft);
                setDraft(null);
              }}
            >
              {t('innovation.whatIf.apply')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="whatif-discard"
              onClick={() => setDraft(null)}
            >
              {t('innovation.whatIf.discard')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="secondary"
            data-testid="whatif-start"
            onClick={() => {
              setDraft(structuredClone(saved));
              setTab('assessment');
            }}
          >
            {t('innovation.whatIf.start')}
          </button>
        )}
      </div>

      <div className="innovation-body">
        {tab === 'index' && (
          <div className="index-grid">
            <IndexSummary rubric={rubric} saved={savedResult} whatIf={draftResult} />
            <BeneficiariesCard
              rubric={rubric}
              familiesReached={data.familiesReached}
              sql={data.familiesReachedSql}
            />
            <VariableBreakdown
              rubric={rubric}
              saved={savedResult}
              whatIf={draftResult}
              footer={chartFooter}
            />
            <HistoryCard points={history} footer={chartFooter} />
            <RubricSources rubric={rubric} />
          </div>
        )}
        {tab === 'assessment' && (
          <div className="assessment-grid">
            <div className="assessment-side">
              <IndexSummary rubric={rubric} saved={savedResult} whatIf={draftResult} />
              <AssessmentFiles
                rubrics={data.rubrics}
                assessments={stored.assessments}
                exampleValues={stored.origin === 'example'}
                onImport={(imported) => {
                  setDraft(null);
                  replaceAll(imported, 'user');
                }}
                onLoadExample={() => {
                  setDraft(null);
                  replaceAll(data.example, 'example');
                }}
                onClearYear={() => {
                  setDraft(null);
                  saveYear(emptyAssessment(year));
                }}
              />
            </div>
            <AssessmentEditor
              key={`${year}-${draft ? 'draft' : 'saved'}`}
              rubric={rubric}
              assessment={draft ?? saved}
              result={draftResult ?? savedResult}
              familiesReached={data.familiesReached}
              onChange={onEdit}
            />
          </div>
        )}
        {tab === 'programme' && (
          <ProgrammePanel programme={data.programme} villages={data.villages} footer={chartFooter} />
        )}
      </div>

      {presenting && (
        <Presentation
          rubric={rubric}
          result={savedResult}
          exampleValues={stored.origin === 'example'}
          programme={data.programme}
          channels={channels}
          sheet={sheet}
          onClose={() => setPresenting(false)}
        />
      )}
      {exportingMap && <ThemeMapExport sheet={sheet} onClose={() => setExportingMap(false)} />}
    </div>
  );
}
