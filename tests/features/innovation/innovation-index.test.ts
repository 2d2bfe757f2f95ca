import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Assessment,
  categoryOf,
  computeIndex,
  levelForValue,
  type Rubric,
  rubricProblems,
} from '../../../src/features/innovation/data/innovation-index';

const load = (year: number) => JSON.parse(readFileSync(`data/iid/${year}.json`, 'utf8')) as Rubric;

/**
 * A small rubric whose sums are easy by hand: SPD max 2 × 5 × 3 = 30, SID indicators max
 * (10 + 5) × 3 = 45, count 0.5 × 50 = 25, total 100 (so the index equals the total score).
 */
const T: Rubric = {
  year: 2099,
  title: 'test',
  titleEn: 'test',
  status: 'unverified',
  sources: [{ id: 's', title: 'hand-made' }],
  levelRange: { min: 0, max: 3, source: 's' },
  aspects: [
    { id: 'spd', name: 'SPD', nameEn: 'SPD', scope: 'region', share: 30, source: 's' },
    { id: 'sid', name: 'SID', nameEn: 'SID', scope: 'innovation', share: 70, source: 's' },
  ],
  variables: [
    { id: 'inst', aspect: 'spd', name: 'Institusi', nameEn: 'Institutions', source: 's' },
    { id: 'infra', aspect: 'sid', name: 'Infrastruktur', nameEn: 'Infrastructure', source: 's' },
    { id: 'jumlah', aspect: 'sid', name: 'Jumlah', nameEn: 'Count', source: 's' },
  ],
  indicators: [
    {
      id: 'spd-01',
      number: '1',
      variable: 'inst',
      name: 'x',
      nameEn: 'x',
      weight: 5,
      mandatory: true,
      levels: L(),
      source: 's',
    },
    {
      id: 'spd-02',
      number: '2',
      variable: 'inst',
      name: 'y',
      nameEn: 'y',
      weight: 5,
      mandatory: false,
      levels: L(),
      source: 's',
    },
    {
      id: 'sid-03',
      number: '3',
      variable: 'infra',
      name: 'p',
      nameEn: 'p',
      weight: 10,
      mandatory: false,
      levels: L(),
      source: 's',
    },
    {
      id: 'sid-04',
      number: '4',
      variable: 'jumlah',
      name: 'q',
      nameEn: 'q',
      weight: 5,
      mandatory: true,
      levels: L(),
      source: 's',
    },
  ],
  innovationCount: {
    variable: 'jumlah',
    pointsPerInnovation: 0.5,
    cap: 50,
    max: 25,
    requiredBasicServices: 0,
    source: 's',
  },
  basicServices: ['Kesehatan', 'Pendidikan'],
  divisor: { rule: 'max-of-minimum-and-count', minimum: 5, source: 's' },
  maxima: { spd: 30, sidIndicators: 45, innovationCount: 25, total: 100, source: 's' },
  categories: [
    { id: 'a', name: 'Sangat Inovatif', nameEn: 'Very innovative', min: 60.01, source: 's' },
    { id: 'b', name: 'Inovatif', nameEn: 'Innovative', min: 35, source: 's' },
    { id: 'c', name: 'Kurang Inovatif', nameEn: 'Less innovative', min: 0.01, source: 's' },
    { id: 'd', name: 'Tidak Dapat Dinilai', nameEn: 'Cannot be assessed', min: 0, source: 's' },
  ],
  autoFill: [
    {
      indicator: 'sid-04',
      measure: 'familiesReached',
      bands: [
        { min: 1, max: 200, level: 1 },
        { min: 201, max: 500, level: 2 },
        { min: 501, level: 3 },
      ],
      source: 's',
    },
  ],
};
function L() {
  return [1, 2, 3].map((level) => ({ level, label: `p${level}`, labelEn: `l${level}` }));
}

const e = (level: number | 'data') => ({ level, evidence: '' });
const innovation = (id: string, p: number | 'data', q: number | 'data', affair = 'Kesehatan') => ({
  id,
  name: id,
  affair,
  indicators: { 'sid-03': e(p), 'sid-04': e(q) },
});
const assess = (innovations: Assessment['innovations'], x = 3, y = 3): Assessment => ({
  year: 2099,
  region: { 'spd-01': e(x), 'spd-02': e(y) },
  innovations,
});

