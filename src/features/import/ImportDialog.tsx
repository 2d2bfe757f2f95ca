import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CheckedImport, handOverCheckedImport } from '../../core/dataset/checked-import';
import { fetchBytes } from '../../core/dataset/fetch-bytes';
import {
  rememberMapping,
  type StoredDataset,
  type StoredFile,
  saveImportedDataset,
  setActiveDataset,
} from '../../core/dataset/local-store';
import { DATA_TABLES, type DataTable } from '../../core/dataset/table-status';
import type { ImportKind, ImportReport, ImportStage } from '../../core/import';
import { useFormat } from '../../core/ui/use-format';
import { AggregateImport } from './AggregateImport';
import { acceptedFormats } from './accepted-formats';
import { CheckToolbar } from './CheckToolbar';
import { DataDialog } from './DataDialog';
import { DropZone } from './DropZone';
import { ImportReportView } from './ImportReportView';
import { ImportChecker } from './import-checker';
import { type CurrentData, ReplaceSummary } from './ReplaceSummary';
import { saveFailureMessage } from './storage-message';

/** Checked in this order: each kind's references point to the kinds before it. */
const KINDS = ['agents', 'households', 'cases', 'boundaries'] as const satisfies readonly ImportKind[];
type Kind = (typeof KINDS)[number];

/** Import: pick files, check them with row-level reasons, fix the mapping, keep them in this browser. */
interface ImportDialogProps {
  /** The data in use now, which "Gunakan data ini" replaces. */
  current: CurrentData;
  onClose: () => void;
  /** Loads the dataset now chosen, in the running page. */
  onDatasetChange: () => void;
}

