import { CLASS_METHODS, type ClassMethod, clampClasses, parseBreaks } from '../../core/classify/classify';
import { DISTRICT_CODE, NEED_CODES, type NeedCode, VILLAGE_CODE } from '../../core/domain/schema';
import { VIEW_BOUNDS, ZOOM_RANGE } from '../../core/map/view-bounds';
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
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a real calendar date `YYYY-MM-DD` (2025-02-31 is not). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Planner settings from the URL. A value that is unknown, malformed or out of range falls back to its default
 * (or the nearest allowed value) with a notice naming it; what exists in the data is checked later
 * (settings-check.ts).
 */
export function parsePlannerState(search: string): Parsed<PlannerUrlState> {
  const p = new URLSearchParams(search);
  const d = DEFAULT_PLANNER_STATE;
  const notices: SettingNotice[] = [];
  const note = (key: string, params: Record<string, string | number>) => notices.push({ key, params });
  /** The parameter's value, or null when absent (noted as `key` when present but not `ok`). */
  const read = <T>(name: string, parse: (raw: string) => T | null, key = 'other'): T | null => {
    const raw = p.get(name);
    if (raw === null) return null;
    const value = parse(raw);
    if (value === null) note(key, { name, value: raw });
    return value;
  };
  const oneOf =
    <T extends string>(allowed: readonly T[]) =>
    (raw: string): T | null =>
      (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
  const matching = (re: RegExp) => (raw: string) => (re.test(raw) ? raw : null);

  const weights = read(
    'bobot',
    (raw) => {
      const parsed = parseWeights(raw);
      return parsed && safeWeights(parsed);
    },
    'weights',
  );
  const classesRaw = p.get('kelas');
  let classes = d.classes;
  if (classesRaw !== null) {
    classes = clampClasses(Number(classesRaw));
    if (String(classes) !== classesRaw) note('classes', { value: classesRaw, fallback: classes });
  }
  const method = read('metode', oneOf(CLASS_METHODS), 'method') ?? d.method;
  // Manual breaks belong to the manual method: with another method they would be silently unused.
  const breaks =
    read(
      'batas',
      (raw) => {
        const list = parseBreaks(raw.replaceAll('_', ' '));
        return list.length > 0 && method === 'manual' ? list : null;
      },
      'breaks',
    ) ?? [];
  const layers = read('lapisan', (raw) => {
    const names = raw.split(',').filter((n) => n !== '');
    if (!names.every((n) => (LAYER_KEYS as readonly string[]).includes(n))) return null;
    return Object.fromEntries(LAYER_KEYS.map((k) => [k, names.includes(k)])) as PlannerUrlState['layers'];
  });
  const view = read(
    'peta',
    (raw) => {
      const parts = raw.split(',');
      const [lon, lat, zoom] = parts.map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
      if (parts.length !== 3 || ![lon, lat, zoom].every(Number.isFinite)) return null;
      const b = VIEW_BOUNDS;
      if ((lon as number) < b.west || (lon as number) > b.east) return null;
      if ((lat as number) < b.south || (lat as number) > b.north) return null;
      return { lon: lon as number, lat: lat as number, zoom: clamp(zoom as number, ...ZOOM_RANGE) };
    },
    'view',
  );
  const opacityRaw = p.get('opasitas');
  let opacity = d.opacity;
  if (opacityRaw !== null) {
    const percent = Number(opacityRaw);
    const ok = opacityRaw.trim() !== '' && Number.isFinite(percent);
    opacity = ok ? clamp(Math.round(percent), 10, 100) / 100 : d.opacity;
    if (!ok || String(Math.round(opacity * 100)) !== opacityRaw)
      note('opacity', { value: opacityRaw, fallback: Math.round(opacity * 100) });
  }
  const deciles = read(
    'desil',
    (raw) => {
      const m = /^(\d+)-(\d+)$/.exec(raw);
      const [lo, hi] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
      return lo >= 1 && hi <= 10 && lo <= hi ? { decileMin: lo, decileMax: hi } : null;
    },
    'decile',
  ) ?? { decileMin: 1, decileMax: 10 };
  let from = read('dari', (raw) => (isCalendarDate(raw) ? raw : null), 'dates');
  let to = read('sampai', (raw) => (isCalendarDate(raw) ? raw : null), 'dates');
  if (from !== null && to !== null && from > to) {
    note('dates', { value: `${from} – ${to}` });
    from = null;
    to = null;
  }
  const month = read('bulan', matching(MONTH), 'monthInvalid');
  const compareRaw = p.get('banding');
  let compare: CompareMonths = 0;
  if (compareRaw !== null) {
    const found = COMPARE_MONTHS.find((m) => String(m) === compareRaw);
    if (found === undefined) note('other', { name: 'banding', value: compareRaw });
    else if (found > 0 && month === null) note('compareNoMonth', { value: compareRaw });
    else compare = found;
  }
  const tab = read('tab', oneOf(TABS)) ?? d.tab;
  return {
    state: {
      score: read('skor', (raw) => (raw === '1' ? true : null)) ?? false,
      weights: weights ?? d.weights,
      unit: read('satuan', oneOf(UNITS)) ?? d.unit,
      method,
      classes,
      breaks,
      ramp: read('warna', oneOf(RAMP_NAMES)) ?? d.ramp,
      level: read('tingkat', (raw) => (raw === 'kecamatan' ? 'district' : null)) ?? d.level,
      layers: layers ?? d.layers,
      opacity,
      filters: {
        district: read('kec', matching(DISTRICT_CODE), 'district'),
        village: read('desa', matching(VILLAGE_CODE), 'village'),
        ...deciles,
        agent: read('agen', oneOf(AGENT_FILTERS)) ?? 'all',
        status: read('status', oneOf(STATUS_FILTERS)) ?? 'all',
        from,
        to,
      },
      month,
      compare,
      view,
      selected: read('pilih', matching(VILLAGE_CODE), 'selected'),
      tab,
    },
    notices,
  };
}

export const readPlannerState = (search: string): PlannerUrlState => parsePlannerState(search).state;

/** `search` with the planner settings written in (defaults left out); other parameters kept. */
export function writePlannerState(search: string, s: PlannerUrlState): string {
  const p = new URLSearchParams(search);
  const d = DEFAULT_PLANNER_STATE;
  const put = (key: string, value: string | null, fallback: string | null = null) => {
    if (value === null || value === fallback) p.delete(key);
    else p.set(key, value);
  };
  put('skor', s.score ? '1' : null);
  put('bobot', formatWeights(s.weights), formatWeights(d.weights));
  put('satuan', s.unit, d.unit);
  put('metode', s.method, d.method);
  put('kelas', String(s.classes), String(d.classes));
  put('batas', s.method === 'manual' && s.breaks.length ? s.breaks.join('_') : null);
  put('warna', s.ramp, d.ramp);
  put('tingkat', s.level === 'district' ? 'kecamatan' : null);
  const layers = LAYER_KEYS.filter((k) => s.layers[k]).join(',');
  put('lapisan', layers, LAYER_KEYS.filter((k) => d.layers[k]).join(','));
  put('opasitas', String(Math.round(s.opacity * 100)), String(Math.round(d.opacity * 100)));
  const f = s.filters;
  put('kec', f.district);
  put('desa', f.village);
  put('desil', f.decileMin > 1 || f.decileMax < 10 ? `${f.decileMin}-${f.decileMax}` : null);
  put('agen', f.agent, 'all');
  put('status', f.status, 'all');
  put('dari', f.from);
  put('sampai', f.to);
  put('bulan', s.month);
  put('banding', s.month && s.compare ? String(s.compare) : null);
  put('peta', s.view ? `${s.view.lon.toFixed(5)},${s.view.lat.toFixed(5)},${s.view.zoom.toFixed(2)}` : null);
  put('pilih', s.selected);
  put('tab', s.tab, d.tab);
  return `?${p.toString()}`;
}

/** Weights in the URL, by need code: `kesehatan:3,bencana:3,…` (a new need never shifts the others). */
export function formatWeights(weights: NeedWeights): string {
  return NEED_CODES.map((c) => `${c}:${weights[c]}`).join(',');
}

/**
 * Weights from the URL: by need code (needs left out weigh 0), or the earlier positional list of all six
 * in registry order (links shared before). Null when any weight is outside 0–5, a code is unknown or
 * repeated, or all are 0.
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
    if (!known.has(code) || seen.has(code) || !(Number.isFinite(w) && w >= 0 && w <= 5)) return null;
    seen.add(code);
    weights[code as NeedCode] = w;
  }
  return entries.length > 0 && Object.values(weights).some((w) => w > 0) ? weights : null;
}
