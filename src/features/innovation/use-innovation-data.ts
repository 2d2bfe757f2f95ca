import type { FeatureCollection } from 'geojson';
import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine/types';
import { fetchJsonIfPresent } from '../../core/dataset/fetch-bytes';
import { DEFAULT_COVERAGE_THRESHOLD_M } from '../../core/domain/schema';
import { type VillageStats, villageStats } from '../../core/sql/queries';
import type { SqlClient } from '../../core/sql/sql-client';
import { useTableStatus } from '../../core/ui/table-status';
import { useAsync } from '../../core/ui/use-async';
import { type ChannelRow, channelResults } from './data/channel-results';
import { recordsToAssessments } from './data/innovation-assessment';
import type { Assessment, Rubric } from './data/innovation-index';
import {
  FAMILIES_REACHED_SQL,
  familiesReached,
  type ProgrammeResults,
  programmeResults,
} from './data/innovation-programme';
import { loadExampleRecords, loadRubrics } from './data/innovation-rubric';
import { withoutUnavailable } from './data/programme-availability';
import { programmeFromVillageFigures } from './data/programme-figures';

export interface InnovationData {
  rubrics: Map<number, Rubric>;
  rubricProblems: string[];
  example: Assessment[];
  programme: ProgrammeResults;
  /** null when a table it needs was not imported. */
  familiesReached: number | null;
  familiesReachedSql: string;
  villages: VillageStats[];
  province: FeatureCollection | null;
  /** Results by service channel, all time; null without case rows (not imported, or aggregate data). */
  channelRows: ChannelRow[] | null;
}

/** Rubrics, the example assessment and every programme figure the Inovasi view shows. */
export function useInnovationData(client: SqlClient) {
  const tables = useTableStatus();
  const { data, error } = useAsync(async (): Promise<InnovationData> => {
    const { rubrics, problems } = await loadRubrics();
    const records = await loadExampleRecords();
    const example = recordsToAssessments(records, rubrics).assessments;
    // Figures that need a table the dataset lacks become null here, for every consumer at once; an
    // aggregate dataset gives only what village figures hold.
    const {
      programme,
      villages,
      familiesReached: reached,
    } = tables.households === 'aggregated'
      ? await programmeFromVillageFigures(client)
      : withoutUnavailable(
          {
            programme: await programmeResults(client, DEFAULT_COVERAGE_THRESHOLD_M),
            villages: await villageStats(client, 'any', DEFAULT_COVERAGE_OPTIONS),
            familiesReached: await familiesReached(client),
          },
          tables,
        );
    // The inset is decoration: without it the sheets are drawn without the province.
    const province = (await fetchJsonIfPresent('iid/inset-bengkulu-province.geojson').catch(
      () => null,
    )) as FeatureCollection | null;
    const channelRows =
      tables.cases === 'loaded' ? await channelResults(client, { district: null, month: null }) : null;
    return {
      rubrics,
      rubricProblems: problems,
      example,
      programme,
      familiesReached: reached,
      familiesReachedSql: FAMILIES_REACHED_SQL,
      villages,
      province,
      channelRows,
    };
  }, [client, tables]);
  return { data, error };
}
