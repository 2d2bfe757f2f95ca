import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkReadOnly, limitedSql } from '../../analysis/planner-sql-guard';
import { maskRows } from '../../data/privacy';
import type { SqlClient } from '../../data/sql-client';

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
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  ms: number;
}

interface SqlPanelProps {
  client: SqlClient;
  onShowOnMap: (result: SqlMapResult | null) => void;
}

const show = (v: unknown): string =>
  v === null || v === undefined
    ? '∅'
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : typeof v === 'object'
        ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x))
        : String(v);

/** Read-only SQL over the loaded tables, for analysts; personal columns come back masked. */
export function SqlPanel({ client, onShowOnMap }: SqlPanelProps) {
  const { t } = useTranslation();
  const [sql, setSql] = useState(EXAMPLE);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const check = checkReadOnly(sql);
    setResult(null);
    if (!check.ok) {
      setError(
        check.reason === 'notReadOnly'
          ? t('planner.sql.notReadOnly', { keyword: check.keyword || '?' })
          : t(`planner.sql.${check.reason}`),
      );
      return;
    }
    setError(null);
    setBusy(true);
    const t0 = performance.now();
    try {
      const table = await client.queryTable(limitedSql(check, MAX_ROWS));
      const columns = table.schema.fields.map((field) => field.name);
      const all = table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
      setResult({
        columns,
        rows: maskRows(all.slice(0, MAX_ROWS)),
        truncated: all.length > MAX_ROWS,
        ms: performance.now() - t0,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const hasVillages = result?.columns.includes('village_code') ?? false;
  const hasPoints = (result?.columns.includes('lon') && result?.columns.includes('lat')) ?? false;
  const showOnMap = () => {
    if (!result) return;
    if (hasPoints) {
      const pts = result.rows.filter((r) => Number.isFinite(Number(r.lon)) && Number.isFinite(Number(r.lat)));
      const positions = new Float32Array(pts.length * 2);
      pts.forEach((r, i) => {
        positions[2 * i] = Number(r.lon);
        positions[2 * i + 1] = Number(r.lat);
      });
      onShowOnMap({ kind: 'points', positions });
    } else if (hasVillages) {
      onShowOnMap({ kind: 'villages', codes: result.rows.map((r) => String(r.village_code)) });
    }
  };

  return (
    <section className="sql-panel" data-testid="sql-panel">
      <p className="muted">{t('planner.sql.help')}</p>
      <textarea
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
        {(hasVillages || hasPoints) && (
          <button type="button" data-testid="sql-map" onClick={showOnMap}>
            {t('planner.sql.showOnMap')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => onShowOnMap(null)}>
          {t('planner.sql.clearMap')}
        </button>
      </div>
      {error && (
        <p className="warning" role="alert" data-testid="sql-error">
          {error}
        </p>
      )}
      {result && (
        <>
          <p className="muted" data-testid="sql-summary">
            {t('planner.sql.rows', { count: result.rows.length, ms: Math.round(result.ms) })}
            {result.truncated && ` ${t('planner.sql.truncated', { max: MAX_ROWS })}`}
          </p>
          <div className="table-scroll">
            <table className="data-table" data-testid="sql-result">
              <thead>
                <tr>
                  {result.columns.map((c) => (
                    <th key={c} className="text">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: result rows have no key of their own
                  <tr key={i}>
                    {result.columns.map((c) => (
                      <td key={c} className="text">
                        {show(row[c])}
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
