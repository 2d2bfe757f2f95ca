import { useEffect, useRef, useState } from 'react';
import type { CoverageOptions, CoverageResult } from '../../core/coverage-engine';
import type { SqlClient } from '../../core/sql/sql-client';
import { type CoverageSlider, nextCoverageOptions } from './coverage-ahead';
import type { CoverageClient } from './coverage-client';
import type { CoverageArrays } from './coverage-input';
import {
  askAhead,
  type CoverageSession,
  computeCoverage,
  coverageSession,
  settledCoverage,
} from './coverage-session';

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
 * How long an answer may take before the section says it is computing (each change of that state draws the
 * whole section again: about 90 ms of a distance step on a two-core machine).
 */
const BUSY_AFTER_MS = 150;

type Settled = NonNullable<ReturnType<typeof settledCoverage>>;

/** `s` with an answer that is already in (prepared ahead, or asked for before with these options). */
function answered(s: CoverageState, settled: Settled, options: CoverageOptions): CoverageState {
  const { session, result } = settled;
  return {
    ...s,
    arrays: session.arrays,
    client: session.client,
    result,
    options,
    computing: false,
    error: null,
  };
}

const NOTHING_YET: CoverageState = {
  arrays: null,
  result: null,
  options: null,
  computing: true,
  error: null,
  client: null,
};

/** The state a section opens with: the answer itself when it is already in (prepared ahead). */
function openingState(sql: SqlClient, options: CoverageOptions): CoverageState {
  const settled = settledCoverage(sql, options);
  return settled ? answered(NOTHING_YET, settled, options) : NOTHING_YET;
}

/** How long an answer stays on screen before the next steps' answers are asked ahead (a held key passes on). */
const AHEAD_AFTER_MS = 50;

/** The slider that moved from `before` to `after`, and which way (the distance limit when nothing did). */
function moved(before: CoverageOptions | null, after: CoverageOptions): [CoverageSlider, 1 | -1] {
  if (before && before.visitDays !== after.visitDays)
    return ['visit', after.visitDays > before.visitDays ? 1 : -1];
  return ['distance', before && after.thresholdM < before.thresholdM ? -1 : 1];
}

/**
 * The dataset's coverage session (coverage-session.ts: fed from DuckDB once per page, perhaps already prepared
 * ahead), recomputed whenever the options change (the newest request wins; positions a slider passed while
 * the engine was busy are skipped). An answer already in is taken at once, without a render in between. Once
 * an answer is shown, the answers one step either side on the slider last moved are asked ahead.
 */
export function useCoverage(sql: SqlClient, options: CoverageOptions): CoverageState {
  const [state, setState] = useState<CoverageState>(() => openingState(sql, options));
  const ready = useRef<Promise<CoverageSession> | null>(null);
  const latest = useRef(0);

  // New options whose answer is already in (asked ahead, or before) are answered in this render: React renders
  // again at once, before anything is committed, so a step of a slider draws the section once, not twice.
  if (state.options !== options) {
    const settled = settledCoverage(sql, options);
    if (settled) setState(answered(state, settled, options));
  }

  useEffect(() => {
    let live = true;
    const session = coverageSession(sql);
    ready.current = session;
    session.then(
      ({ client, arrays }) => {
        if (live)
          setState((s) => (s.arrays === arrays && s.client === client ? s : { ...s, arrays, client }));
      },
      () => undefined,
    );
    return () => {
      live = false;
      ready.current = null;
    };
  }, [sql]);

  // One request at a time; a request that waited behind another is dropped when a newer one came meanwhile
  // (a sliding thumb is answered where it is, without a pause before each answer).
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    const request = ++latest.current;
    const settled = settledCoverage(sql, options);
    if (settled) {
      setState((s) =>
        s.result === settled.result && !s.computing && s.error === null ? s : answered(s, settled, options),
      );
      return;
    }
    const current = () => request === latest.current;
    // Said only when the answer keeps the user waiting: a quick one is drawn without the page drawn twice.
    const busy = setTimeout(() => {
      if (current()) setState((s) => (s.computing ? s : { ...s, computing: true }));
    }, BUSY_AFTER_MS);
    inFlight.current = inFlight.current.then(async () => {
      if (!current()) return;
      try {
        const session = await ready.current;
        if (!session) return;
        const result = await computeCoverage(session, options);
        if (current()) setState((s) => ({ ...s, result, options, computing: false, error: null }));
      } catch (error) {
        if (current())
          setState((s) => ({
            ...s,
            computing: false,
            error: error instanceof Error ? error.message : String(error),
          }));
      } finally {
        clearTimeout(busy);
      }
    });
  }, [options, sql]);

  // Once this answer is shown: the next steps' answers, while the user looks.
  const previous = useRef<CoverageOptions | null>(null);
  const shown = state.options === options && state.result !== null;
  useEffect(() => {
    if (!shown) return;
    const [slider, towards] = moved(previous.current, options);
    previous.current = options;
    const timer = setTimeout(() => {
      ready.current?.then(
        (session) => askAhead(session, nextCoverageOptions(options, slider, towards)),
        () => undefined,
      );
    }, AHEAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [shown, options]);

  return state;
}