describe('computeIndex — worked examples (hand-computed)', () => {
  it('four innovations are divided by the minimum of five; the index sits on the 60.00 boundary', () => {
    // SPD = 5·3 + 5·3 = 30. Each innovation 10·3 + 5·1 = 35, Σ = 140, divisor MAX(5, 4) = 5 → 28.
    // Count = 0.5 · 4 = 2. SID = 30. Total = 60 → IID 60.00: "Inovatif" (Sangat Inovatif starts at 60.01).
    const r = computeIndex(T, assess(['A', 'B', 'C', 'D'].map((id) => innovation(id, 3, 1))));
    expect(r.spd).toBe(30);
    expect(r.sidSum).toBe(140);
    expect(r.divisor).toBe(5);
    expect(r.sidAverage).toBe(28);
    expect(r.countScore).toBe(2);
    expect(r.total).toBe(60);
    expect(r.iid).toBe(60);
    expect(r.category.name).toBe('Inovatif');
  });

  it('what-if: one level up crosses into Sangat Inovatif', () => {
    // One q from 1 to 2: Σ = 145 → 29; total 61 → 61.00 ≥ 60.01.
    const inv = ['A', 'B', 'C', 'D'].map((id) => innovation(id, 3, 1));
    inv[0] = innovation('A', 3, 2);
    const r = computeIndex(T, assess(inv));
    expect(r.total).toBe(61);
    expect(r.category.name).toBe('Sangat Inovatif');
  });

  it('a fifth innovation counts fully while n ≤ minimum, then the divisor grows with n', () => {
    const five = computeIndex(T, assess(['A', 'B', 'C', 'D', 'E'].map((id) => innovation(id, 3, 1))));
    // Σ = 175 / 5 = 35; count 2.5; total 30 + 37.5 = 67.5.
    expect(five.divisor).toBe(5);
    expect(five.total).toBe(67.5);
    const six = computeIndex(T, assess(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => innovation(id, 3, 1))));
    // Σ = 210 / 6 = 35 (the average no longer rises); count 3; total 68.
    expect(six.divisor).toBe(6);
    expect(six.sidAverage).toBe(35);
    expect(six.total).toBe(68);
  });

  it('breaks the score down by variable, adding up to the total', () => {
    const r = computeIndex(T, assess(['A', 'B', 'C', 'D'].map((id) => innovation(id, 3, 1))));
    const by = Object.fromEntries(r.byVariable.map((v) => [v.variable.id, [v.score, v.max]]));
    // infra: 4 × 30 / 5 = 24 of 30; jumlah: 4 × 5 / 5 + count 2 = 6 of 15 + 25.
    expect(by).toEqual({ inst: [30, 30], infra: [24, 30], jumlah: [6, 40] });
    expect(r.byVariable.reduce((s, v) => s + v.score, 0)).toBeCloseTo(r.total, 10);
    expect(r.byVariable.reduce((s, v) => s + v.max, 0)).toBe(T.maxima.total);
  });

  it('no innovation and nothing filled is "Tidak Dapat Dinilai"', () => {
    const r = computeIndex(T, assess([], 0, 0));
    expect(r.iid).toBe(0);
    expect(r.category.name).toBe('Tidak Dapat Dinilai');
    expect(r.missingMandatory).toEqual([{ innovation: null, indicator: 'spd-01' }]);
  });

  it('zeroes the count score when too few basic-service affairs are covered', () => {
    const rubric: Rubric = { ...T, innovationCount: { ...T.innovationCount, requiredBasicServices: 2 } };
    const one = computeIndex(rubric, assess([innovation('A', 3, 1), innovation('B', 3, 1, 'Pertanian')]));
    expect(one.basicServicesCovered).toBe(1);
    expect(one.countScore).toBe(0);
    const two = computeIndex(rubric, assess([innovation('A', 3, 1), innovation('B', 3, 1, 'Pendidikan')]));
    expect(two.countScore).toBe(1);
  });

  it('fills a `data` level from the programme figure through the rubric bands', () => {
    expect(levelForValue(T.autoFill?.[0]?.bands ?? [], 0)).toBe(0);
    expect(levelForValue(T.autoFill?.[0]?.bands ?? [], 200)).toBe(1);
    expect(levelForValue(T.autoFill?.[0]?.bands ?? [], 201)).toBe(2);
    expect(levelForValue(T.autoFill?.[0]?.bands ?? [], 40_000)).toBe(3);
    const inv = [innovation('A', 3, 'data')];
    expect(computeIndex(T, assess(inv), { familiesReached: 350 }).sidSum).toBe(30 + 10);
    expect(computeIndex(T, assess(inv), { familiesReached: null }).sidSum).toBe(30);
  });
});

