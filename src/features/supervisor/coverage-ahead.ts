/**
 * The coverage settings a user reaches with one step of the slider last moved: the engine works their answers
 * out ahead (coverage-session.ts, askAhead), so that a step finds its answer in instead of waiting for the worker.
 */
import { type CoverageOptions, DISTANCE_LIMIT_M, VISIT_WINDOW_DAYS } from '../../core/coverage-engine';

/** The distance slider's step (250 m) and the visit window's (5 days). */
export const DISTANCE_STEP_M = 250;
export const VISIT_STEP_DAYS = 5;

export type CoverageSlider = 'distance' | 'visit';

const SLIDERS: Record<
  CoverageSlider,
  { field: 'thresholdM' | 'visitDays'; step: number; range: readonly [number, number] }
> = {
  distance: { field: 'thresholdM', step: DISTANCE_STEP_M, range: DISTANCE_LIMIT_M },
  visit: { field: 'visitDays', step: VISIT_STEP_DAYS, range: VISIT_WINDOW_DAYS },
};

/**
 * The settings one step either side of `options` on `slider`, within its range; the direction of the last
 * step (`towards`: +1 or −1) first, as the user usually goes on that way.
 */
export function nextCoverageOptions(
  options: CoverageOptions,
  slider: CoverageSlider,
  towards: 1 | -1 = 1,
): CoverageOptions[] {
  const { field, step, range } = SLIDERS[slider];
  return [towards, -towards]
    .map((direction) => options[field] + direction * step)
    .filter((value) => value >= range[0] && value <= range[1])
    .map((value) => ({ ...options, [field]: value }));
}
