import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DrawingMap, whenDrawn } from '../../../src/core/map/when-drawn';
import { FakeFrames } from './fake-frames';

type Layer = { isLoaded: boolean };

/** The map's events as whenDrawn listens to them, said by hand (`fire`); loaded and still. */
class FakeMap implements DrawingMap {
  private readonly listeners: { type: string; fn: () => void; once: boolean }[] = [];
  on(type: string, fn: () => void) {
    this.listeners.push({ type, fn, once: false });
    return this;
  }
  once(type: string, fn: () => void) {
    this.listeners.push({ type, fn, once: true });
    return this;
  }
  off(type: string, fn: () => void) {
    const i = this.listeners.findIndex((l) => l.type === type && l.fn === fn);
    if (i >= 0) this.listeners.splice(i, 1);
    return this;
  }
  fire(type: string): void {
    for (const l of this.listeners.filter((l) => l.type === type)) {
      if (l.once) this.off(type, l.fn);
      l.fn();
    }
  }
  loaded() {
    return true;
  }
  isMoving() {
    return false;
  }
  triggerRepaint() {}
}

/**
 * MapLibre as whenDrawn sees it (loaded, still): a frame asked for is drawn in a later animation frame, then
 * 'render' and 'idle' are said. deck.gl as it runs interleaved: its loop runs every animation frame and takes new
 * layers up there (after `delay` frames, say their data loading), then asks the map for a frame — or, with
 * `asks` false, leaves that to a frame already asked for. The map draws the layers deck.gl has taken up.
 */
class World extends FakeMap {
  readonly frames = new FakeFrames();
  private frameAsked = false;
  /** The generation of layers handed to deck.gl, and the one it has taken up (what the map draws). */
  handed = 0;
  takenUp = 0;
  /** What the map's last frame drew. */
  drawnGen = 0;
  layers: Layer[] = [{ isLoaded: true }];
  private delay = 0;
  private asks = true;

  constructor() {
    super();
    const deckFrame = () => {
      if (this.takenUp !== this.handed && this.delay-- <= 0) {
        this.takenUp = this.handed;
        for (const layer of this.layers) layer.isLoaded = true;
        if (this.asks) this.triggerRepaint();
      }
      this.frames.requestAnimationFrame(deckFrame);
    };
    this.frames.requestAnimationFrame(deckFrame);
  }

  hand(count: number, delay: number, asks: boolean): void {
    this.handed++;
    this.layers = Array.from({ length: count }, () => ({ isLoaded: false }));
    this.delay = delay;
    this.asks = asks;
  }

  override triggerRepaint() {
    if (this.frameAsked) return;
    this.frameAsked = true;
    this.frames.requestAnimationFrame(() => {
      this.frameAsked = false;
      this.drawnGen = this.takenUp;
      this.fire('render');
      this.fire('idle');
    });
  }
}

type Step =
  | { kind: 'tick'; reversed: boolean }
  /** Something else asks the map for a frame (a hover, a resize, a tile). */
  | { kind: 'other' }
  /** New layers handed to deck.gl, and whenDrawn asked for them. */
  | { kind: 'hand'; count: number; delay: number; asks: boolean }
  /** whenDrawn asked again for the same layers (the section's callback changed). */
  | { kind: 'again' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('tick' as const), reversed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'other' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hand' as const),
      count: fc.integer({ min: 1, max: 3 }),
      delay: fc.integer({ min: 0, max: 4 }),
      asks: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'again' as const }) },
);

describe('whenDrawn', () => {
  it('says drawn only after a frame that drew the layers asked for, and always says it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.boolean(), (steps, reversedAfter) => {
        const world = new World();
        /** For each request: the generation it asked for and what the map's last frame drew when it was answered. */
        const answers: { asked: number; drawnThen: number }[] = [];
        let cancel: (() => void) | null = null;
        const ask = () => {
          cancel?.();
          const asked = world.handed;
          const answer = { asked, drawnThen: -1 };
          cancel = whenDrawn(
            world,
            () => world.layers,
            () => {
              expect(answer.drawnThen, 'drawn said once').toBe(-1);
              answer.drawnThen = world.drawnGen;
            },
            world.frames,
          );
          answers.push(answer);
        };
        ask();
        for (const s of steps) {
          if (s.kind === 'tick') world.frames.tick(s.reversed);
          else if (s.kind === 'other') world.triggerRepaint();
          else {
            if (s.kind === 'hand') world.hand(s.count, s.delay, s.asks);
            ask();
          }
        }
        // Then the page is left alone: the last request is answered within a few frames.
        for (let i = 0; i < 12; i++) world.frames.tick(reversedAfter);
        for (const answer of answers)
          if (answer.drawnThen !== -1) expect(answer.drawnThen, 'the frame before drawn').toBe(answer.asked);
        expect(answers.at(-1)?.drawnThen, 'the last request answered').toBe(world.handed);
      }),
      { numRuns: 2000 },
    );
  });

  it('passes over the idle after a frame drawn before deck.gl took the layers up', () => {
    const world = new World();
    world.hand(2, 0, true);
    // A frame asked for before deck.gl's loop runs is drawn first in the next animation frame.
    world.triggerRepaint();
    let drawnAt = -1;
    whenDrawn(
      world,
      () => world.layers,
      () => (drawnAt = world.drawnGen),
      world.frames,
    );
    world.frames.tick(true);
    expect(world.drawnGen).toBe(0);
    expect(drawnAt).toBe(-1);
    world.frames.tick(false);
    // Said once that frame is on screen: in the next animation frame.
    expect(drawnAt).toBe(-1);
    world.frames.tick(false);
    expect(drawnAt).toBe(1);
  });
  it('leaves no frame loop running for layers that never load', () => {
    const frames = new FakeFrames();
    const map = new FakeMap();
    let said = false;
    whenDrawn(
      map,
      () => [{ isLoaded: false }],
      () => (said = true),
      frames,
    );
    map.fire('render');
    map.fire('idle');
    for (let i = 0; i < 200; i++) frames.tick();
    expect(said).toBe(false);
    expect(frames.pending.size).toBe(0);
  });
});
