/**
 * A feature's settings in the link as a table of keys: each key names its parameter, where its value lives in
 * the state, how its text is read and written. The default is the feature's default state; a key is left out
 * of the link at its default. A value that cannot be used falls back to the default with a notice naming it.
 * Rules between keys (manual breaks only with the manual method, dates in order) are the codec's `relate`
 * step, applied after reading and before writing, so a written link is always one that reads back as it is.
 * What only the data can tell (does this month exist?) is checked later by the feature.
 */

import { clamp, type Parsed, type SettingNotice } from './parsed';

/** Where a key's value lives in the state. */
export interface Lens<S, V> {
  get(state: S): V;
  set(state: S, value: V): S;
}

/** The lens to the state's field `key`. */
export const field = <S, K extends keyof S>(key: K): Lens<S, S[K]> => ({
  get: (s) => s[key],
  set: (s, v) => ({ ...s, [key]: v }),
});

/** One parameter of the link. */
export interface LinkKey<S> {
  param: string;
  /** Reads the parameter's text into the state; a notice when the text could not be used as it is. */
  read(raw: string, state: S): { state: S; notice?: SettingNotice };
  /** The parameter's text for the state; null leaves the parameter out. */
  write(state: S, defaults: S): string | null;
}

interface KeySpec<S, V> {
  param: string;
  lens: Lens<S, V>;
  /** The value for the parameter's text, or null when it cannot be used. */
  parse(raw: string): V | null;
  /** The parameter's text; null leaves it out. */
  format(value: V): string | null;
  /** Message key of the notice (`states.notice.*`); `other` names the parameter. */
  notice?: string;
  /** Written even at the default (the app's section, need and distance always show in a link). */
  always?: boolean;
}

/** A key from its parts: a value that cannot be used keeps the default, with a notice. */
export function linkKey<S, V>(spec: KeySpec<S, V>): LinkKey<S> {
  const { param, lens, parse, format, notice = 'other' } = spec;
  return {
    param,
    read(raw, state): { state: S; notice?: SettingNotice } {
      const value = parse(raw);
      if (value === null) return { state, notice: { key: notice, params: { name: param, value: raw } } };
      return { state: lens.set(state, value) };
    },
    write(state, defaults) {
      const text = format(lens.get(state));
      return !spec.always && text === format(lens.get(defaults)) ? null : text;
    },
  };
}

/** A key whose values are words in the link (`words` maps each value to its word; by default the value itself). */
export function wordKey<S, V extends string>(
  param: string,
  lens: Lens<S, V>,
  values: readonly V[] | Readonly<Record<V, string>>,
  options: Pick<KeySpec<S, V>, 'notice' | 'always'> = {},
): LinkKey<S> {
  const words: Readonly<Record<string, string>> = Array.isArray(values)
    ? Object.fromEntries(values.map((v) => [v, v]))
    : values;
  const byWord = new Map(Object.entries(words).map(([value, word]) => [word, value as V]));
  return linkKey({
    param,
    lens,
    parse: (raw) => byWord.get(raw) ?? null,
    format: (v) => words[v] ?? null,
    ...options,
  });
}

/** A key holding text that must match `pattern`, or nothing (null). */
export const patternKey = <S>(
  param: string,
  lens: Lens<S, string | null>,
  pattern: RegExp,
  notice?: string,
): LinkKey<S> =>
  linkKey({ param, lens, parse: (raw) => (pattern.test(raw) ? raw : null), format: (v) => v, notice });

/**
 * A whole number within `range`, written as `scale × value` rounded (opacity 0.85 is `85`). A number out of
 * range is clamped and noted; text that is not a number keeps the value there (the default), noted with it.
 */
export function numberKey<S>(
  param: string,
  lens: Lens<S, number>,
  range: readonly [number, number],
  options: { scale?: number; notice?: string; always?: boolean } = {},
): LinkKey<S> {
  const scale = options.scale ?? 1;
  const { write } = linkKey({
    param,
    lens,
    parse: Number,
    format: (v) => String(Math.round(v * scale)),
    ...options,
  });
  return {
    param,
    read(raw, state) {
      const n = Number(raw);
      const used =
        raw.trim() !== '' && Number.isFinite(n)
          ? clamp(Math.round(n), ...range)
          : Math.round(lens.get(state) * scale);
      const next = lens.set(state, used / scale);
      if (String(used) === raw.trim()) return { state: next };
      return {
        state: next,
        notice: { key: options.notice ?? 'other', params: { name: param, value: raw, fallback: used } },
      };
    },
    write,
  };
}

/** A feature's link: its default state, its keys, and the rules between keys. */
export interface LinkCodec<S> {
  defaults: S;
  keys: readonly LinkKey<S>[];
  /** Makes the state consistent across keys; notices name what was dropped (only shown after reading). */
  relate?: (state: S) => Parsed<S>;
}

/** The codec's state from a query string, with a notice for every value that was replaced. */
export function readLink<S>(codec: LinkCodec<S>, search: string): Parsed<S> {
  const params = new URLSearchParams(search);
  let state = codec.defaults;
  const notices: SettingNotice[] = [];
  for (const key of codec.keys) {
    const raw = params.get(key.param);
    if (raw === null) continue;
    const read = key.read(raw, state);
    state = read.state;
    if (read.notice) notices.push(read.notice);
  }
  if (!codec.relate) return { state, notices };
  const related = codec.relate(state);
  return { state: related.state, notices: [...notices, ...related.notices] };
}

/** `search` with the codec's state written in (defaults left out), other parameters (e.g. lang) kept. */
export function writeLink<S>(codec: LinkCodec<S>, search: string, state: S): string {
  const params = new URLSearchParams(search);
  const consistent = codec.relate ? codec.relate(state).state : state;
  for (const key of codec.keys) {
    const text = key.write(consistent, codec.defaults);
    if (text === null) params.delete(key.param);
    else params.set(key.param, text);
  }
  return `?${params.toString()}`;
}
