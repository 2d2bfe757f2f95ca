import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FrameProvider, frameGate, QUIET_FRAMES } from '../../../src/core/map/frame-gate';
import { FakeFrames } from './fake-frames';

/** deck.gl's loop as luma.gl runs it: each frame asks for the next one; stop cancels the one pending. */
class Loop {
  frames = 0;
  private id: number | null = null;
  constructor(private readonly provider: FrameProvider) {}
  start(): void {
    this.id = this.provider.requestAnimationFrame(() => this.frame());
  }
  private frame(): void {
    this.frames++;
    this.id = this.provider.requestAnimationFrame(() => this.frame());
  }
  stop(): void {
    if (this.id !== null) this.provider.cancelAnimationFrame(this.id);
    this.id = null;
  }
}

function setUp(settled: () => boolean) {
  const frames = new FakeFrames();
  const gate = frameGate(settled, frames);
  const loop = new Loop(gate.provider);
  loop.start();
  return { frames, gate, loop };
}

describe('frameGate', () => {
  it('rests the loop after QUIET_FRAMES quiet frames and wakes it for one frame request', () => {
    const { frames, gate, loop } = setUp(() => true);
    for (let i = 0; i < 100; i++) frames.tick();
    expect(loop.frames).toBe(QUIET_FRAMES);
    expect(gate.asleep).toBe(true);
    expect(frames.pending.size).toBe(0);
    gate.wake();
    expect(gate.asleep).toBe(false);
    expect(frames.pending.size).toBe(1);
    for (let i = 0; i < 100; i++) frames.tick();
    expect(loop.frames).toBe(2 * QUIET_FRAMES + 1);
  });

  it('never rests while a layer is loading', () => {
    let loaded = false;
    const { frames, gate, loop } = setUp(() => loaded);
    for (let i = 0; i < 500; i++) frames.tick();
    expect(loop.frames).toBe(500);
    expect(gate.asleep).toBe(false);
    loaded = true;
    for (let i = 0; i < 500; i++) frames.tick();
    expect(loop.frames).toBe(500 + QUIET_FRAMES + 1);
  });

  it('a stopped loop gets no frame, held or not', () => {
    const held = setUp(() => true);
    for (let i = 0; i < 100; i++) held.frames.tick();
    held.loop.stop();
    held.gate.wake();
    held.frames.tick();
    expect(held.loop.frames).toBe(QUIET_FRAMES);
    const running = setUp(() => true);
    running.loop.stop();
    running.frames.tick();
    expect(running.loop.frames).toBe(0);
  });

  it('for any frames, wakes, loads and stops: one frame pending at most, none while resting, and busy means running', () => {
    const step = fc.oneof(
      fc.constant({ kind: 'tick' as const }),
      fc.constant({ kind: 'wake' as const }),
      fc.boolean().map((loaded) => ({ kind: 'load' as const, loaded })),
      fc.constant({ kind: 'restart' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        let loaded = true;
        const { frames, gate, loop } = setUp(() => loaded);
        let quietSince = 0;
        for (const s of steps) {
          if (s.kind === 'tick') frames.tick();
          else if (s.kind === 'wake') {
            gate.wake();
            quietSince = loop.frames;
          } else if (s.kind === 'load') {
            loaded = s.loaded;
            if (!loaded) gate.wake();
          } else {
            loop.stop();
            loop.start();
            quietSince = loop.frames;
          }
          expect(frames.pending.size).toBeLessThanOrEqual(1);
          if (gate.asleep) {
            expect(frames.pending.size).toBe(0);
            // It rests only after a run of quiet frames since the last event.
            expect(loop.frames - quietSince).toBeGreaterThanOrEqual(QUIET_FRAMES);
          } else expect(frames.pending.size).toBe(1);
          if (!loaded && s.kind === 'load') expect(gate.asleep).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
