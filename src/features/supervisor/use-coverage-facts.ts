import type { SqlClient } from '../../core/sql/sql-client';
import { useDatasetAnswer } from '../../core/ui/use-dataset-answer';
import { AGENT_FACTS, readAgentFacts } from './agent-facts';
import { coverageArraysRead } from './coverage-session';
import { NEED_RATES, readNeedRates } from './need-rates';

/**
 * Pengawasan's need rates by village and its agents' types and offices (`withAgents`), read once per dataset
 * (perDataset: prepareCoverage reads them ahead under the same keys). Asked once the engine's arrays are read
 * (the same database would otherwise read these first), while the engine takes them: call it after
 * useCoverage, which starts reading the arrays.
 */
export function useCoverageFacts(client: SqlClient, withAgents: boolean) {
  const needRate = useDatasetAnswer(client, NEED_RATES, () =>
    coverageArraysRead(client).then(() => readNeedRates(client)),
  ).data;
  const agentFacts = useDatasetAnswer(
    client,
    AGENT_FACTS,
    () => coverageArraysRead(client).then(() => readAgentFacts(client)),
    withAgents,
  ).data;
  return { needRate, agentFacts };
}
