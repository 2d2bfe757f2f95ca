/**
 * The IID rubrics (data/iid/<year>.json, listed in data/iid/index.json) and the example
 * self-assessment, fetched from the app's own origin and checked before use.
 */

import { fetchJsonIfPresent } from '../../../core/dataset/fetch-bytes';
import { readTrimmedRows } from '../../../core/import/csv-text';
import { type Rubric, rubricProblems } from './innovation-index';

const REQUIRED_KEYS: readonly (keyof Rubric)[] = [
  'year',
  'title',
  'status',
  'sources',
  'levelRange',
  'aspects',
  'variables',
  'indicators',
  'innovationCount',
  'divisor',
  'maxima',
  'categories',
];

/** Structural and consistency problems of a parsed rubric file (the JSON Schema's essentials). */
export function rubricFileProblems(raw: unknown, file: string): string[] {
  if (raw === null || typeof raw !== 'object') return [`${file}: not a JSON object`];
  const missing = REQUIRED_KEYS.filter((k) => !(k in raw));
  if (missing.length > 0) return [`${file}: missing ${missing.join(', ')}`];
  const r = raw as Rubric;
  if (!Array.isArray(r.indicators) || !Array.isArray(r.variables) || !Array.isArray(r.categories))
    return [`${file}: indicators, variables and categories must be lists`];
  for (const ind of r.indicators) {
    if (typeof ind.weight !== 'number' || !Array.isArray(ind.levels))
      return [`${file}: indicator ${String(ind.id)} has no numeric weight or level list`];
  }
  return rubricProblems(r).map((p) => `${file}: ${p}`);
}

export interface LoadedRubrics {
  rubrics: Map<number, Rubric>;
  /** Files that could not be used, with why. */
  problems: string[];
}

/** Every rubric listed in iid/index.json; a broken file is left out and reported. */
export async function loadRubrics(base = 'iid/'): Promise<LoadedRubrics> {
  const index = (await fetchJsonIfPresent(`${base}index.json`)) as { years?: unknown } | null;
  const years = Array.isArray(index?.years)
    ? index.years.filter((y): y is number => Number.isInteger(y))
    : [];
  const rubrics = new Map<number, Rubric>();
  const problems: string[] = [];
  if (years.length === 0) problems.push(`${base}index.json: no years listed`);
  for (const year of years) {
    const file = `${base}${year}.json`;
    const raw = await fetchJsonIfPresent(file);
    const issues = raw === null ? [`${file}: not found`] : rubricFileProblems(raw, file);
    if (issues.length > 0) problems.push(...issues);
    else rubrics.set(year, raw as Rubric);
  }
  return { rubrics, problems };
}

/** The example self-assessment shipped with the app (data/iid/example-assessment.csv) as records. */
export async function loadExampleRecords(base = 'iid/'): Promise<string[][]> {
  const response = await fetch(`${base}example-assessment.csv`);
  if (!response.ok) return [];
  const text = await response.text();
  return text.trimStart().startsWith('<') ? [] : readTrimmedRows(text);
}
