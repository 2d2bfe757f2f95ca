/**
 * The colour of each village on the Pengawasan map: its coverage class, or its need × gap class. Made from the
 * engine's figures by village code alone, so the map is coloured as soon as coverage is in (the names, for the
 * tables, come later and change nothing here).
 */
import { bivariateClasses } from '../../core/classify/bivariate';
import { classOf } from '../../core/classify/classify';
import type { AreaCoverage } from '../../core/coverage-engine';
import { BIVARIATE_PALETTE, COVERAGE_RAMP } from '../../core/map/palette';
import { orNull } from './coverage-rows';
import { COVERAGE_INTERVALS, type MapMode } from './SupervisorLegend';

export interface VillageFillsInput {
  mode: MapMode;
  /** The engine's village codes, in its order. */
  codes: readonly string[];
  village: AreaCoverage;
  /** Households with a need per village (bivariate mode); not drawn until known. */
  needRate: ReadonlyMap<string, number | null> | null | undefined;
  /** Without visit dates the map shows the distance-only share (the legend says so). */
  visitsRecorded: boolean;
}

export function villageFills({
  mode,
  codes,
  village,
  needRate,
  visitsRecorded,
}: VillageFillsInput): Map<string, string> {
  const fills = new Map<string, string>();
  const share = (i: number) => orNull(visitsRecorded ? village.coveragePct[i] : village.nearPct[i]);
  if (mode === 'coverage') {
    codes.forEach((code, i) => {
      const k = classOf(share(i), COVERAGE_INTERVALS);
      if (k >= 0) fills.set(code, COVERAGE_RAMP[k] as string);
    });
  } else if (needRate) {
    const classes = bivariateClasses(
      codes.map((code) => needRate.get(code) ?? null),
      codes.map((_, i) => {
        const pct = share(i);
        return pct === null ? null : 100 - pct;
      }),
    );
    codes.forEach((code, i) => {
      const c = classes[i];
      if (c && c.x >= 0 && c.y >= 0) fills.set(code, BIVARIATE_PALETTE[c.y]?.[c.x] as string);
    });
  }
  return fills;
}
