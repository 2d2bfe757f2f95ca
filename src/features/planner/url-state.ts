import {
  CLASS_METHODS,
  type ClassMethod,
  MAX_CLASSES,
  MIN_CLASSES,
  parseBreaks,
} from '../../core/classify/classify';
import { channelKey } from '../../core/dataset/app-config';
import { isCalendarDate } from '../../core/domain/calendar';
import { DISTRICT_CODE, NEED_CODES, type NeedCode, VILLAGE_CODE } from '../../core/domain/schema';
import { VIEW_BOUNDS, ZOOM_RANGE } from '../../core/map/view-bounds';
import {
  field,
  type Lens,
  type LinkCodec,
  linkKey,
  numberKey,
  patternKey,
  readLink,
  wordKey,
  writeLink,
} from '../../core/url/link-keys';
import { clamp, type Parsed, type SettingNotice } from '../../core/url/parsed';
import {
  type AgentFilter,
  DEFAULT_WEIGHTS,
  type NeedWeights,
  NO_FILTERS,
  type PlannerFilters,
  type PlannerUnit,
  type StatusFilter,
  safeWeights,
} from './data/planner-queries';
import type { RampName } from './planner-layers';

/** The planner's settings (Perencanaan), each in its own URL parameter beside section and need. */
export interface PlannerUrlState {
  /** Composite need score instead of the need in `UrlState.measure` (`skor=1`). */
  score: boolean;
  weights: NeedWeights;
  unit: PlannerUnit;
  method: ClassMethod;
  classes: number;
  /** Manual breaks (method `manual`). */
  breaks: number[];
  ramp: RampName;
  level: 'village' | 'district';
  layers: { choropleth: boolean; heatmap: boolean; hexagon: boolean; points: boolean };
  /** Opacity of the data layers, 0.1–1. */
  opacity: number;
  filters: PlannerFilters;
  /** `YYYY-MM` or null. */
  month: string | null;
  /** With a month: map the change since this many months earlier (0 = no comparison). */
  compare: CompareMonths;
  /** Map view; null = the whole regency. */
  view: { lon: number; lat: number; zoom: number } | null;
  /** Village whose profile is open. */
  selected: string | null;
  tab: 'table' | 'profile' | 'sql';
}

export const DEFAULT_PLANNER_STATE: PlannerUrlState = {
  score: false,
  weights: DEFAULT_WEIGHTS,
  unit: 'rate',
  method: 'quantile',
  classes: 5,
  breaks: [],
  ramp: 'YlOrRd',
  level: 'village',
  layers: { choropleth: true, heatmap: false, hexagon: false, points: true },
  opacity: 0.85,
  filters: NO_FILTERS,
  month: null,
  compare: 0,
  view: null,
  selected: null,
  tab: 'table',
};

