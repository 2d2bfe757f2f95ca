import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BASEMAP_SOURCE,
  basemapDropped,
  dropHangingBasemap,
  onBasemapDropped,
} from '../../../src/core/map/hanging-basemap';

const WAIT = 1_000;
const OTHERS = ['land', 'villages'];

type Handler = (event: { sourceId?: string }) => void;

/** The map as MapLibre keeps it for these calls: sources loaded or not, events fired as it fires them. */
class FakeMap {
  loaded = new Map<string, boolean>();
  layers = new Set<string>();
  handlers = new Map<string, Set<Handler>>();
  constructor(sources: readonly string[]) {
    for (const id of sources) this.loaded.set(id, false);
    if (sources.includes(BASEMAP_SOURCE)) this.layers.add(BASEMAP_SOURCE);
  }
  isSourceLoaded(id: string): boolean {
    const loaded = this.loaded.get(id);
    if (loaded === undefined) throw new Error(`There is no source with ID '${id}'`);
    return loaded;
  }
  getSource(id: string) {
    return this.loaded.has(id) ? {} : undefined;
  }
  getLayer(id: string) {
    return this.layers.has(id) ? {} : undefined;
  }
  removeLayer(id: string) {
    this.layers.delete(id);
  }
  removeSource(id: string) {
    this.loaded.delete(id);
  }
  on(type: string, handler: Handler) {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler);
    this.handlers.set(type, set);
  }
  off(type: string, handler: Handler) {
    this.handlers.get(type)?.delete(handler);
  }
  fire(type: string, event: { sourceId?: string } = {}) {
    for (const handler of [...(this.handlers.get(type) ?? [])]) handler(event);
  }
  /** A source asks for tiles (not loaded) or has all it asked for (loaded), with MapLibre's event. */
  set(id: string, loaded: boolean) {
    if (!this.loaded.has(id)) return;
    this.loaded.set(id, loaded);
    this.fire(loaded ? 'sourcedata' : 'sourcedataloading', { sourceId: id });
  }
  listening(): number {
    return [...this.handlers.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

const watch = (map: FakeMap, sources: readonly string[]) =>
  dropHangingBasemap(map as unknown as Parameters<typeof dropHangingBasemap>[0], sources, WAIT);

const step = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3 * WAIT }) }),
  fc.record({ kind: fc.constant('basemap' as const), loaded: fc.boolean() }),
  fc.record({ kind: fc.constant('others' as const), loaded: fc.boolean() }),
);

describe('dropHangingBasemap', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves the basemap out only after it waited the whole wait with the rest loaded, and always then', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        vi.clearAllTimers();
        const map = new FakeMap([...OTHERS, BASEMAP_SOURCE]);
        let now = 0;
        // When the basemap last began to wait (it waits from the map's making), null while it has its tiles.
        let waitingSince: number | null = 0;
        let othersLoaded = false;
        let drops = 0;
        onBasemapDropped(map, () => {
          drops += 1;
          // Never one that had its tiles, never before the wait is over, never while the rest still loads.
          expect(waitingSince).not.toBeNull();
          expect(now - (waitingSince ?? now)).toBeGreaterThanOrEqual(WAIT);
          expect(othersLoaded).toBe(true);
        });
        watch(map, [...OTHERS, BASEMAP_SOURCE]);
        const advance = (ms: number) => {
          // One millisecond at a time is too slow; the timers' own steps are enough (no timer is shorter).
          for (let left = ms; left > 0; left -= Math.min(left, 50)) {
            now += Math.min(left, 50);
            vi.advanceTimersByTime(Math.min(left, 50));
          }
        };
        for (const s of steps) {
          if (s.kind === 'wait') advance(s.ms);
          else if (s.kind === 'basemap') {
            if (!map.loaded.has(BASEMAP_SOURCE)) continue;
            if (s.loaded) waitingSince = null;
            else waitingSince ??= now;
            map.set(BASEMAP_SOURCE, s.loaded);
          } else {
            othersLoaded = s.loaded;
            for (const id of OTHERS) map.set(id, s.loaded);
          }
        }
        // Left waiting with the rest loaded, it is left out within two waits.
        if (map.loaded.has(BASEMAP_SOURCE) && map.loaded.get(BASEMAP_SOURCE) === false) {
          othersLoaded = true;
          for (const id of OTHERS) map.set(id, true);
          advance(2 * WAIT);
          expect(drops).toBe(1);
        }
        expect(drops).toBeLessThanOrEqual(1);
        expect(basemapDropped(map)).toBe(drops === 1);
        // Left out: its layer and source are gone from the map, and nothing is left listening.
        if (drops === 1) {
          expect(map.getSource(BASEMAP_SOURCE)).toBeUndefined();
          expect(map.getLayer(BASEMAP_SOURCE)).toBeUndefined();
          expect(map.listening()).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a basemap whose tiles come, however slowly the rest of the map loads', () => {
    const map = new FakeMap([...OTHERS, BASEMAP_SOURCE]);
    watch(map, [...OTHERS, BASEMAP_SOURCE]);
    vi.advanceTimersByTime(5 * WAIT);
    map.set(BASEMAP_SOURCE, true);
    vi.advanceTimersByTime(5 * WAIT);
    for (const id of OTHERS) map.set(id, true);
    vi.advanceTimersByTime(5 * WAIT);
    expect(basemapDropped(map)).toBe(false);
    expect(map.getSource(BASEMAP_SOURCE)).toBeDefined();
  });

  it('watches nothing on a map without a basemap, and stops when the map is removed', () => {
    const plain = new FakeMap(OTHERS);
    watch(plain, OTHERS);
    expect(plain.listening()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    const removed = new FakeMap([...OTHERS, BASEMAP_SOURCE]);
    watch(removed, [...OTHERS, BASEMAP_SOURCE]);
    removed.fire('remove');
    expect(removed.listening()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
