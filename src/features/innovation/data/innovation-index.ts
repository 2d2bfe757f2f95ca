/**
 * Indeks Inovasi Daerah (IID, BSKDN Kemendagri) computed from a rubric and a self-assessment.
 * Pure: every number of the method (weights, maxima, divisor, thresholds, bands) comes from the
 * rubric files in data/iid/, none from this code.
 *
 *   SPD   = Σ weight × level over the region's indicators
 *   S_j   = Σ weight × level over innovation j's indicators
 *   SID   = Σ_j S_j / MAX(divisor.minimum, n) + count score
 *   count = pointsPerInnovation × min(n, cap), or 0 when fewer basic-service affairs are covered
 *           than `requiredBasicServices`
 *   IID   = (SPD + SID) / maxima.total × 100, its category read on the value rounded to 2 decimals
 */

export interface RubricLevel {
  level: number;
  label: string;
  labelEn: string;
}

export interface RubricIndicator {
  id: string;
  number: string;
  variable: string;
  name: string;
  nameEn: string;
  weight: number;
  mandatory: boolean;
  levels: RubricLevel[];
  source: string;
}

export interface RubricVariable {
  id: string;
  aspect: 'spd' | 'sid';
  name: string;
  nameEn: string;
  source: string;
}

export interface RubricCategory {
  id: string;
  name: string;
  nameEn: string;
  /** Lowest index (2 decimals) of the category. */
  min: number;
  source: string;
}

export interface AutoFillBand {
  min: number;
  max?: number;
  level: number;
}

export interface RubricAutoFill {
  indicator: string;
  measure: ProgrammeMeasure;
  basis?: string;
  bands: AutoFillBand[];
  source: string;
  note?: string;
  noteEn?: string;
}

export interface Rubric {
  year: number;
  title: string;
  titleEn: string;
  status: 'official' | 'unverified';
  statusNote?: string;
  statusNoteEn?: string;
  /** Titles are citations and stay in their own language. */
  sources: { id: string; title: string; note?: string; noteEn?: string }[];
  levelRange: { min: number; max: number; source: string; note?: string };
  aspects: {
    id: 'spd' | 'sid';
    name: string;
    nameEn: string;
    scope: 'region' | 'innovation';
    share: number;
    source: string;
  }[];
  variables: RubricVariable[];
  indicators: RubricIndicator[];
  innovationCount: {
    variable: string;
    pointsPerInnovation: number;
    cap: number;
    max: number;
    requiredBasicServices: number;
    source: string;
    note?: string;
  };
  basicServices?: string[];
  divisor: { rule: 'max-of-minimum-and-count'; minimum: number; source: string; note?: string };
  maxima: { spd: number; sidIndicators: number; innovationCount: number; total: number; source: string };
  categories: RubricCategory[];
  autoFill?: RubricAutoFill[];
}

/** Figures from the programme data that can fill an indicator. */
export type ProgrammeMeasure = 'familiesReached';
export type ProgrammeMeasures = Partial<Record<ProgrammeMeasure, number | null>>;

/** A chosen level: 0…max, or `data` = taken from the programme data (autoFill indicators only). */
export type LevelChoice = number | 'data';

export interface IndicatorEntry {
  level: LevelChoice;
  /** Evidence note (bukti dukung): document, link, number. */
  evidence: string;
}

export interface InnovationEntry {
  id: string;
  name: string;
  /** Government affair (urusan); one of rubric.basicServices counts toward the basic-service rule. */
  affair: string;
  indicators: Record<string, IndicatorEntry>;
}

export interface Assessment {
  year: number;
  region: Record<string, IndicatorEntry>;
  innovations: InnovationEntry[];
}

export const indicatorsOf = (rubric: Rubric, aspect: 'spd' | 'sid'): RubricIndicator[] => {
  const variables = new Set(rubric.variables.filter((v) => v.aspect === aspect).map((v) => v.id));
  return rubric.indicators.filter((i) => variables.has(i.variable));
};

/** Level of a programme figure by the rubric's bands; 0 when no band holds it. */
export function levelForValue(bands: readonly AutoFillBand[], value: number): number {
  for (const band of bands) {
    if (value >= band.min && (band.max === undefined || value <= band.max)) return band.level;
  }
  return 0;
}

export interface ResolvedLevel {
  level: number;
  /** Set when the level came from programme data. */
  fromData?: { measure: ProgrammeMeasure; value: number | null };
}