const UNITS: readonly PlannerUnit[] = ['count', 'rate', 'density'];
const AGENT_FILTERS: readonly AgentFilter[] = ['all', 'asn', 'pppk', 'none'];
const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'dilaporkan', 'ditangani', 'selesai'];
const LAYER_KEYS = ['choropleth', 'heatmap', 'hexagon', 'points'] as const;
const TABS = ['table', 'profile', 'sql'] as const;
/** How far back the map can compare a month with. */
export const COMPARE_MONTHS = [0, 1, 3, 12] as const;
export type CompareMonths = (typeof COMPARE_MONTHS)[number];
// Listed here (not imported) so reading the URL never loads deck.gl.
const RAMP_NAMES: readonly RampName[] = ['YlOrRd', 'viridis', 'PuBu', 'Purples', 'PuOr'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/**
 * What a channel's key in `kanal` may hold: letters, digits, spaces and the punctuation of programme names
 * ("Era Gro", "PKH/BPNT", "K-SIGAP", "Dinsos (P3KS)"), at most 120 characters; other text is no channel's name.
 */
const CHANNEL_TEXT = /^[\p{L}\p{N} .,&()/+_-]{0,120}$/u;

const at = <K extends keyof PlannerUrlState>(key: K) => field<PlannerUrlState, K>(key);
/** The lens to one of the planner's filters. */
const filter = <K extends keyof PlannerFilters>(key: K): Lens<PlannerUrlState, PlannerFilters[K]> => ({
  get: (s) => s.filters[key],
  set: (s, v) => ({ ...s, filters: { ...s.filters, [key]: v } }),
});
const decileLens: Lens<PlannerUrlState, { decileMin: number; decileMax: number }> = {
  get: ({ filters: { decileMin, decileMax } }) => ({ decileMin, decileMax }),
  set: (s, v) => ({ ...s, filters: { ...s.filters, ...v } }),
};
const dateKey = (param: string, key: 'from' | 'to') =>
  linkKey({
    param,
    lens: filter(key),
    parse: (raw) => (isCalendarDate(raw) ? raw : null),
    format: (v) => v,
    notice: 'dates',
  });
const layerList = (layers: PlannerUrlState['layers']) => LAYER_KEYS.filter((k) => layers[k]).join(',');

/**
 * The planner's settings (Perencanaan) in the link. A value that is unknown, malformed or out of range falls
 * back to its default (or the nearest allowed value) with a notice naming it; what exists in the data is
 * checked later (settings-check.ts).
 */
export const PLANNER_LINK: LinkCodec<PlannerUrlState> = {
  defaults: DEFAULT_PLANNER_STATE,
  keys: [
    linkKey({
      param: 'skor',
      lens: at('score'),
      parse: (raw) => raw === '1' || null,
      format: (on) => (on ? '1' : null),
    }),
    linkKey({
      param: 'bobot',
      lens: at('weights'),
      parse: (raw) => {
        const parsed = parseWeights(raw);
        return parsed && safeWeights(parsed);
      },
      format: formatWeights,
      notice: 'weights',
    }),
    wordKey('satuan', at('unit'), UNITS),
    wordKey('metode', at('method'), CLASS_METHODS, { notice: 'method' }),
    numberKey('kelas', at('classes'), [MIN_CLASSES, MAX_CLASSES], {
      notice: 'classes',
    }),
    linkKey({
      param: 'batas',
      lens: at('breaks'),
      parse: (raw) => {
        const list = parseBreaks(raw.replaceAll('_', ' '));
        return list.length > 0 ? list : null;
      },
      format: (breaks) => (breaks.length > 0 ? breaks.join('_') : null),
      notice: 'breaks',
    }),
    wordKey('warna', at('ramp'), RAMP_NAMES),
    wordKey('tingkat', at('level'), { village: 'desa', district: 'kecamatan' }),
    linkKey({
      param: 'lapisan',
      lens: at('layers'),
      parse: (raw) => {
        const names = raw.split(',').filter((n) => n !== '');
        if (!names.every((n) => (LAYER_KEYS as readonly string[]).includes(n))) return null;
        return Object.fromEntries(LAYER_KEYS.map((k) => [k, names.includes(k)])) as PlannerUrlState['layers'];
      },
      format: layerList,
    }),
    numberKey('opasitas', at('opacity'), [10, 100], { scale: 100, notice: 'opacity' }),
    patternKey('kec', filter('district'), DISTRICT_CODE, 'district'),
    patternKey('desa', filter('village'), VILLAGE_CODE, 'village'),
    linkKey({
      param: 'desil',
      lens: decileLens,
      parse: (raw) => {
        const m = /^(\d+)-(\d+)$/.exec(raw);
        const [lo, hi] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
        return lo >= 1 && hi <= 10 && lo <= hi ? { decileMin: lo, decileMax: hi } : null;
      },
      format: ({ decileMin, decileMax }) => `${decileMin}-${decileMax}`,
      notice: 'decile',
    }),
    wordKey('agen', filter('agent'), AGENT_FILTERS),
    wordKey('status', filter('status'), STATUS_FILTERS),
    dateKey('dari', 'from'),
    dateKey('sampai', 'to'),
    // The channel's key (`kanal=trc`); empty (`kanal=`) for the cases without a channel. Read as channelKey
    // reads a value ("TRC" is trc); whether the data knows it is checked later (settings-check.ts).
    linkKey({
      param: 'kanal',
      lens: filter('channel'),
      parse: (raw) => {
        const key = channelKey(raw);
        return CHANNEL_TEXT.test(key) ? key : null;
      },
      format: (v) => v,
    }),
    patternKey('bulan', at('month'), MONTH, 'monthInvalid'),
    linkKey({
      param: 'banding',
      lens: at('compare'),
      parse: (raw) => COMPARE_MONTHS.find((m) => String(m) === raw) ?? null,
      format: String,
    }),
    linkKey({
      param: 'peta',
      lens: at('view'),
      parse: (raw) => {
        const parts = raw.split(',');
        const [lon, lat, zoom] = parts.map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
        if (parts.length !== 3 || ![lon, lat, zoom].every(Number.isFinite)) return null;
        const b = VIEW_BOUNDS;
        if ((lon as number) < b.west || (lon as number) > b.east) return null;
        if ((lat as number) < b.south || (lat as number) > b.north) return null;
        return { lon: lon as number, lat: lat as number, zoom: clamp(zoom as number, ...ZOOM_RANGE) };
      },
      format: (v) => (v ? `${v.lon.toFixed(5)},${v.lat.toFixed(5)},${v.zoom.toFixed(2)}` : null),
      notice: 'view',
    }),
    patternKey('pilih', at('selected'), VILLAGE_CODE, 'selected'),
    wordKey('tab', at('tab'), TABS),
  ],
  relate: relatePlannerSettings,
};

/**
 * The rules between the planner's keys: manual breaks belong to the manual method (with another they would be
 * silently unused), a comparison to one month, and report dates run forward.
 */
function relatePlannerSettings(state: PlannerUrlState): Parsed<PlannerUrlState> {
  const notices: SettingNotice[] = [];
  let s = state;
  if (s.breaks.length > 0 && s.method !== 'manual') {
    notices.push({ key: 'breaks', params: { value: s.breaks.join(' ') } });
    s = { ...s, breaks: [] };
  }
  if (s.compare > 0 && s.month === null) {
    notices.push({ key: 'compareNoMonth', params: { value: s.compare } });
    s = { ...s, compare: 0 };
  }
  const { from, to } = s.filters;
  if (from !== null && to !== null && from > to) {
    notices.push({ key: 'dates', params: { value: `${from} – ${to}` } });
    s = { ...s, filters: { ...s.filters, from: null, to: null } };
  }
  return { state: s, notices };
}

export const parsePlannerState = (search: string): Parsed<PlannerUrlState> => readLink(PLANNER_LINK, search);
export const readPlannerState = (search: string): PlannerUrlState => parsePlannerState(search).state;
/** `search` with the planner settings written in (defaults left out); other parameters kept. */
export const writePlannerState = (search: string, state: PlannerUrlState): string =>
  writeLink(PLANNER_LINK, search, state);

/** Weights in the URL, by need code: `kesehatan:3,bencana:3,…` (a new need never shifts the others). */
export function formatWeights(weights: NeedWeights): string {
  return NEED_CODES.map((c) => `${c}:${weights[c]}`).join(',');
}

/**
 * Weights from the URL: by need code (needs left out weigh 0), or the earlier positional list of all six
 * in registry order (links shared before). Null when any weight is not a whole number from 0 to 5, a code is
 * unknown or repeated, or all are 0.
 */
export function parseWeights(raw: string): NeedWeights | null {
  const parts = raw.split(',').map((part) => part.trim());
  const entries: [string, number][] = parts.some((part) => part.includes(':'))
    ? parts.map((part) => {
        const [code = '', value = ''] = part.split(':');
        return [code.trim(), value.trim() === '' ? Number.NaN : Number(value)];
      })
    : parts.length === NEED_CODES.length
      ? parts.map((part, i) => [NEED_CODES[i] as string, part === '' ? Number.NaN : Number(part)])
      : [];
  const known = new Set<string>(NEED_CODES);
  const weights = Object.fromEntries(NEED_CODES.map((c) => [c, 0])) as NeedWeights;
  const seen = new Set<string>();
  for (const [code, w] of entries) {
    // Whole numbers only, as the weight sliders set them (a slider would show 2.5 as 3 and the map use 2.5).
    if (!known.has(code) || seen.has(code) || !(Number.isInteger(w) && w >= 0 && w <= 5)) return null;
    seen.add(code);
    weights[code as NeedCode] = w;
  }
  return entries.length > 0 && Object.values(weights).some((w) => w > 0) ? weights : null;
}
