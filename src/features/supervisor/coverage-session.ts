import { LRUCache } from 'lru-cache';
import {
  type CoverageOptions,
  type CoverageResult,
  DEFAULT_COVERAGE_OPTIONS,
} from '../../core/coverage-engine';
import { onDatasetReplaced } from '../../core/dataset/dataset-lifetime';
import { reportLoadFailure } from '../../core/dataset/load-guard';
import { placeNames } from '../../core/sql/places';
import type { SqlClient } from '../../core/sql/sql-client';
import { type Settling, settling } from '../../core/ui/settling';
import { agentTypesAndOffices } from './agent-facts';
import { CoverageClient } from './coverage-client';
import { type CoverageArrays, loadCoverageArrays } from './coverage-input';
import { coverageOptionsKey, KEPT_ANSWERS } from './coverage-protocol';
import { needRateByVillage } from './need-rates';
import { parseSupervisorLink } from './url-state';

/**
 * The coverage engine's worker fed with one loaded dataset, and its last answers (asked for, or asked ahead)
 * by their options' key.
 */
export interface CoverageSession {
  client: CoverageClient;
  arrays: CoverageArrays;
  answers: LRUCache<string, Settling<CoverageResult>>;
}

/** An answer asked ahead that the worker skipped (a request was waiting): asked again when it is needed. */
const SKIPPED = new Error('skipped');

/**
 * A dataset's session as it starts, whether its failure is reported, and when its arrays have been read from
 * the database (`read`, settled either way): DuckDB is free for other statements from then on, while the
 * engine takes the arrays.
 */
type SessionEntry = Settling<CoverageSession> & { reported: boolean; read: Promise<void> };

/** One session per loaded dataset (its SQL client): kept while the page lives, across visits to Pengawasan. */
const sessions = new WeakMap<SqlClient, SessionEntry>();

async function startSession(sql: SqlClient, report: boolean, onRead: () => void): Promise<CoverageSession> {
  const client = new CoverageClient();
  onDatasetReplaced(sql, () => client.terminate());
  const start = performance.now();
  try {
    const arrays = await loadCoverageArrays(sql).finally(onRead);
    await client.init(
      {
        households: arrays.households,
        agents: arrays.agents,
        villageDistrict: arrays.villageDistrict,
        districtCount: arrays.districtCount,
      },
      arrays.villageLabel,
      { report },
    );
    // On the page's timeline for `npm run profile`: the arrays read from DuckDB and handed to the engine.
    performance.measure('gancang:coverage-fed', { start, end: performance.now() });
    return { client, arrays, answers: new LRUCache({ max: KEPT_ANSWERS }) };
  } catch (error) {
    client.terminate();
    throw error;
  }
}

/**
 * The dataset's session, started on first use. Started ahead (`report` false), a failure is forgotten: the
 * section, when opened, starts again and says what failed — or, when it takes a session still starting,
 * says it when that one fails.
 */
export function coverageSession(sql: SqlClient, report = true): Promise<CoverageSession> {
  const known = sessions.get(sql);
  if (known) {
    if (report && !known.reported) {
      known.reported = true;
      known.promise.catch(reportLoadFailure);
    }
    return known.promise;
  }
  let onRead = () => {};
  const read = new Promise<void>((resolve) => {
    onRead = resolve;
  });
  const session = startSession(sql, report, onRead);
  // The same object keeps the value (settling fills it in later).
  sessions.set(
    sql,
    Object.assign(
      settling(session, () => sessions.delete(sql)),
      { reported: report, read },
    ),
  );
  return session;
}

/**
 * Resolves once the dataset's session has read its arrays from the database (at once when no session is
 * starting). Pengawasan's own statements wait for it, so that they do not hold up the engine's arrays, and
 * no longer: they run while the engine takes the arrays and works out its first answer.
 */
export const coverageArraysRead = (sql: SqlClient): Promise<void> =>
  sessions.get(sql)?.read ?? Promise.resolve();

/**
 * The session and its answer for `options` when both are already in (Pengawasan prepared ahead, or opened
 * before with these settings): a section opened then draws at once, without waiting a turn for them.
 */
export function settledCoverage(
  sql: SqlClient,
  options: CoverageOptions,
): { session: CoverageSession; result: CoverageResult } | null {
  const session = sessions.get(sql)?.value;
  const result = session?.answers.get(coverageOptionsKey(options))?.value;
  return session && result ? { session, result } : null;
}

/** Keeps `result` as the answer for `key` until it is dropped or fails. */
function keep(
  session: CoverageSession,
  key: string,
  result: Promise<CoverageResult>,
): Promise<CoverageResult> {
  const kept = settling(result, () => {
    if (session.answers.peek(key) === kept) session.answers.delete(key);
  });
  session.answers.set(key, kept);
  return result;
}

/** The engine's answer for `options`; asked again with the same options, a kept answer is reused. */
export function computeCoverage(session: CoverageSession, options: CoverageOptions): Promise<CoverageResult> {
  const key = coverageOptionsKey(options);
  const known = session.answers.get(key);
  if (known)
    return known.promise.catch((error: unknown) =>
      error === SKIPPED ? computeCoverage(session, options) : Promise.reject(error),
    );
  return keep(session, key, session.client.compute(options));
}

/**
 * Has the engine work out the answers for `next` (the positions a slider may move to) while the user looks at
 * this one, so that a step finds its answer in. Nothing to wait for; one the worker skips is asked for again
 * only when needed.
 */
export function askAhead(session: CoverageSession, next: readonly CoverageOptions[]): void {
  // The ones kept are touched first, so that a new one pushes out neither them nor the answer shown.
  const missing = next.filter((options) => session.answers.get(coverageOptionsKey(options)) === undefined);
  for (const options of missing) {
    const key = coverageOptionsKey(options);
    const result = session.client.computeAhead(options).then((r) => r ?? Promise.reject(SKIPPED));
    keep(session, key, result);
  }
}

/**
 * Prepares Pengawasan while the user is elsewhere: the engine fed and its first answer computed for the
 * settings the section would open with (the link's distance limit and visit window); the area names, the need
 * rates and the agents' types and offices read.
 */
export async function prepareCoverage(sql: SqlClient, thresholdM: number, search: string): Promise<void> {
  const { visitDays } = parseSupervisorLink(search).state;
  const names = placeNames(sql);
  const session = coverageSession(sql, false);
  // Read while the engine takes its arrays and works (the database is free then), so the section opens with
  // them in. Should one fail, the section asks again and says so.
  const facts = coverageArraysRead(sql).then(() =>
    Promise.all([needRateByVillage(sql), agentTypesAndOffices(sql)]).catch(() => undefined),
  );
  await Promise.all([
    session.then((s) => computeCoverage(s, { ...DEFAULT_COVERAGE_OPTIONS, thresholdM, visitDays })),
    names,
    facts,
  ]);
}
