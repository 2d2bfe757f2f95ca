/**
 * Layer data and update keys that stay the same objects (or strings) while their content does, so that layers
 * rebuilt from unchanged inputs compare equal and cost no redraw (same-layers.ts).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { PointCloud } from './point-thinning';

/** `make(key)`, made once per key object and kept while the key lives. */
export function keptFor<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    cache.set(key, value);
  }
  return value;
}

/** A hidden layer's data: one empty list, so that a hidden layer rebuilt compares equal. */
const HIDDEN: never[] = [];

/**
 * A layer's data: `data()` while it is shown, else none. deck.gl works out a hidden layer's attributes too (its
 * accessors run for every item), so a layer hidden at this zoom is handed nothing to work out.
 */
export const shownData = <T>(visible: boolean, data: () => T): T | never[] => (visible ? data() : HIDDEN);

const fillKeys = new WeakMap<ReadonlyMap<string, string>, string>();

/**
 * The key of a choropleth's colours (deck.gl's updateTrigger for getFillColor): it changes exactly when a code's
 * colour, or the colour of areas without one, does.
 */
export function fillKeyOf(fillByCode: ReadonlyMap<string, string>, noDataColor: string): string {
  const key = keptFor(fillKeys, fillByCode, (fills) =>
    [...fills].map(([code, color]) => `${code}=${color}`).join(';'),
  );
  return `${noDataColor}|${key}`;
}

const subsets = new WeakMap<FeatureCollection, Map<string, FeatureCollection>>();

/**
 * The features of `areas` whose code (`codeOf`) is among `codes`, as a collection that is the same object for
 * the same areas and codes.
 */
export function featureSubset(
  areas: FeatureCollection,
  codes: Iterable<string>,
  codeOf: (f: Feature) => string,
): FeatureCollection {
  const wanted = new Set(codes);
  const key = [...wanted].sort().join('\n');
  const byKey = keptFor(subsets, areas, () => new Map<string, FeatureCollection>());
  let subset = byKey.get(key);
  if (!subset) {
    subset = { type: 'FeatureCollection', features: areas.features.filter((f) => wanted.has(codeOf(f))) };
    // Only the latest few are kept: selections come and go.
    if (byKey.size >= 8) byKey.clear();
    byKey.set(key, subset);
  }
  return subset;
}

interface PointAttributes {
  length: number;
  attributes: {
    getPosition: { value: Float32Array; size: 2 };
    getFillColor: { value: Uint8Array; size: 4 };
  };
}

const pointData = new WeakMap<PointCloud, PointAttributes>();

/** A point cloud as a dot layer's binary data (positions and colours), one object per cloud. */
export function pointAttributes(points: PointCloud): PointAttributes {
  return keptFor(pointData, points, (p) => ({
    length: p.length,
    attributes: {
      getPosition: { value: p.positions, size: 2 },
      getFillColor: { value: p.colors, size: 4 },
    },
  }));
}