describe('the 2023 and 2026 rubrics', () => {
  const r23 = load(2023);
  const r26 = load(2026);

  it('are internally consistent (maxima = weights × top level, every value cites a source)', () => {
    expect(rubricProblems(r23)).toEqual([]);
    expect(rubricProblems(r26)).toEqual([]);
    expect(r23.indicators.length).toBe(40); // 20 SPD score rows (15 indicators) + 20 SID indicators
    expect(new Set(r23.variables.map((v) => v.id)).size).toBe(8);
  });

  it('same self-assessment, different years: divisor, count rule and thresholds change the result', () => {
    // All region indicators at 3 (63); two innovations with every indicator at 3 (111 each).
    const full = (r: Rubric): Assessment => {
      const region = Object.fromEntries(
        r.indicators.filter((i) => i.id.startsWith('spd-')).map((i) => [i.id, e(3)]),
      );
      const indicators = Object.fromEntries(
        r.indicators.filter((i) => i.id.startsWith('sid-')).map((i) => [i.id, e(3)]),
      );
      return {
        year: r.year,
        region,
        innovations: [
          { id: 'A', name: 'A', affair: 'Sosial', indicators },
          { id: 'B', name: 'B', affair: 'Kesehatan', indicators },
        ],
      };
    };
    // 2023: Σ = 222 / MAX(10, 2) = 22.2; count 0.38 × 2 = 0.76; total 63 + 22.96 = 85.96;
    // IID = 85.96 / 250 × 100 = 34.384 → 34.38 < 35.00: Kurang Inovatif.
    const a = computeIndex(r23, full(r23));
    expect(a.spd).toBe(63);
    expect(a.divisor).toBe(10);
    expect(a.sidAverage).toBeCloseTo(22.2, 10);
    expect(a.countScore).toBeCloseTo(0.76, 10);
    expect(a.iid).toBeCloseTo(34.384, 10);
    expect(a.category.name).toBe('Kurang Inovatif');
    // 2026: Σ = 222 / MAX(12, 2) = 18.5; only 2 of the required 5 basic services: count 0;
    // total 81.5; IID 32.6.
    const b = computeIndex(r26, full(r26));
    expect(b.divisor).toBe(12);
    expect(b.sidAverage).toBeCloseTo(18.5, 10);
    expect(b.countScore).toBe(0);
    expect(b.iid).toBeCloseTo(32.6, 10);
  });

  it.each([
    [2023, 60.0, 'Inovatif'],
    [2023, 60.01, 'Sangat Inovatif'],
    [2023, 60.005, 'Sangat Inovatif'], // rounds to 60.01
    [2023, 34.994, 'Kurang Inovatif'],
    [2023, 34.995, 'Inovatif'], // rounds to 35.00
    [2023, 0.004, 'Tidak Dapat Dinilai'],
    [2023, 0.01, 'Kurang Inovatif'],
    [2026, 65.0, 'Inovatif'],
    [2026, 65.01, 'Sangat Inovatif'],
    [2026, 40.0, 'Kurang Inovatif'],
    [2026, 40.01, 'Inovatif'],
  ])('%i: %f is %s', (year, iid, name) => {
    expect(categoryOf(year === 2023 ? r23 : r26, iid).name).toBe(name);
  });
});
