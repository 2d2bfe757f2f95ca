import fc from 'fast-check';
import { LRUCache } from 'lru-cache';
import { describe, expect, it } from 'vitest';
import {
  type CoverageOptions,
  type CoverageResult,
  DEFAULT_COVERAGE_OPTIONS,
  DISTANCE_LIMIT_M,
  VISIT_WINDOW_DAYS,
} from '../../../src/core/coverage-engine';
import {
  DISTANCE_STEP_M,
  nextCoverageOptions,
  VISIT_STEP_DAYS,
} from '../../../src/features/supervisor/coverage-ahead';
import type { CoverageClient } from '../../../src/features/supervisor/coverage-client';
import { coverageOptionsKey, KEPT_ANSWERS } from '../../../src/features/supervisor/coverage-protocol';
import {
  askAhead,
  type CoverageSession,
  computeCoverage,
} from '../../../src/features/supervisor/coverage-session';

const onSlider = fc.record({
  thresholdM: fc.integer({ min: 1, max: 40 }).map((n) => n * DISTANCE_STEP_M),
  visitDays: fc.integer({ min: 6, max: 73 }).map((n) => n * VISIT_STEP_DAYS),
});

describe('the slider positions asked ahead', () => {
  it('are one step either side on the slider moved, within its range, the way it moved first', () => {
    fc.assert(
      fc.property(
        onSlider,
        fc.constantFrom('distance' as const, 'visit' as const),
        fc.constantFrom(1 as const, -1 as const),
        (at, slider, towards) => {
          const options = { ...DEFAULT_COVERAGE_OPTIONS, ...at };
          const next = nextCoverageOptions(options, slider, towards);
          const [field, step, range] =
            slider === 'distance'
              ? (['thresholdM', DISTANCE_STEP_M, DISTANCE_LIMIT_M] as const)
              : (['visitDays', VISIT_STEP_DAYS, VISIT_WINDOW_DAYS] as const);
          const inRange = [towards, -towards]
            .map((d) => options[field] + d * step)
            .filter((v) => v >= range[0] && v <= range[1]);
          expect(next.map((o) => o[field])).toEqual(inRange);
          for (const o of next) expect({ ...o, [field]: options[field] }).toEqual(options);
        },
      ),
    );
  });

  it('stop at the ends of the range', () => {
    const low = { ...DEFAULT_COVERAGE_OPTIONS, thresholdM: DISTANCE_LIMIT_M[0] };
    expect(nextCoverageOptions(low, 'distance', -1).map((o) => o.thresholdM)).toEqual([500]);
    const high = { ...DEFAULT_COVERAGE_OPTIONS, visitDays: VISIT_WINDOW_DAYS[1] };
    expect(nextCoverageOptions(high, 'visit', 1).map((o) => o.visitDays)).toEqual([360]);
  });
});

describe('the key answers are kept by', () => {
  it('tells apart any two different settings (every field of the options, including ones added later)', () => {
    const fields = Object.keys(DEFAULT_COVERAGE_OPTIONS) as (keyof CoverageOptions)[];
    const settings = fc.record(
      Object.fromEntries(fields.map((f) => [f, fc.integer({ min: 0, max: 3 })])) as Record<
        keyof CoverageOptions,
        fc.Arbitrary<number>
      >,
    );
    fc.assert(
      fc.property(settings, settings, (a, b) => {
        const same = fields.every((f) => a[f] === b[f]);
        expect(coverageOptionsKey(a) === coverageOptionsKey(b)).toBe(same);
      }),
    );
  });
});

/** A worker by hand: answers when told, each answer tagged with the options it was asked for. */
function fakeSession() {
  const asked: { options: CoverageOptions; ahead: boolean; answer: (skip: boolean) => void }[] = [];
  const result = (options: CoverageOptions) =>
    ({ totals: { key: coverageOptionsKey(options) } }) as unknown as CoverageResult;
  const client = {
    compute: (options: CoverageOptions) =>
      new Promise<CoverageResult>((resolve) => {
        asked.push({ options, ahead: false, answer: () => resolve(result(options)) });
      }),
    computeAhead: (options: CoverageOptions) =>
      new Promise<CoverageResult | null>((resolve) => {
        asked.push({ options, ahead: true, answer: (skip) => resolve(skip ? null : result(options)) });
      }),
  } as unknown as CoverageClient;
  const session: CoverageSession = {
    client,
    arrays: {} as CoverageSession['arrays'],
    answers: new LRUCache({ max: KEPT_ANSWERS }),
  };
  const keyOf = (r: CoverageResult) => (r.totals as unknown as { key: string }).key;
  return { session, asked, keyOf };
}

const at = (thresholdM: number) => ({ ...DEFAULT_COVERAGE_OPTIONS, thresholdM });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('answers asked ahead', () => {
  it('are taken by the step that needs them, without asking the worker again', async () => {
    const { session, asked, keyOf } = fakeSession();
    askAhead(session, [at(1250), at(750)]);
    for (const a of asked) a.answer(false);
    await tick();
    const result = await computeCoverage(session, at(1250));
    expect(keyOf(result)).toBe(coverageOptionsKey(at(1250)));
    expect(asked).toHaveLength(2);
  });

  it('skipped by the worker, are asked for again when needed, and only then', async () => {
    const { session, asked, keyOf } = fakeSession();
    askAhead(session, [at(1250)]);
    asked[0]?.answer(true);
    await tick();
    expect(asked).toHaveLength(1);
    // Needed while still pending: the skip turns into a request of its own.
    askAhead(session, [at(1500)]);
    const waiting = computeCoverage(session, at(1500));
    asked[1]?.answer(true);
    await tick();
    expect(asked.map((a) => [a.options.thresholdM, a.ahead])).toEqual([
      [1250, true],
      [1500, true],
      [1500, false],
    ]);
    asked[2]?.answer(false);
    expect(keyOf(await waiting)).toBe(coverageOptionsKey(at(1500)));
  });

  it('never push out the answer shown: stepping on, the position behind is kept', async () => {
    const { session, asked } = fakeSession();
    const requests: CoverageOptions[] = [];
    const answerAll = async () => {
      for (const a of asked.splice(0)) {
        requests.push(a.options);
        a.answer(false);
      }
      await tick();
    };
    const shown = computeCoverage(session, at(1000));
    await answerAll();
    await shown;
    askAhead(session, [at(1250), at(750)]);
    await answerAll();
    // One step right, then its own next steps asked.
    await computeCoverage(session, at(1250));
    askAhead(session, [at(1500), at(1000)]);
    await answerAll();
    // Only 1,500 m was new: 1,000 m, one step back, was still kept.
    expect(requests.map((o) => o.thresholdM)).toEqual([1000, 1250, 750, 1500]);
    const kept = [...session.answers.keys()].sort();
    expect(kept).toEqual([at(1000), at(1250), at(1500)].map(coverageOptionsKey).sort());
  });
});
