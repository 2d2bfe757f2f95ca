import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { rubricFileProblems } from '../../../src/features/innovation/data/innovation-rubric';

const read = (file: string) =>
  JSON.parse(readFileSync(`data/iid/${file}`, 'utf8')) as Record<string, unknown>;
const schema = read('rubric.schema.json');
const { years } = read('index.json') as { years: number[] };
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('data/iid rubric files', () => {
  it('lists at least two years', () => {
    expect(years.length).toBeGreaterThanOrEqual(2);
  });

  it.each(years)('%i.json validates against rubric.schema.json and is consistent', (year) => {
    const rubric = read(`${year}.json`);
    const ok = validate(rubric);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(rubric.year).toBe(year);
    expect(rubricFileProblems(rubric, `${year}.json`)).toEqual([]);
  });

  it('rejects a rubric with a number changed or a source missing', () => {
    const broken = read('2026.json') as { indicators: { weight: number; source: string }[] };
    (broken.indicators[0] as { weight: number }).weight = 2;
    (broken.indicators[1] as { source: string }).source = 'nowhere';
    const problems = rubricFileProblems(broken, '2026.json');
    expect(problems.some((p) => p.includes('maxima.spd 63'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown source "nowhere"'))).toBe(true);
    const { categories: _dropped, ...noCategories } = read('2023.json');
    expect(validate(noCategories)).toBe(false);
  });
});
