import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLoadedData } from '../../../core/dataset/loaded-context';
import { formatSqlValue, isNumericType, numericValue } from '../../../core/sql/sql-format';
import { useFormat } from '../../../core/ui/use-format';
import { sqlHint } from './planner-sql-guard';
import type { SqlProblem } from './sql-sandbox';
import { browserSandbox } from './sql-sandbox-browser';
import { SANDBOX_TABLES } from './sql-sandbox-tables';

const MAX_ROWS = 1000;
const EXAMPLE = `SELECT village_code, count(*) AS keluarga,
  sum(need_rtlh) AS rtlh
FROM households
GROUP BY village_code
ORDER BY rtlh DESC
LIMIT 20`;

/** What an SQL result can put on the map. */
export type SqlMapResult =
  | { kind: 'villages'; codes: string[] }
  | { kind: 'points'; positions: Float32Array };

interface Result {
  table: Table;
  truncated: boolean;
  ms: number;
}

type Message = { text: string; detail?: string };

interface SqlPanelProps {
  onShowOnMap: (result: SqlMapResult | null) => void;
}

/** What `table` can show on the map: points when it has lon and lat, else villages when it has village_code. */
function mapResultOf(table: Table): SqlMapResult | null {
  const field = (name: string) => table.schema.fields.find((f) => f.name === name);
  const lon = field('lon');
  const lat = field('lat');
  if (lon && lat) {
    const lons = table.getChild('lon');
    const lats = table.getChild('lat');
    const xy: number[] = [];
    for (let i = 0; i < table.numRows; i++) {
      const x = numericValue(lon.type, lons?.get(i));
      const y = numericValue(lat.type, lats?.get(i));
      if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) xy.push(x, y);
    }
    return { kind: 'points', positions: Float32Array.from(xy) };
  }
  if (field('village_code')) {
    const codes = table.getChild('village_code');
    return { kind: 'villages', codes: Array.from(codes ?? [], (c) => String(c)) };
  }
  return null;
}

/** Read-only SQL for analysts, run in the sandbox over de-identified copies of the tables. */
export function SqlPanel({ onShowOnMap }: SqlPanelProps) {
  const { client } = useLoadedData();
  const { t } = useTranslation();
  const { locale } = useFormat();
  const [sql, setSql] = useState(EXAMPLE);
  const [result, setResult] = useState<Result | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  // Opening the panel is its first use: the sandbox's copy is prepared while the user types.
  useEffect(() => {
    browserSandbox(client).catch(() => undefined);
  }, [client]);

  const problemMessage = (problem: SqlProblem): Message => ({
    text: t(`privacy.sql.problem.${problem.kind}`),
    detail: problem.detail,
  });

  const run = async () => {
    setResult(null);
    const hint = sqlHint(sql);
    if (hint) {
      setMessage({
        text:
          hint.kind === 'empty'
            ? t('privacy.sql.empty')
            : t('privacy.sql.notReadOnly', { keyword: hint.keyword || '?' }),
      });
      return;
    }
    setMessage(null);
    setBusy(true);
    const t0 = performance.now();
    try {
      const sandbox = await browserSandbox(client);
      const outcome = await sandbox.run(sql, MAX_ROWS);
      if (outcome.ok)
        setResult({ table: outcome.table, truncated: outcome.truncated, ms: performance.now() - t0 });
      else setMessage(problemMessage(outcome.problem));
    } catch (e) {
      setMessage({
        text: t('privacy.sql.prepareFailed'),
        detail: e instanceof Error ? e.message : String(e),
      });
    } finally {
      setBusy(false);
    }
  };

  const mapResult = result ? mapResultOf(result.table) : null;
  const fields = result?.table.schema.fields ?? [];
  const rows = result ? Array.from({ length: result.table.numRows }, (_, i) => i) : [];

  return (
    <section className="sql-panel" data-testid="sql-panel">
      <p className="muted">
        {/* Table names are SQL, the same in every language. */}
        <Trans
          i18nKey="privacy.sql.help"
          values={{ tables: SANDBOX_TABLES.join(', ') }}
          components={{ code: <code translate="no" /> }}
        />
      </p>
      <textarea
        translate="no"
        data-testid="sql-input"
        value={sql}
        spellCheck={false}
        rows={7}
        onChange={(e) => setSql(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run();
        }}
      />
      <div className="toolbar">
        <button type="button" data-testid="sql-run" disabled={busy} onClick={() => void run()}>
          {t('planner.sql.run')}
        </button>
        {mapResult && (
          <button type="button" data-testid="sql-map" onClick={() => onShowOnMap(mapResult)}>
            {t('planner.sql.showOnMap')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => onShowOnMap(null)}>
          {t('planner.sql.clearMap')}
        </button>
        {busy && <span className="busy">{t('privacy.sql.preparing')}</span>}
      </div>
      {message && (
        <div className="warning" role="alert" data-testid="sql-error">
          <p>{message.text}</p>
          {message.detail && (
            <p className="muted">
              <small>
                {t('privacy.sql.detail')}: <bdi>{message.detail}</bdi>
              </small>
            </p>
          )}
        </div>
      )}
      {result && (
        <>
          <p className="muted" data-testid="sql-summary">
            {t('planner.sql.rows', { count: result.table.numRows, ms: Math.round(result.ms) })}
            {result.truncated && ` ${t('planner.sql.truncated', { max: MAX_ROWS })}`}
          </p>
          <div className="table-scroll">
            <table className="data-table" data-testid="sql-result">
              <thead translate="no">
                <tr>
                  {fields.map((f) => (
                    <th key={f.name} className={isNumericType(f.type) ? undefined : 'text'}>
                      {f.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i}>
                    {fields.map((f) => (
                      <td key={f.name} className={isNumericType(f.type) ? undefined : 'text'}>
                        {formatSqlValue(f.type, result.table.getChild(f.name)?.get(i), locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