export function ImportDialog({ current, onClose, onDatasetChange }: ImportDialogProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [files, setFiles] = useState<Partial<Record<Kind, File>>>({});
  const [reports, setReports] = useState<Partial<Record<Kind, ImportReport>>>({});
  const [mappings, setMappings] = useState<Partial<Record<Kind, Record<string, string>>>>({});
  const [progress, setProgress] = useState<{ kind: Kind; pct: number; stage: ImportStage } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [mode, setMode] = useState<'households' | 'aggregates'>('households');
  const [aggregateFiles, setAggregateFiles] = useState<StoredFile[] | null>(null);
  // The files and mappings of the last check that ran to its end: the tables it built match them.
  const [checkedInputs, setCheckedInputs] = useState<{
    files: typeof files;
    mappings: typeof mappings;
  } | null>(null);
  const [name, setName] = useState(() =>
    t('import.defaultName', { date: new Date().toLocaleDateString(f.locale) }),
  );
  const lang = i18n.language === 'en' ? 'en' : 'id';
  // The checks run in a worker with a database of its own: the page stays responsive and the data on screen is
  // never disturbed; cancelling stops the worker at once.
  const checker = useRef<ImportChecker | null>(null);
  useEffect(() => {
    const c = new ImportChecker(() => fetchBytes('villages.csv'));
    checker.current = c;
    return () => c.dispose();
  }, []);

  const pick = (kind: Kind, file: File) => {
    setMessage(null);
    setFiles((fs) => ({ ...fs, [kind]: file }));
    setReports((rs) => ({ ...rs, [kind]: undefined }));
  };

  const check = async () => {
    const c = checker.current;
    if (!c) return;
    setMessage(null);
    const next: Partial<Record<Kind, ImportReport>> = {};
    setProgress({ kind: KINDS.find((k) => files[k]) ?? 'households', pct: 0, stage: 'read' });
    try {
      const outcome = await c.check(
        KINDS.flatMap((kind) => {
          const file = files[kind];
          return file ? [{ kind, fileName: file.name, file, mapping: mappings[kind] }] : [];
        }),
        {
          onProgress: (kind, fraction, stage) =>
            setProgress({ kind: kind as Kind, pct: Math.round(fraction * 100), stage }),
          onReport: (kind, report) => {
            next[kind as Kind] = report;
          },
        },
      );
      if (outcome === 'cancelled') setMessage(t('import.cancelled'));
      else {
        setReports(next);
        setCheckedInputs({ files, mappings });
      }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(null);
    }
  };

  /** The checked household files to keep, and the column mappings to remember for them. */
  const householdFiles = async (): Promise<StoredFile[]> => {
    const stored: StoredFile[] = [];
    for (const kind of KINDS) {
      const file = files[kind];
      const report = reports[kind];
      if (!file || !report || report.fatal) continue;
      stored.push({
        kind,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
        mapping: report.mapping,
      });
      rememberMapping(
        kind,
        Object.values(report.mapping).concat(report.unmappedHeaders).sort(),
        report.mapping,
      );
    }
    return stored;
  };

  const use = async () => {
    const stored = mode === 'aggregates' ? (aggregateFiles ?? []) : await householdFiles();
    const dataset: StoredDataset = { name, savedAt: new Date().toISOString(), files: stored };
    // Fetched from the checking worker while the files are being kept.
    const tables = mode === 'households' ? checkedTables(dataset) : Promise.resolve(null);
    // Said plainly when the browser cannot keep it (no room, refused): the data on screen stays.
    setSaving(true);
    try {
      await saveImportedDataset(dataset);
    } catch (error) {
      console.error(error);
      setMessage(saveFailureMessage(error, t, f.locale));
      setSaving(false);
      return;
    }
    const built = await tables;
    if (built) handOverCheckedImport({ dataset, tables: built });
    setActiveDataset('imported');
    onDatasetChange();
  };

  /**
   * The tables the check built, for the load that follows (the files are then not checked a second time) —
   * only when they match what is kept: the same files and mappings as the last complete check, each file kept
   * (none refused). Otherwise null, and the load checks the kept files itself.
   */
  const checkedTables = async (dataset: StoredDataset): Promise<CheckedImport['tables'] | null> => {
    const unchanged =
      checkedInputs !== null &&
      KINDS.every((kind) => checkedInputs.files[kind] === files[kind]) &&
      JSON.stringify(checkedInputs.mappings) === JSON.stringify(mappings);
    const allKept = KINDS.every((kind) => !files[kind] || dataset.files.some((file) => file.kind === kind));
    if (!unchanged || !allKept) return null;
    const none: Partial<Record<DataTable, Uint8Array>> = {};
    const built = (await checker.current?.checkedTables().catch(() => none)) ?? none;
    const tables: CheckedImport['tables'] = {};
    for (const kind of DATA_TABLES) {
      const ipc = built[kind];
      const report = reports[kind];
      if (ipc && report && files[kind]) tables[kind] = { ipc, report };
    }
    return tables;
  };

  const households = reports.households;
  const canUse =
    !saving &&
    (mode === 'aggregates'
      ? aggregateFiles !== null
      : !progress && households !== undefined && !households.fatal && households.validRows > 0);

  return (
    <DataDialog id="import" title={t('import.title')} onClose={onClose}>
      <fieldset className="import-mode" data-testid="import-mode">
        <legend>{t('aggregateImport.mode')}</legend>
        {(['households', 'aggregates'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="import-mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`import-mode-${m}`}
            />
            {t(`aggregateImport.mode_${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'aggregates' ? (
        <AggregateImport checker={checker} current={current} lang={lang} onReady={setAggregateFiles} />
      ) : (
        <>
          <p className="muted">{t('import.intro')}</p>
          <div className="drop-grid">
            {KINDS.map((kind) => {
              const formats = acceptedFormats(kind);
              return (
                <DropZone
                  key={kind}
                  id={kind}
                  title={t(`import.kind_${kind}`)}
                  formats={t('import.formats', { formats: formats.names })}
                  accept={formats.accept}
                  file={files[kind]}
                  onFile={(file) => pick(kind, file)}
                  onRefused={setMessage}
                />
              );
            })}
          </div>
          <CheckToolbar
            canCheck={!progress && Object.keys(files).length > 0}
            onCheck={() => void check()}
            running={
              progress && {
                pct: progress.pct,
                text: `${t('import.checking', { kind: t(`import.kind_${progress.kind}`), pct: progress.pct })} (${t(`importCheck.stage_${progress.stage}`)})`,
              }
            }
            onCancel={() => checker.current?.cancel()}
          />
          {KINDS.map((kind) => {
            const report = reports[kind];
            return report ? (
              <ImportReportView
                key={kind}
                kind={kind}
                report={report}
                lang={lang}
                mappingEditor={{
                  mapping: mappings[kind] ?? report.mapping,
                  onMapping: (mapping) => setMappings((m) => ({ ...m, [kind]: mapping })),
                  onRecheck: () => void check(),
                }}
              />
            ) : null;
          })}
          {canUse && <ReplaceSummary current={current} reports={reports} />}
        </>
      )}
      {message && (
        <p className="warning" role="alert" data-testid="import-message">
          {message}
        </p>
      )}
      <footer className="import-dialog-footer">
        <label className="field">
          <span>{t('import.datasetName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="dataset-name-input" />
        </label>
        <button
          type="button"
          className="primary"
          disabled={!canUse}
          onClick={() => void use()}
          data-testid="import-use"
        >
          {t('import.use')}
        </button>
        {saving && <span className="busy">{t('storage.saving')}</span>}
        {mode === 'households' && !canUse && !saving && households && (
          <span className="muted">{t('import.needHouseholds')}</span>
        )}
      </footer>
    </DataDialog>
  );
}
