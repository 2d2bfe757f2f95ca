import {
  type CoverageOptions,
  type CoverageResult,
  DEFAULT_COVERAGE_OPTIONS,
} from '../../core/coverage-engine';
import { onDatasetReplaced } from '../../core/dataset/dataset-lifetime';
import { reportLoadFailure } from '../../core/dataset/load-guard';
import type { SqlClient } from '../../core/sql/sql-client';
import { type Settling, settling } from '../../core/ui/settling';
import { gazetteerOf } from './area-names';
import { CoverageClient } from './coverage-client';
import { type CoverageArrays, loadCoverageArrays } from './coverage-input';
import { coverageOptionsKey } from './coverage-protocol';
import { parseSupervisorLink } from './url-state';

/** The coverage engine's worker fed with one loaded dataset, and its last answer with the options' key. */
export interface CoverageSession {
  client: CoverageClient;
  arrays: CoverageArrays;
  last: (Settling<CoverageResult> & { key: string }) | null;
}

/** A dataset's session as it starts, and whether its failure is reported. */
type SessionEntry = Settling<CoverageSession> & { reported: boolean };

/** One session per loaded dataset (its SQL client): kept while the page lives, across visits to Pengawasan. */
const sessions = new WeakMap<SqlClient, SessionEntry>();

async function startSession(sql: SqlClient, report: boolean): Promise<CoverageSession> {
  const client = new CoverageClient();
  onDatasetReplaced(sql, () => client.terminate());
  try {
    const arrays = await loadCoverageArrays(sql);
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
    return { client, arrays, last: null };
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
  const session = startSession(sql, report);
  // The same object keeps the value (settling fills it in later).
  sessions.set(
    sql,
    Object.assign(
      settling(session, () => sessions.delete(sql)),
      { reported: report },
    ),
  );
  return session;
}

/**
 * The session and its answer for `options` when both are already in (Pengawasan prepared ahead, or opened
 * before with these settings): a section opened then draws at once, without waiting a turn for them.
 */
export function settledCoverage(
  sql: SqlClient,
  options: CoverageOptions,
): { session: CoverageSession; result: CoverageResult } | null {
  const session = sessions.get(sql)?.value;
  const last = session?.last;
  if (!session || !last?.value || last.key !== coverageOptionsKey(options)) return null;
  return { session, result: last.value };
}

/** The engine's answer for `options`; asked again with the same options, the last answer is reused. */
export function computeCoverage(session: CoverageSession, options: CoverageOptions): Promise<CoverageResult> {
  const key = coverageOptionsKey(options);
  if (session.last?.key === key) return session.last.promise;
  const result = session.client.compute(options);
  const last: NonNullable<CoverageSession['last']> = Object.assign(
    settling(result, () => {
      if (session.last === last) session.last = null;
    }),
    { key },
  );
  session.last = last;
  return result;
}

/**
 * Prepares Pengawasan while the user is elsewhere: the engine fed and its first answer computed for the
 * settings the section would open with (the link's distance limit and visit window), and the area names read.
 */
export async function prepareCoverage(sql: SqlClient, thresholdM: number, search: string): Promise<void> {
  const { visitDays } = parseSupervisorLink(search).state;
  const names = gazetteerOf(sql);
  const session = await coverageSession(sql, false);
  await Promise.all([
    computeCoverage(session, { ...DEFAULT_COVERAGE_OPTIONS, thresholdM, visitDays }),
    names,
  ]);
}
