import { useEffect, useRef, useState } from 'react';
import type { CoverageOptions, CoverageResult } from '../../core/coverage-engine';
import type { SqlClient } from '../../core/sql/sql-client';
import type { CoverageClient } from './coverage-client';
import type { CoverageArrays } from './coverage-input';
import { type CoverageSession, computeCoverage, coverageSession } from './coverage-session';

export interface CoverageState {
  arrays: CoverageArrays | null;
  result: CoverageResult | null;
  /** The options `result` was computed with. */
  options: CoverageOptions | null;
  computing: boolean;
  error: string | null;
  client: CoverageClient | null;
}

/**
 * The dataset's coverage session (coverage-session.ts: fed from DuckDB once per page, perhaps already prepared
 * ahead), recomputed whenever the options change (the newest request wins; intermediate slider positions are
 * skipped).
 */
export function useCoverage(sql: SqlClient, options: CoverageOptions): CoverageState {
  const [state, setState] = useState<CoverageState>({
    arrays: null,
    result: null,
    options: null,
    computing: true,
    error: null,
    client: null,
  });
  const ready = useRef<Promise<CoverageSession> | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    let live = true;
    const session = coverageSession(sql);
    ready.current = session;
    session.then(
      ({ client, arrays }) => {
        if (live) setState((s) => ({ ...s, arrays, client }));
      },
      () => undefined,
    );
    return () => {
      live = false;
      ready.current = null;
    };
  }, [sql]);

  useEffect(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, computing: true }));
    // The first answer at once; later ones after a pause, so a sliding thumb asks only where it stops.
    const timer = setTimeout(
      () => {
        ready.current
          ?.then((session) => computeCoverage(session, options))
          .then((result) => {
            if (request === latest.current)
              setState((s) => ({ ...s, result, options, computing: false, error: null }));
          })
          .catch((error: unknown) => {
            if (request === latest.current)
              setState((s) => ({
                ...s,
                computing: false,
                error: error instanceof Error ? error.message : String(error),
              }));
          });
      },
      request === 1 ? 0 : 120,
    );
    return () => clearTimeout(timer);
  }, [options]);

  return state;
}