/** The numeric level of an entry: `data` resolved through the rubric's autoFill bands. */
export function resolveLevel(
  rubric: Rubric,
  indicatorId: string,
  entry: IndicatorEntry | undefined,
  measures: ProgrammeMeasures,
): ResolvedLevel {
  if (!entry) return { level: 0 };
  if (entry.level !== 'data') {
    return { level: Math.max(rubric.levelRange.min, Math.min(rubric.levelRange.max, entry.level)) };
  }
  const fill = rubric.autoFill?.find((a) => a.indicator === indicatorId);
  if (!fill) return { level: 0 };
  const value = measures[fill.measure] ?? null;
  return {
    level: value === null ? 0 : levelForValue(fill.bands, value),
    fromData: { measure: fill.measure, value },
  };
}

/** Category of an index: the first (highest) whose min the 2-decimal index reaches. */
export function categoryOf(rubric: Rubric, iid: number): RubricCategory {
  const rounded = round2(iid);
  const sorted = [...rubric.categories].sort((a, b) => b.min - a.min);
  return sorted.find((c) => rounded >= c.min) ?? (sorted[sorted.length - 1] as RubricCategory);
}

/** Half-up rounding to 2 decimals of the number as written (34.995 → 35.00, not 34.99). */
export const round2 = (x: number): number =>
  /e/i.test(String(x)) ? Math.round(x * 100) / 100 : Math.round(Number(`${x}e2`)) / 100;

export interface VariableScore {
  variable: RubricVariable;
  score: number;
  max: number;
}

export interface IndexResult {
  year: number;
  spd: number;
  /** Σ of all innovations' indicator scores, before the divisor. */
  sidSum: number;
  divisor: number;
  innovations: number;
  /** Σ S_j / divisor. */
  sidAverage: number;
  countScore: number;
  /** Distinct basic-service affairs covered by the innovations. */
  basicServicesCovered: number;
  basicServicesRequired: number;
  sid: number;
  total: number;
  maxTotal: number;
  iid: number;
  category: RubricCategory;
  byVariable: VariableScore[];
  perInnovation: { id: string; name: string; score: number; max: number }[];
  /** Mandatory indicators left at level 0 (innovation id null for the region). */
  missingMandatory: { innovation: string | null; indicator: string }[];
}

/** The index, its parts and its breakdown by variable for one assessment. */
export function computeIndex(
  rubric: Rubric,
  assessment: Assessment,
  measures: ProgrammeMeasures = {},
): IndexResult {
  const spdIndicators = indicatorsOf(rubric, 'spd');
  const sidIndicators = indicatorsOf(rubric, 'sid');
  const byVar = new Map<string, number>(rubric.variables.map((v) => [v.id, 0]));
  const missingMandatory: IndexResult['missingMandatory'] = [];

  let spd = 0;
  for (const ind of spdIndicators) {
    const { level } = resolveLevel(rubric, ind.id, assessment.region[ind.id], measures);
    const score = ind.weight * level;
    spd += score;
    byVar.set(ind.variable, (byVar.get(ind.variable) ?? 0) + score);
    if (ind.mandatory && level === 0) missingMandatory.push({ innovation: null, indicator: ind.id });
  }

  const n = assessment.innovations.length;
  const divisor = Math.max(rubric.divisor.minimum, n);
  const sidMaxPerInnovation = sidIndicators.reduce((s, i) => s + i.weight * rubric.levelRange.max, 0);
  const sidByVar = new Map<string, number>();
  let sidSum = 0;
  const perInnovation = assessment.innovations.map((inv) => {
    let score = 0;
    for (const ind of sidIndicators) {
      const { level } = resolveLevel(rubric, ind.id, inv.indicators[ind.id], measures);
      const s = ind.weight * level;
      score += s;
      sidByVar.set(ind.variable, (sidByVar.get(ind.variable) ?? 0) + s);
      if (ind.mandatory && level === 0) missingMandatory.push({ innovation: inv.id, indicator: ind.id });
    }
    sidSum += score;
    return { id: inv.id, name: inv.name, score, max: sidMaxPerInnovation };
  });
  for (const [v, s] of sidByVar) byVar.set(v, (byVar.get(v) ?? 0) + s / divisor);

  const basic = new Set(rubric.basicServices ?? []);
  const basicServicesCovered = new Set(
    assessment.innovations.map((i) => i.affair).filter((a) => basic.has(a)),
  ).size;
  const count = rubric.innovationCount;
  const countScore =
    basicServicesCovered < count.requiredBasicServices
      ? 0
      : Math.min(count.max, count.pointsPerInnovation * Math.min(n, count.cap));
  byVar.set(count.variable, (byVar.get(count.variable) ?? 0) + countScore);

  const sidAverage = n === 0 ? 0 : sidSum / divisor;
  const sid = sidAverage + countScore;
  const total = spd + sid;
  const iid = (total / rubric.maxima.total) * 100;

  const maxOfVariable = (v: RubricVariable) =>
    rubric.indicators
      .filter((i) => i.variable === v.id)
      .reduce((s, i) => s + i.weight * rubric.levelRange.max, 0) + (v.id === count.variable ? count.max : 0);

  return {
    year: rubric.year,
    spd,
    sidSum,
    divisor,
    innovations: n,
    sidAverage,
    countScore,
    basicServicesCovered,
    basicServicesRequired: count.requiredBasicServices,
    sid,
    total,
    maxTotal: rubric.maxima.total,
    iid,
    category: categoryOf(rubric, iid),
    byVariable: rubric.variables.map((variable) => ({
      variable,
      score: byVar.get(variable.id) ?? 0,
      max: maxOfVariable(variable),
    })),
    perInnovation,
    missingMandatory,
  };
}

