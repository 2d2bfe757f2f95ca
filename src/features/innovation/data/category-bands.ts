/**
 * The index categories as ranges a room can read ("Inovatif: 40,01 – 65,00"), and how far the current index
 * is from the next category up: the words behind the badge on the index slide.
 */
import type { IndexResult, Rubric, RubricCategory } from './innovation-index';
import { round2 } from './innovation-index';

export interface CategoryBand {
  category: RubricCategory;
  /** Lowest index of the category (2 decimals). */
  from: number;
  /** Highest index (the next category's minimum less 0,01); null for the top category. */
  to: number | null;
}

/** The categories from the highest down, each with its range. */
export function categoryBands(rubric: Rubric): CategoryBand[] {
  const sorted = [...rubric.categories].sort((a, b) => b.min - a.min);
  return sorted.map((category, i) => {
    const above = sorted[i - 1];
    return { category, from: category.min, to: above ? round2(above.min - 0.01) : null };
  });
}

/** The next category up and the index points still missing to reach it; null at the top. */
export function toNextCategory(
  rubric: Rubric,
  result: IndexResult,
): { category: RubricCategory; points: number } | null {
  const bands = categoryBands(rubric);
  const k = bands.findIndex((b) => b.category.id === result.category.id);
  const next = k > 0 ? bands[k - 1] : undefined;
  if (!next) return null;
  return { category: next.category, points: round2(Math.max(0, next.from - round2(result.iid))) };
}
