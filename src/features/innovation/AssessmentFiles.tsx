import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../core/domain/calendar';
import { downloadBlob } from '../../core/export/download';
import { type ExportAbout, toCsv, toXlsx } from '../../core/export/table-export';
import { readTrimmedRows } from '../../core/import/csv-text';
import { useFormat } from '../../core/ui/use-format';
import {
  ASSESSMENT_COLUMNS,
  assessmentToRows,
  type ImportIssue,
  recordsToAssessments,
} from './data/innovation-assessment';
import type { Assessment, Rubric } from './data/innovation-index';
import { readXlsxRecords } from './data/innovation-xlsx';

interface FilesProps {
  rubrics: ReadonlyMap<number, Rubric>;
  assessments: Assessment[];
  onImport: (assessments: Assessment[]) => void;
  onLoadExample: () => void;
  onClearYear: () => void;
  /** The saved values are the shipped example, not the regency's own. */
  exampleValues: boolean;
}

const COLUMNS = ASSESSMENT_COLUMNS.map((c) => ({
  key: c,
  header: c,
  kind: c === 'tahun' ? ('number' as const) : ('text' as const),
}));

/** Export the saved self-assessment (CSV, XLSX) and import one, with row-by-row messages. */
export function AssessmentFiles(props: FilesProps) {
  const { rubrics, assessments, onImport, onLoadExample, onClearYear, exampleValues } = props;
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const rows = () =>
    assessments.flatMap((a) => {
      const r = rubrics.get(a.year);
      return r ? assessmentToRows(r, a) : [];
    });

  // What the file holds, above the table (the import skips this block).
  const about = (): ExportAbout => {
    const en = i18n.language === 'en';
    const rubricLine = (year: number) => {
      const r = rubrics.get(year);
      if (!r) return String(year);
      const status =
        r.status === 'official'
          ? t('innovation.files.rubricOfficial')
          : t('innovation.files.rubricUnverified');
      return `${en ? r.titleEn : r.title} (${status})`;
    };
    return [
      [t('exportAbout.contents'), t('innovation.files.aboutContents')],
      [
        t('exportAbout.data'),
        t(exampleValues ? 'innovation.files.valuesExample' : 'innovation.files.valuesSaved'),
      ],
      [t('innovation.files.aboutRubric'), assessments.map((a) => rubricLine(a.year)).join('; ')],
      [t('exportAbout.exported'), f.date(localDay(new Date()))],
    ];
  };

  const importFile = async (file: File) => {
    setDone(null);
    const records = /\.xlsx$/i.test(file.name)
      ? await readXlsxRecords(await file.arrayBuffer())
      : readTrimmedRows(await file.text());
    const parsed = recordsToAssessments(records, rubrics);
    setIssues(parsed.issues);
    if (parsed.assessments.length > 0) {
      onImport(parsed.assessments);
      setDone(
        t('innovation.files.imported', {
          file: file.name,
          years: parsed.assessments.map((a) => a.year).join(', '),
        }),
      );
    }
  };

  return (
    <section className="card files" data-testid="assessment-files">
      <div className="toolbar">
        <button
          type="button"
          className="secondary"
          data-testid="export-assessment-csv"
          onClick={() =>
            downloadBlob(
              'penilaian-iid.csv',
              toCsv(COLUMNS, rows(), { about: about() }),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('innovation.files.exportCsv')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="export-assessment-xlsx"
          onClick={async () =>
            downloadBlob(
              'penilaian-iid.xlsx',
              await toXlsx('penilaian_iid', COLUMNS, rows(), about()),
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            )
          }
        >
          {t('innovation.files.exportXlsx')}
        </button>
        <label className="secondary file-button">
          {t('innovation.files.import')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            data-testid="import-assessment"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="secondary" data-testid="load-example" onClick={onLoadExample}>
          {t('innovation.files.loadExample')}
        </button>
        <button type="button" className="secondary" data-testid="clear-year" onClick={onClearYear}>
          {t('innovation.files.clearYear')}
        </button>
      </div>
      <p className="muted small">{t('innovation.files.format')}</p>
      {done && (
        <p className="ok" data-testid="import-ok">
          {done}
        </p>
      )}
      {issues.length > 0 && (
        <ul className="issues" data-testid="import-issues">
          {issues.map((issue) => (
            <li key={`${issue.row}-${issue.code}-${JSON.stringify(issue.params)}`} className={issue.severity}>
              {issue.row > 0 ? t('innovation.files.row', { row: issue.row }) : t('innovation.files.file')}:{' '}
              {t(`innovation.issue.${issue.code}`, issue.params)}
            </li>
          ))}
        </ul>
      )}
      {issues.some((i) => i.severity === 'error') && (
        <p className="warning" data-testid="import-rejected">
          {t('innovation.files.rejected')}
        </p>
      )}
    </section>
  );
}
