import { MANIFEST_FILE } from '../aggregates/format';
import { type AggregateFiles, type AggregateReport, loadAggregates } from '../aggregates/load-aggregates';
import { type AggregateIssue, parseManifest } from '../aggregates/validate';
import { plannerTablesLoaded } from '../cube/prepared';
import type { SqlClient } from '../sql/sql-client';
import type { DatasetSource } from './dataset-source';
import { fetchBytes } from './fetch-bytes';
import { fileName } from './load-guard';
import type { AggregateKind } from './stored-manifest';
import type { TableStatus } from './table-status';

/** A published aggregate dataset that cannot be opened at all: the issue names the file and the problem. */
export class AggregateDatasetError extends Error {
  constructor(readonly issue: AggregateIssue) {
    super(`aggregate dataset: ${issue.file} ${issue.code}`);
    this.name = 'AggregateDatasetError';
  }
}

export interface LoadedAggregates {
  /** The source with the manifest's name, date and synthetic label where the config left them out. */
  source: DatasetSource;
  report: AggregateReport;
  /** No household rows: the tables the figures were made from are 'aggregated' (figures needing rows say so). */
  tables: TableStatus;
}

/** The three aggregate files of a dataset imported in this browser, or null when it holds household rows. */
export function storedAggregateFiles(source: DatasetSource): AggregateFiles | null {
  const file = (kind: AggregateKind) => source.stored?.files.find((f) => f.kind === kind);
  const manifest = file('aggregate_manifest');
  const figures = file('aggregate_figures');
  const months = file('aggregate_months');
  if (!manifest || !figures || !months) return null;
  return {
    manifest: manifest.bytes,
    figures: figures.bytes,
    months: months.bytes,
    names: { manifest: manifest.fileName, figures: figures.fileName, months: months.fileName },
  };
}

/**
 * Downloads a published aggregate dataset (manifest, village figures, months) from the app's server; the files
 * named by the manifest must lie beside it.
 */
export async function fetchAggregateFiles(manifestUrl: string): Promise<AggregateFiles> {
  const manifestFile = fileName(manifestUrl);
  const manifest = await fetchBytes(manifestUrl);
  // The manifest first: a wrong one is named as such, not as the figure files it fails to name.
  const parsed = parseManifest(manifest, manifestFile);
  if (!parsed.ok) throw new AggregateDatasetError(parsed.issue);
  const { figures: figuresFile, months: monthsFile } = parsed.value.files;
  // Files beside the manifest only (never a path or another server).
  if (![figuresFile, monthsFile].every((name) => /^[\w.-]+$/.test(name))) {
    throw new AggregateDatasetError({
      file: manifestFile,
      row: null,
      code: 'manifest_field',
      column: 'files',
    });
  }
  const beside = (name: string) => new URL(name, new URL(manifestUrl, globalThis.location.href)).href;
  const [figures, months] = await Promise.all([
    fetchBytes(beside(figuresFile)),
    fetchBytes(beside(monthsFile)),
  ]);
  return { manifest, figures, months };
}

/**
 * Loads an aggregate dataset's files with the loader's checks; the planner's tables then hold the published
 * village figures. `source` is the published or imported dataset they came from.
 */
export async function openAggregates(
  client: SqlClient,
  files: AggregateFiles,
  source: DatasetSource,
): Promise<LoadedAggregates> {
  const loaded = await loadAggregates(client, files);
  if (loaded.manifest) plannerTablesLoaded(client);
  const m = loaded.manifest;
  if (!m || loaded.report.fatal) {
    const fatal = loaded.report.fatal ?? {
      file: MANIFEST_FILE,
      row: null,
      code: 'manifest_unreadable' as const,
    };
    throw new AggregateDatasetError(fatal);
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
