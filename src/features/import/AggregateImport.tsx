import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateReport } from '../../core/aggregates/load-aggregates';
import type { StoredFile } from '../../core/dataset/local-store';
import { AGGREGATE_KINDS, type AggregateKind } from '../../core/dataset/stored-manifest';
import { useFormat } from '../../core/ui/use-format';
import { AggregateReportView } from './AggregateReportView';
import { CheckToolbar } from './CheckToolbar';
import { DropZone } from './DropZone';
import type { ImportChecker } from './import-checker';
import { type CurrentData, ReplacesCurrent } from './ReplaceSummary';

const ACCEPT: Record<AggregateKind, string> = {
  aggregate_manifest: '.json',
  aggregate_figures: '.csv',
  aggregate_months: '.csv',
};

interface AggregateImportProps {
  checker: RefObject<ImportChecker | null>;
  current: CurrentData;
  lang: 'id' | 'en';
  /** The files to keep once the check says they can be opened; null otherwise. */
  onReady: (files: StoredFile[] | null) => void;
}

/**
 * Import of a published aggregate-only dataset (three files made by the office's publishing step): checked by
 * opening it exactly as the loader will, in the checking worker; kept only when it can be opened.
 */
export function AggregateImport({ checker, current, lang, onReady }: AggregateImportProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [files, setFiles] = useState<Partial<Record<AggregateKind, File>>>({});
  const [report, setReport] = useState<AggregateReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const pick = (kind: AggregateKind, file: File) => {
    setMessage(null);
    setFiles((fs) => ({ ...fs, [kind]: file }));
    setReport(null);
    onReady(null);
  };

  const check = async () => {
    const c = checker.current;
    const { aggregate_manifest: manifest, aggregate_figures: figures, aggregate_months: months } = files;
    if (!c || !manifest || !figures || !months) return;
    setMessage(null);
    setChecking(true);
    try {
      const outcome = await c.checkAggregates({
        manifest,
        figures,
        months,
        names: { manifest: manifest.name, figures: figures.name, months: months.name },
      });
      if (outcome === 'cancelled') {
        setMessage(t('import.cancelled'));
        return;
      }
      setReport(outcome);
      const usable = !outcome.fatal && outcome.figures.valid > 0;
      onReady(
        usable
          ? await Promise.all(
              AGGREGATE_KINDS.map(async (kind) => {
                const file = files[kind] as File;
                return { kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
              }),
            )
          : null,
      );
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };

  const all = AGGREGATE_KINDS.every((kind) => files[kind]);
  const usable = report && !report.fatal && report.figures.valid > 0;
  return (
    <>
      <p className="muted">{t('aggregateImport.intro')}</p>
      <div className="drop-grid">
        {AGGREGATE_KINDS.map((kind) => (
          <DropZone
            key={kind}
            id={kind}
            title={t(`aggregateImport.kind_${kind}`)}
            formats={ACCEPT[kind] === '.json' ? 'JSON' : 'CSV'}
            accept={ACCEPT[kind]}
            file={files[kind]}
            onFile={(file) => pick(kind, file)}
            onRefused={setMessage}
          />
        ))}
      </div>
      <CheckToolbar
        canCheck={!checking && all}
        onCheck={() => void check()}
        running={checking ? { pct: null } : null}
        onCancel={() => checker.current?.cancel()}
        hint={!all && <span className="muted">{t('aggregateImport.needAll')}</span>}
      />
      {message && (
        <p className="warning" role="alert" data-testid="import-message">
          {message}
        </p>
      )}
      {report && <AggregateReportView report={report} lang={lang} />}
      {usable && (
        <div className="replace-summary" data-testid="import-replaces">
          <ReplacesCurrent current={current} />
          <p>
            {t('aggregateImport.contains', {
              villages: f.int(report.figures.valid),
              hidden: f.int(report.hiddenVillages.length),
              months: f.int(report.months.valid),
            })}
          </p>
          <p data-testid="import-missing">{t('aggregateImport.noHouseholds')}</p>
        </div>
      )}
    </>
  );
}
