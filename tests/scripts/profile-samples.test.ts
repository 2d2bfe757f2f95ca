import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SampleEvent, sampledFunctions } from '../../scripts/profile-samples';

const PAGE = { pid: 1, tid: 10 };
/** root → main.js run → draw; root → (idle); root → run → (garbage collector). */
const NODES = [
  { id: 1, callFrame: { functionName: '(root)' } },
  { id: 2, parent: 1, callFrame: { functionName: 'run', url: 'http://x/assets/main.js' } },
  { id: 3, parent: 2, callFrame: { functionName: 'draw', url: 'http://x/assets/map.js' } },
  { id: 4, parent: 1, callFrame: { functionName: '(idle)' } },
  { id: 5, parent: 2, callFrame: { functionName: '(garbage collector)' } },
];
const profile = (tid: number, id: string, startTime: number): SampleEvent => ({
  name: 'Profile',
  id,
  pid: 1,
  tid,
  args: { data: { startTime } },
});
/** A chunk as Chrome writes it: from the profiler's own thread, naming its profile by id. */
const chunk = (id: string, samples: number[], deltas: number[], nodes = NODES): SampleEvent => ({
  name: 'ProfileChunk',
  id,
  pid: 1,
  tid: 99,
  args: { data: { cpuProfile: { nodes, samples }, timeDeltas: deltas } },
});

describe('sampledFunctions', () => {
  it('sums each sample until the next, with what it called, inside the window only', () => {
    const events = [
      profile(PAGE.tid, '0x1', 1_000),
      // Another thread's profile: never counted for the page.
      profile(11, '0x2', 1_000),
      chunk('0x2', [3, 3], [0, 50_000]),
      chunk('0x1', [3, 3, 2], [0, 2_000, 1_000], NODES.slice(0, 3)),
      chunk('0x1', [5, 4, 3], [3_000, 4_000, 5_000], NODES.slice(3)),
    ];
    // Samples at 1,000 (draw), 3,000 (draw), 4,000 (run), 7,000 (gc), 11,000 (idle), 16,000 (draw, the last:
    // no time of its own).
    const all = sampledFunctions(events, PAGE, { fromUs: 0, toUs: 20_000 });
    expect(all.samples).toBe(5);
    expect(all.self).toEqual([
      { name: '(garbage collector)', ms: 4 },
      { name: 'draw map.js', ms: 3 },
      { name: 'run main.js', ms: 3 },
    ]);
    expect(all.inclusive).toEqual([
      { name: 'run main.js', ms: 10 },
      { name: '(garbage collector)', ms: 4 },
      { name: 'draw map.js', ms: 3 },
    ]);
    const part = sampledFunctions(events, PAGE, { fromUs: 2_000, toUs: 7_000 });
    expect(part.samples).toBe(2);
    expect(part.inclusive).toEqual([
      { name: 'run main.js', ms: 4 },
      { name: 'draw map.js', ms: 1 },
    ]);
  });

  it('counts a sampled function at most the window, and no less than its own time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(1, 2, 3, 4, 5), fc.integer({ min: 0, max: 5_000 })), {
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (samples, a, b) => {
          const window = { fromUs: Math.min(a, b), toUs: Math.max(a, b) };
          const events = [
            profile(PAGE.tid, '0x1', 0),
            chunk(
              '0x1',
              samples.map(([node]) => node),
              samples.map(([, delta]) => delta),
            ),
          ];
          const { inclusive, self } = sampledFunctions(events, PAGE, window, 100);
          // The sampled time in the window, each sample lasting until the next.
          let at = 0;
          const starts = samples.map(([, delta]) => (at += delta));
          const windowMs =
            starts
              .map((t, i) =>
                t >= window.fromUs && t < window.toUs && i + 1 < starts.length ? (starts[i + 1] ?? t) - t : 0,
              )
              .reduce((s, us) => s + us, 0) / 1000;
          const selfTotal = self.reduce((s, f) => s + f.ms, 0);
          expect(selfTotal).toBeLessThanOrEqual(windowMs + 1e-9);
          for (const f of inclusive) expect(f.ms).toBeLessThanOrEqual(windowMs + 1e-9);
          for (const f of self) {
            const inc = inclusive.find((g) => g.name === f.name);
            expect(inc?.ms ?? 0).toBeGreaterThanOrEqual(f.ms - 1e-9);
          }
        },
      ),
    );
  });
});