/**
 * Problems of a rubric that the JSON Schema cannot see: unknown references, level lists that do
 * not match the range, declared maxima that differ from weights × top level. Empty when sound.
 */
export function rubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  const sources = new Set(rubric.sources.map((s) => s.id));
  const variables = new Set(rubric.variables.map((v) => v.id));
  const ids = new Set<string>();
  const cite = (where: string, source: string) => {
    if (!sources.has(source)) problems.push(`${where}: unknown source "${source}"`);
  };
  for (const a of rubric.aspects) cite(`aspect ${a.id}`, a.source);
  for (const v of rubric.variables) cite(`variable ${v.id}`, v.source);
  for (const c of rubric.categories) cite(`category ${c.id}`, c.source);
  cite('divisor', rubric.divisor.source);
  cite('maxima', rubric.maxima.source);
  cite('innovationCount', rubric.innovationCount.source);
  cite('levelRange', rubric.levelRange.source);
  for (const ind of rubric.indicators) {
    if (ids.has(ind.id)) problems.push(`indicator ${ind.id}: duplicate id`);
    ids.add(ind.id);
    if (!variables.has(ind.variable))
      problems.push(`indicator ${ind.id}: unknown variable "${ind.variable}"`);
    cite(`indicator ${ind.id}`, ind.source);
    const levels = ind.levels.map((l) => l.level).join(',');
    const expected = Array.from({ length: rubric.levelRange.max }, (_, i) => i + 1).join(',');
    if (levels !== expected) problems.push(`indicator ${ind.id}: levels ${levels}, expected ${expected}`);
    const aspect = rubric.variables.find((v) => v.id === ind.variable)?.aspect;
    if (aspect && !ind.id.startsWith(`${aspect}-`))
      problems.push(`indicator ${ind.id}: not in aspect ${aspect}`);
  }
  if (!variables.has(rubric.innovationCount.variable)) problems.push('innovationCount: unknown variable');
  for (const fill of rubric.autoFill ?? []) {
    if (!ids.has(fill.indicator)) problems.push(`autoFill: unknown indicator "${fill.indicator}"`);
    cite(`autoFill ${fill.indicator}`, fill.source);
  }
  const top = rubric.levelRange.max;
  const sum = (aspect: 'spd' | 'sid') =>
    round2(indicatorsOf(rubric, aspect).reduce((s, i) => s + i.weight * top, 0));
  const m = rubric.maxima;
  if (sum('spd') !== m.spd) problems.push(`maxima.spd ${m.spd} ≠ Σ weights × ${top} = ${sum('spd')}`);
  if (sum('sid') !== m.sidIndicators)
    problems.push(`maxima.sidIndicators ${m.sidIndicators} ≠ Σ weights × ${top} = ${sum('sid')}`);
  const countMax = round2(rubric.innovationCount.pointsPerInnovation * rubric.innovationCount.cap);
  if (countMax !== m.innovationCount || rubric.innovationCount.max !== m.innovationCount)
    problems.push(`maxima.innovationCount ${m.innovationCount} ≠ points × cap = ${countMax}`);
  if (round2(m.spd + m.sidIndicators + m.innovationCount) !== m.total)
    problems.push(`maxima.total ${m.total} ≠ ${m.spd} + ${m.sidIndicators} + ${m.innovationCount}`);
  const spdShare = round2((m.spd / m.total) * 100);
  const declared = rubric.aspects.find((a) => a.id === 'spd')?.share;
  if (declared !== undefined && Math.abs(declared - spdShare) > 0.05)
    problems.push(`aspect spd share ${declared} % ≠ maxima ${spdShare} %`);
  return problems;
}
