/** How many demo households each village gets. */
import type { Village } from './gazetteer.ts';

/** BPS 2023 projection for the regency (SOURCES.md, detik.com quoting BPS). */
export const REGENCY_POPULATION_2023 = 172_162;
/** Assumed mean household size (people per keluarga). */
export const PEOPLE_PER_HOUSEHOLD = 3.8;
/** Default number of households: 172,162 / 3.8, rounded. */
export const DEFAULT_HOUSEHOLDS = Math.round(REGENCY_POPULATION_2023 / PEOPLE_PER_HOUSEHOLD);

/**
 * Splits `total` households over villages in proportion to their 2010 population (largest remainder,
 * ties by gazetteer order), so the counts add up exactly. When `total` allows, every village gets one.
 */
export function allocateHouseholds(villages: readonly Village[], total: number): number[] {
  const popSum = villages.reduce((s, v) => s + v.population2010, 0);
  const exact = villages.map((v) => (total * v.population2010) / popSum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  if (total >= villages.length) {
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] !== 0) continue;
      let max = 0;
      counts.forEach((c, k) => {
        if (c > (counts[max] ?? 0)) max = k;
      });
      counts[max] = (counts[max] ?? 0) - 1;
      counts[i] = 1;
    }
  }
  return counts;
}
