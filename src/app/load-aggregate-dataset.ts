import { type AggregateReport, loadAggregates } from '../data/aggregates/load-aggregates';
import type { AggregateIssue } from '../data/aggregates/validate';
import type { DatasetSource } from '../data/dataset-source';
import { fetchBytes } from '../data/fetch-bytes';
import { plannerTablesLoaded } from '../data/planner-tables';
import type { SqlClient } from '../data/sql-client';
import type { TableStatus } from '../data/table-status';

/** A published aggregate dataset that cannot be opened at all: the issue names the file and the problem. */
export class AggregateDatasetError extends Error {
  constructor(readonly issue: AggregateIssue) {
    super(`aggregate dataset: ${issue.file} ${issue.code}`);
    this.name = 'AggregateDatasetError';
  }
}

/** The figure files a manifest names (relative to it); the loader checks the manifest itself. */
function namedFiles(manifest: Uint8Array): { figures: string; months: string } {
  try {
    const files = (JSON.parse(new TextDecoder().decode(manifest)) as { files?: Record<string, unknown> })
      .files;
    const name = (value: unknown, fallback: string) =>
      typeof value === 'string' && /^[\w.-]+$/.test(value) ? value : fallback;
    return {
      figures: name(files?.figures, 'village-figures.csv'),
      months: name(files?.months, 'village-months.csv'),
    };
  } catch {
    return { figures: 'village-figures.csv', months: 'village-months.csv' };
  }
}

export interface LoadedAggregates {
  /** The source with the manifest's name, date and synthetic label where the config left them out. */
  source: DatasetSource;
  report: AggregateReport;
  /** No household rows: the tables the figures were made from are 'aggregated' (figures needing rows say so). */
  tables: TableStatus;
}

/**
 * Downloads a published aggregate dataset (manifest, village figures, months) from the app's server and loads it
 * with the loader's checks; the planner's tables then hold the published village figures.
 */
export async function loadAggregateDataset(
  client: SqlClient,
  source: DatasetSource & { aggregates: string },
  onProgress: (fraction: number) => void,
): Promise<LoadedAggregates> {
  const manifest = await fetchBytes(source.aggregates);
  const names = namedFiles(manifest);
  const beside = (name: string) => new URL(name, new URL(source.aggregates, globalThis.location.href)).href;
  const figures = await fetchBytes(beside(names.figures), (f) => onProgress(f / 2));
  const months = await fetchBytes(beside(names.months), (f) => onProgress(0.5 + f / 2));
  const loaded = await loadAggregates(client, { manifest, figures, months });
  if (loaded.manifest) plannerTablesLoaded(client);
  const m = loaded.manifest;
  if (!m || loaded.report.fatal) {
    throw new AggregateDatasetError(
      loaded.report.fatal ?? { file: names.figures, row: null, code: 'manifest_unreadable' },
    );
  }
  return {
    source: {
      ...source,
      name: source.name || m.name,
      date: source.date ?? m.date,
      synthetic: m.synthetic,
    },
    report: loaded.report,
    tables: {
      households: 'aggregated',
      agents: m.tables.agents === 'loaded' ? 'aggregated' : 'missing',
      cases: m.tables.cases === 'loaded' ? 'aggregated' : 'missing',
    },
  };
}
