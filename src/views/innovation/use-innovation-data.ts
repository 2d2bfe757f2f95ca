import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { recordsToAssessments } from '../../analysis/innovation-assessment';
import type { Assessment, Rubric } from '../../analysis/innovation-index';
import { fetchJsonIfPresent } from '../../data/fetch-bytes';
import {
  FAMILIES_REACHED_SQL,
  familiesReached,
  type ProgrammeResults,
  programmeResults,
} from '../../data/innovation-programme';
import { loadExampleRecords, loadRubrics } from '../../data/innovation-rubric';
import { type VillageStats, villageStats } from '../../data/queries';
import { DEFAULT_COVERAGE_THRESHOLD_M } from '../../data/schema';
import type { SqlClient } from '../../data/sql-client';

export interface InnovationData {
  rubrics: Map<number, Rubric>;
  rubricProblems: string[];
  example: Assessment[];
  programme: ProgrammeResults;
  familiesReached: number;
  familiesReachedSql: string;
  villages: VillageStats[];
  province: FeatureCollection | null;
}

/** Rubrics, the example assessment and every programme figure the Inovasi view shows. */
export function useInnovationData(client: SqlClient) {
  const [data, setData] = useState<InnovationData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const { rubrics, problems } = await loadRubrics();
      const records = await loadExampleRecords();
      const example = recordsToAssessments(records, rubrics).assessments;
      const programme = await programmeResults(client, DEFAULT_COVERAGE_THRESHOLD_M);
      const reached = await familiesReached(client);
      const villages = await villageStats(client, 'any', DEFAULT_COVERAGE_THRESHOLD_M);
      const province = (await fetchJsonIfPresent(
        'iid/inset-bengkulu-province.geojson',
      )) as FeatureCollection | null;
      if (live)
        setData({
          rubrics,
          rubricProblems: problems,
          example,
          programme,
          familiesReached: reached,
          familiesReachedSql: FAMILIES_REACHED_SQL,
          villages,
          province,
        });
    })().catch((e: unknown) => {
      if (live) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
    };
  }, [client]);
  return { data, error };
}
