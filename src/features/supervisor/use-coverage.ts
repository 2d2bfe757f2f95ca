import { useEffect, useRef, useState } from 'react';
import type { CoverageOptions, CoverageResult } from '../../core/coverage-engine';
import type { SqlClient } from '../../core/sql/sql-client';
import { CoverageClient } from './coverage-client';
import { type CoverageArrays, loadCoverageArrays } from './coverage-input';

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
 * Feeds the coverage engine's worker from DuckDB once, then recomputes whenever the options
 * change (the newest request wins; intermediate slider positions are skipped).
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
  const ready = useRef<Promise<{ client: CoverageClient; arrays: CoverageArrays }> | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const client = new CoverageClient();
    ready.current = loadCoverageArrays(sql).then(async (arrays) => {
      await client.init(
        {
          households: arrays.households,
          agents: arrays.agents,
          villageDistrict: arrays.villageDistrict,
          districtCount: arrays.districtCount,
        },
        arrays.villageLabel,
      );
      setState((s) => ({ ...s, arrays, client }));
      return { client, arrays };
    });
    return () => {
      client.terminate();
      ready.current = null;
    };
  }, [sql]);

  useEffect(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, computing: true }));
    const timer = setTimeout(() => {
      ready.current
        ?.then(({ client }) => client.compute(options))
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
    }, 120);
    return () => clearTimeout(timer);
  }, [options]);

  return state;
}
