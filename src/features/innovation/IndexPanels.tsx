import { useTranslation } from 'react-i18next';
import { useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import { ChartCard, historyChart, variableChart } from './charts';
import { type IndexResult, levelForValue, type Rubric, round2 } from './data/innovation-index';

/** Category colours by rank (best first). */
export const CATEGORY_COLORS = ['#1a9641', '#a6d96a', '#fdae61', '#9e9e9e'];

export function categoryColor(rubric: Rubric, categoryId: string): string {
  const sorted = [...rubric.categories].sort((a, b) => b.min - a.min);
  return CATEGORY_COLORS[sorted.findIndex((c) => c.id === categoryId)] ?? '#9e9e9e';
}

/** IID, category and the parts of the sum; the what-if beside the saved state when there is one. */
export function IndexSummary({
  rubric,
  saved,
  whatIf,
}: {
  rubric: Rubric;
  saved: IndexResult;
  whatIf: IndexResult | null;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  const two = (n: number) => f.fixed(round2(n), 2);
  const column = (r: IndexResult, label: string, testId: string) => (
    <div className="index-column" data-testid={testId}>
      <div className="muted small">{label}</div>
      <div className="iid-value" data-testid={`${testId}-iid`}>
        {two(r.iid)}
      </div>
      <div
        className="category-badge"
        style={{ background: categoryColor(rubric, r.category.id) }}
        data-testid={`${testId}-category`}
      >
        {en ? r.category.nameEn : r.category.name}
      </div>
      <dl className="parts">
        <dt>SPD</dt>
        <dd>
          {two(r.spd)} / {f.int(rubric.maxima.spd)}
        </dd>
        <dt>{t('innovation.summary.sidAverage')}</dt>
        <dd>
          {two(r.sidSum)} ÷ {r.divisor} = {two(r.sidAverage)}
        </dd>
        <dt>{t('innovation.summary.count', { n: r.innovations })}</dt>
        <dd>{two(r.countScore)}</dd>
        <dt>SID</dt>
        <dd>{two(r.sid)}</dd>
        <dt>{t('innovation.summary.total')}</dt>
        <dd>
          {two(r.total)} / {f.int(r.maxTotal)}
        </dd>
      </dl>
    </div>
  );
  return (
    <section className="card index-summary" data-testid="index-summary">
      <h3>{t('innovation.summary.title', { year: rubric.year })}</h3>
      <div className="index-columns">
        {column(saved, t('innovation.whatIf.saved'), 'saved')}
        {whatIf && column(whatIf, t('innovation.whatIf.simulated'), 'whatif')}
        {whatIf && (
          <div className="index-delta" data-testid="whatif-delta">
            Δ {whatIf.iid - saved.iid >= 0 ? '+' : ''}
            {two(whatIf.iid - saved.iid)}
          </div>
        )}
      </div>
      <p className="muted small">
        {t('innovation.summary.formula', {
          minimum: rubric.divisor.minimum,
          max: f.int(rubric.maxima.total),
        })}
      </p>
      {saved.basicServicesRequired > 0 && (
        <p className={saved.basicServicesCovered < saved.basicServicesRequired ? 'warning' : 'muted small'}>
          {t('innovation.summary.basicServices', {
            covered: saved.basicServicesCovered,
            required: saved.basicServicesRequired,
          })}
        </p>
      )}
      {saved.missingMandatory.length > 0 && (
        <p className="warning" data-testid="missing-mandatory">
          {t('innovation.summary.missingMandatory', { count: saved.missingMandatory.length })}
        </p>
      )}
    </section>
  );
}

export function VariableBreakdown({
  rubric,
  saved,
  whatIf,
  footer,
}: {
  rubric: Rubric;
  saved: IndexResult;
  whatIf: IndexResult | null;
  footer: string;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  return (
    <>
      <ChartCard
        title={t('innovation.breakdown.title', { year: rubric.year })}
        fileName={`iid-${rubric.year}-variabel.png`}
        footer={footer}
        testId="variable-chart"
        height={300}
      >
        {variableChart(
          saved,
          whatIf,
          { saved: t('innovation.whatIf.saved'), whatIf: t('innovation.whatIf.simulated') },
          (v) => (en ? v.nameEn : v.name),
          f.dec,
        )}
      </ChartCard>
      <section className="card">
        <table className="data-table" data-testid="variable-table">
          <thead>
            <tr>
              <th className="text">{t('innovation.breakdown.variable')}</th>
              <th className="text">{t('innovation.breakdown.aspect')}</th>
              <th>{t('innovation.whatIf.saved')}</th>
              {whatIf && <th>{t('innovation.whatIf.simulated')}</th>}
              <th>{t('innovation.breakdown.max')}</th>
            </tr>
          </thead>
          <tbody>
            {saved.byVariable.map((v, i) => (
              <tr key={v.variable.id}>
                <td className="text">{en ? v.variable.nameEn : v.variable.name}</td>
                <td className="text">{v.variable.aspect.toUpperCase()}</td>
                <td>{f.dec(v.score)}</td>
                {whatIf && <td>{f.dec(whatIf.byVariable[i]?.score ?? 0)}</td>}
                <td>{f.dec(v.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export function HistoryCard({
  points,
  footer,
}: {
  points: { year: number; iid: number; category: string }[];
  footer: string;
}) {
  const { t } = useTranslation();
  return (
    <ChartCard
      title={t('innovation.history.title')}
      fileName="iid-riwayat.png"
      footer={footer}
      testId="history-chart"
      height={220}
    >
      {historyChart(points, 'IID')}
    </ChartCard>
  );
}

/** The beneficiaries indicator filled from the programme data, with the SQL that counted it. */
export function BeneficiariesCard({
  rubric,
  familiesReached,
  sql,
}: {
  rubric: Rubric;
  /** null when a table it needs was not imported. */
  familiesReached: number | null;
  sql: string;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const f = useFormat();
  const na = useUnavailable();
  const fill = rubric.autoFill?.[0];
  if (!fill) return null;
  const indicator = rubric.indicators.find((i) => i.id === fill.indicator);
  const level = familiesReached === null ? 0 : levelForValue(fill.bands, familiesReached);
  const chosen = indicator?.levels.find((l) => l.level === level);
  const levelLabel = en ? chosen?.labelEn : chosen?.label;
  return (
    <section className="card" data-testid="beneficiaries">
      <h3>
        {t('innovation.beneficiaries.title', {
          number: indicator?.number ?? '',
          name: (en ? indicator?.nameEn : indicator?.name) ?? '',
        })}
      </h3>
      <p>
        <span className="big-number" data-testid="families-reached">
          {familiesReached === null ? na(['agents', 'cases']) : f.int(familiesReached)}
        </span>{' '}
        {t('innovation.beneficiaries.families')} →{' '}
        <strong>{t('innovation.beneficiaries.level', { level })}</strong>{' '}
        <span className="muted">({levelLabel ?? '–'})</span>
      </p>
      <p className="muted small">{en ? fill.noteEn : fill.note}</p>
      <details open>
        <summary>{t('innovation.beneficiaries.query')}</summary>
        <pre className="sql" data-testid="beneficiaries-sql" translate="no">
          {sql}
        </pre>
      </details>
    </section>
  );
}

/** Where the rubric's numbers come from, and how sure they are. */
export function RubricSources({ rubric }: { rubric: Rubric }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <section className="card rubric-sources" data-testid="rubric-sources">
      <h3>{t('innovation.rubric.title', { year: rubric.year })}</h3>
      <p className={rubric.status === 'official' ? 'muted' : 'warning'}>
        {rubric.status === 'official' ? t('innovation.rubric.official') : t('innovation.rubric.unverified')}{' '}
        {en ? rubric.statusNoteEn : rubric.statusNote}
      </p>
      <ul className="small">
        {rubric.sources.map((s) => (
          <li key={s.id}>
            {/* A citation, in the document's own language. */}
            <span lang="id">{s.title}</span>
            {s.note && <span className="muted"> — {en ? s.noteEn : s.note}</span>}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('innovation.rubric.file', { year: rubric.year })}</p>
    </section>
  );
}
