/**
 * Whether new deck.gl layers draw exactly what the map already draws, so that handing them over can be skipped.
 *
 * deck.gl redraws the whole map whenever it is given a new list of layers, even one whose every layer matches
 * the last (a section rebuilds its layers each time any of its state changes). A redraw costs a whole frame:
 * little on a desktop graphics chip, hundreds of milliseconds in software rendering or on a weak phone.
 *
 * Two lists are the same when they hold layers of the same classes and ids in the same order, whose props are
 * equal: the same values, or arrays and plain objects with the same entries (one level deep). Accessors given
 * as functions (getFillColor, …) count as equal, as deck.gl itself treats them: their results are recomputed
 * only when `updateTriggers` change, and those are compared. Any other function (onClick, onHover, …) must be
 * the very same function, so a kept layer never calls back into state that has moved on.
 */
import type { Layer } from '@deck.gl/core';

/**
 * Where deck.gl keeps a layer's prop types, and the async props (data, …) as given: promises and URLs in one
 * place, values in another (registered symbols, @deck.gl/core lifecycle/constants).
 */
const PROP_TYPES = Symbol.for('propTypes');
const ASYNC_PENDING = Symbol.for('asyncPropOriginal');
const ASYNC_VALUES = Symbol.for('asyncPropResolved');

type Props = Record<string, unknown> & {
  [PROP_TYPES]?: Record<string, { type?: string } | undefined>;
  [ASYNC_PENDING]?: Record<string, unknown>;
  [ASYNC_VALUES]?: Record<string, unknown>;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Equal entries, one level deep: arrays element by element, plain objects key by key. */
function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && Object.is(a[k], b[k]));
  }
  return false;
}

function sameTriggers(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!(isPlainObject(a) && isPlainObject(b))) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && shallowEqual(a[k], b[k]));
}

/** The props as given to the layer: its own, and the async ones (data, …) that deck.gl keeps aside. */
function given(props: Props): Record<string, unknown> {
  return { ...props, ...props[ASYNC_PENDING], ...props[ASYNC_VALUES] };
}

/** The first prop that differs (see the module note), or null. */
function propChange(nextProps: Props, currentProps: Props): string | null {
  const types = nextProps[PROP_TYPES] ?? {};
  const next = given(nextProps);
  const current = given(currentProps);
  for (const key of new Set([...Object.keys(next), ...Object.keys(current)])) {
    if (!(key in next && key in current)) return key;
    const a = next[key];
    const b = current[key];
    const same =
      key === 'updateTriggers'
        ? sameTriggers(a, b)
        : typeof a === 'function' && typeof b === 'function'
          ? a === b || types[key]?.type === 'accessor'
          : shallowEqual(a, b);
    if (!same) return key;
  }
  return null;
}

/**
 * What makes `next` draw something else than `current` ("3 layers → 4", "agents: data", …), or null when it
 * draws the same (see the module note).
 */
export function layerChange(current: readonly Layer[], next: readonly Layer[]): string | null {
  if (current.length !== next.length) return `${current.length} layers → ${next.length}`;
  for (let i = 0; i < next.length; i++) {
    const layer = next[i] as Layer;
    const old = current[i] as Layer;
    if (old.id !== layer.id || old.constructor !== layer.constructor) return `${old.id} → ${layer.id}`;
    const prop = propChange(layer.props as unknown as Props, old.props as unknown as Props);
    if (prop !== null) return `${layer.id}: ${prop}`;
  }
  return null;
}

/** True when `next` draws what `current` draws. */
export function sameLayers(current: readonly Layer[], next: readonly Layer[]): boolean {
  return layerChange(current, next) === null;
}
