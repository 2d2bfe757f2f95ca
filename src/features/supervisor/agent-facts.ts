import { perDataset } from '../../core/sql/per-dataset';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import type { AgentIdentity } from './agent-export';

interface AgentFacts {
  type: string[];
  office: (string | null)[];
}
/** Their key among the dataset's answers (perDataset): read ahead by prepareCoverage, used by the view. */
export const AGENT_FACTS = 'agent-types-and-offices';

/**
 * Agents' type and office in the coverage engine's agent order (coverage-input.ts: by agent_id), for the
 * follow-up lists, once per dataset. Names and NIP are not read here: only an internal export asks for them
 * (agentIdentities), and they are not kept.
 */
export async function readAgentFacts(client: SqlClient): Promise<AgentFacts> {
  const rows = await queryRows<{ agent_type: string | null; employer: string | null }>(
    client,
    'SELECT agent_type, employer FROM agents ORDER BY agent_id',
  );
  return {
    type: rows.map((r) => r.agent_type ?? ''),
    office: rows.map((r) => (r.employer?.trim() ? r.employer.trim() : null)),
  };
}

/** The agents' type and office, read once per dataset. */
export const agentTypesAndOffices = (client: SqlClient): Promise<AgentFacts> =>
  perDataset(client, AGENT_FACTS, () => readAgentFacts(client));

/** Id, name and NIP of every agent in engine order, for an export the user made internal. */
export const agentIdentities = (client: SqlClient): Promise<AgentIdentity[]> =>
  queryRows<AgentIdentity>(
    client,
    'SELECT agent_id AS id, agent_name AS name, nip FROM agents ORDER BY agent_id',
  );
