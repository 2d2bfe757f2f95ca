/**
 * "Langkah berikutnya" (next steps) for the meeting room, from the published figures only (small groups
 * hidden): where coverage is weakest, how many families the programme has not yet touched, which need and
 * which kecamatan wait longest, which channel holds the most open cases. Each step names its figure, so the
 * slide is read from live data and never says more than the published tables.
 */
import type { ChannelTable } from './channel-results';
import type { PublishedProgramme } from './programme-suppression';

export type NextStep =
  | { kind: 'coverage'; district: string; pct: number }
  | { kind: 'unreached'; families: number }
  | { kind: 'slowNeed'; need: string; resolvedPct: number; open: number }
  | { kind: 'slowDistrict'; district: string; days: number }
  | { kind: 'channel'; channel: string; open: number };

const minBy = <T>(rows: readonly T[], value: (r: T) => number | null): T | undefined => {
  let best: T | undefined;
  let bestValue = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    const v = value(r);
    if (v !== null && Number.isFinite(v) && v < bestValue) {
      best = r;
      bestValue = v;
    }
  }
  return best;
};

/** Up to five steps, most basic first (agents where coverage is weakest); a step without data is left out. */
export function nextSteps(programme: PublishedProgramme, channels: ChannelTable | null): NextStep[] {
  const steps: NextStep[] = [];
  const weakest = minBy(programme.districts, (d) => (d.households ? d.coverage_pct : null));
  if (weakest?.coverage_pct != null)
    steps.push({ kind: 'coverage', district: weakest.district_name, pct: weakest.coverage_pct });
  const { households, families_reached: reached } = programme.summary;
  if (households !== null && reached !== null && households > reached)
    steps.push({ kind: 'unreached', families: households - reached });
  const slowNeed = minBy(programme.needs, (n) =>
    n.reported && n.resolved !== null ? n.resolved / n.reported : null,
  );
  if (slowNeed?.reported && slowNeed.resolved !== null)
    steps.push({
      kind: 'slowNeed',
      need: slowNeed.need,
      resolvedPct: (100 * slowNeed.resolved) / slowNeed.reported,
      open: slowNeed.reported - slowNeed.resolved,
    });
  const slowDistrict = minBy(programme.districts, (d) => (d.median_days === null ? null : -d.median_days));
  if (slowDistrict?.median_days != null)
    steps.push({
      kind: 'slowDistrict',
      district: slowDistrict.district_name,
      days: slowDistrict.median_days,
    });
  const busiest = minBy(channels?.rows ?? [], (c) => (c.code && c.open ? -c.open : null));
  if (busiest?.code && busiest.open)
    steps.push({ kind: 'channel', channel: busiest.name ?? busiest.code, open: busiest.open });
  return steps;
}
