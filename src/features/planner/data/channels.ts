/**
 * The choices of the planner's channel filter (kanal layanan): the configured channels in config.json's
 * order, then the channel values found in the cases that are not configured (most cases first), then "no
 * channel" when some cases carry none. A channel is its key as channelKey computes it (the SQL's
 * `planner_cases.channel_key`), so "TRC", "trc " and "Trc" are one choice.
 */
import { channelCleanSql } from '../../../core/cube/tables';
import { type ChannelConfig, channelKey } from '../../../core/dataset/app-config';
import { perDataset } from '../../../core/sql/per-dataset';
import { queryRows, type SqlClient } from '../../../core/sql/sql-client';
import { NO_CHANNEL } from './model';

/** One channel value of the planner's cases, as the SQL finds it. */
export interface FoundChannel {
  /** channelKey of the value; null for the cases without a channel. */
  key: string | null;
  /** The value as written in the data (whitespace tidied; of several spellings the first by sort order). */
  spelling: string | null;
  /** Cases of the channel among the planner's cases (those of a known household). */
  cases: number;
}

export interface ChannelOption {
  /** channelKey of the channel; NO_CHANNEL for the cases without one. */
  key: string;
  /**
   * Shown name: the configured name (with its code when they differ, "Tim Reaksi Cepat (TRC)"), else the value
   * as found in the data; '' for NO_CHANNEL (the view names it in its language).
   */
  label: string;
  /** A channel of config.json's list (it is offered even without cases). */
  listed: boolean;
  cases: number;
}

/** Every channel key of the planner's cases with its spelling and number of cases. */
export const FOUND_CHANNELS_SQL = `WITH k AS (
    SELECT channel_key AS key, count(*)::INTEGER AS cases FROM planner_cases GROUP BY 1
  ),
  s AS (
    SELECT lower(clean) AS key, min(clean) AS spelling
    FROM (SELECT nullif(${channelCleanSql('channel')}, '') AS clean FROM cases)
    WHERE clean IS NOT NULL GROUP BY 1
  )
  SELECT k.key, s.spelling, k.cases FROM k LEFT JOIN s USING (key)
  ORDER BY k.cases DESC, k.key NULLS LAST`;

const byLabel = (a: ChannelOption, b: ChannelOption) =>
  b.cases - a.cases || a.label.localeCompare(b.label, 'id');

/** The filter's choices in their order (pure): configured, then found in the data, then no channel. */
export function channelOptions(
  configured: readonly ChannelConfig[],
  found: readonly FoundChannel[],
): ChannelOption[] {
  const cases = new Map(found.map((f) => [f.key, f.cases] as const));
  const listed = configured.map((c): ChannelOption => {
    const key = channelKey(c.code);
    const label = channelKey(c.name) === key ? c.name : `${c.name} (${c.code})`;
    return { key, label, listed: true, cases: cases.get(key) ?? 0 };
  });
  const listedKeys = new Set(listed.map((o) => o.key));
  const others = found
    .filter((f): f is FoundChannel & { key: string } => f.key !== null && !listedKeys.has(f.key))
    .map((f): ChannelOption => ({ key: f.key, label: f.spelling ?? f.key, listed: false, cases: f.cases }))
    .sort(byLabel);
  const none = cases.get(null);
  return [
    ...listed,
    ...others,
    ...(none ? [{ key: NO_CHANNEL, label: '', listed: false, cases: none }] : []),
  ];
}

/** Shown names of the channels last listed (the dataset on screen), for the filters in words. */
const labels = new Map<string, string>();

/**
 * The channel filter's choices for the dataset of `client` (its planner tables must be prepared). Remembers
 * their names for channelLabel.
 */
export async function plannerChannels(
  client: SqlClient,
  configured: readonly ChannelConfig[],
): Promise<{ options: ChannelOption[]; anyCases: boolean }> {
  const rows = await perDataset(client, 'found-channels', () =>
    queryRows<FoundChannel>(client, FOUND_CHANNELS_SQL),
  );
  const options = channelOptions(configured, rows);
  labels.clear();
  for (const o of options) if (o.key !== NO_CHANNEL) labels.set(o.key, o.label);
  return { options, anyCases: rows.length > 0 };
}

/** The shown name of a channel key (as last listed by plannerChannels); null when not known. */
export const channelLabel = (key: string): string | null => labels.get(key) ?? null;
