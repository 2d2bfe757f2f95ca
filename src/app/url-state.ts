import { CLASS_METHODS, type ClassMethod, clampClasses, parseBreaks } from '../analysis/classify';
import type { Section } from '../components/Header';
import {
  type AgentFilter,
  DEFAULT_WEIGHTS,
  type NeedWeights,
  NO_FILTERS,
  type PlannerFilters,
  type PlannerUnit,
  type StatusFilter,
  safeWeights,
} from '../data/planner-queries';
import type { NeedMeasure } from '../data/queries';
import { NEED_CODES } from '../data/schema';
import type { RampName } from '../map/planner-layers';

/** The settings a link reproduces. */
export interface UrlState {
  section: Section;
  measure: NeedMeasure;
  /** Coverage distance limit in metres (supervisor), 250–10,000. */
  thresholdM: number;
}

const DEFAULT_THRESHOLD_M = 1000;
const clampThreshold = (m: number) =>
  Number.isFinite(m) ? Math.min(10_000, Math.max(250, Math.round(m))) : DEFAULT_THRESHOLD_M;

const SECTIONS: readonly string[] = ['planner', 'supervisor', 'innovation'];
const MEASURES: readonly string[] = ['any', ...NEED_CODES];

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const section = params.get('section') ?? '';
  const measure = params.get('need') ?? '';
  const threshold = params.get('jarak_m');
  return {
    section: (SECTIONS.includes(section) ? section : 'planner') as Section,
    measure: (MEASURES.includes(measure) ? measure : 'any') as NeedMeasure,
    thresholdM: threshold === null ? DEFAULT_THRESHOLD_M : clampThreshold(Number(threshold)),
  };
}

/** `search` with the state written in, other parameters (e.g. lang) kept. */
export function writeUrlState(search: string, state: UrlState): string {
  const params = new URLSearchParams(search);
  params.set('section', state.section);
  params.set('need', state.measure);
  params.set('jarak_m', String(state.thresholdM));
  return `?${params.toString()}`;
}

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
const DISTRICT_CODE = /^17\.01\.\d{2}$/;
const VILLAGE_CODE = /^17\.01\.\d{2}\.\d{4}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
const matching = (value: string | null, re: RegExp): string | null =>
  value !== null && re.test(value) ? value : null;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Planner settings from the URL; anything unknown or malformed falls back to the default. */
export function readPlannerState(search: string): PlannerUrlState {
  const p = new URLSearchParams(search);
  const d = DEFAULT_PLANNER_STATE;
  const weightList = (p.get('bobot') ?? '').split(',').map(Number);
  const weights =
    weightList.length === NEED_CODES.length && weightList.every(Number.isFinite)
      ? safeWeights(Object.fromEntries(NEED_CODES.map((c, i) => [c, weightList[i]])) as NeedWeights)
      : d.weights;
  const [dMin, dMax] = (p.get('desil') ?? '').split('-').map(Number);
  const decileOk = Number.isInteger(dMin) && Number.isInteger(dMax);
  const layerList = p.get('lapisan');
  const layers =
    layerList === null
      ? d.layers
      : (Object.fromEntries(
          LAYER_KEYS.map((k) => [k, layerList.split(',').includes(k)]),
        ) as PlannerUrlState['layers']);
  const [lon, lat, zoom] = (p.get('peta') ?? '').split(',').map(Number);
  const view =
    Number.isFinite(lon) && Number.isFinite(lat) && Number.isFinite(zoom) && p.get('peta')
      ? { lon: lon as number, lat: lat as number, zoom: clamp(zoom as number, 5, 17) }
      : null;
  const opacity = Number(p.get('opasitas'));
  return {
    score: p.get('skor') === '1',
    weights,
    unit: oneOf(p.get('satuan'), UNITS, d.unit),
    method: oneOf(p.get('metode'), CLASS_METHODS, d.method),
    classes: p.get('kelas') === null ? d.classes : clampClasses(Number(p.get('kelas'))),
    breaks: parseBreaks((p.get('batas') ?? '').replaceAll('_', ' ')),
    ramp: oneOf(p.get('warna'), RAMP_NAMES, d.ramp),
    level: p.get('tingkat') === 'kecamatan' ? 'district' : 'village',
    layers,
    opacity:
      p.get('opasitas') !== null && Number.isFinite(opacity) ? clamp(opacity / 100, 0.1, 1) : d.opacity,
    filters: {
      district: matching(p.get('kec'), DISTRICT_CODE),
      village: matching(p.get('desa'), VILLAGE_CODE),
      decileMin: decileOk ? clamp(Math.min(dMin as number, dMax as number), 1, 10) : 1,
      decileMax: decileOk ? clamp(Math.max(dMin as number, dMax as number), 1, 10) : 10,
      agent: oneOf(p.get('agen'), AGENT_FILTERS, 'all'),
      status: oneOf(p.get('status'), STATUS_FILTERS, 'all'),
      from: matching(p.get('dari'), ISO_DATE),
      to: matching(p.get('sampai'), ISO_DATE),
    },
    month: matching(p.get('bulan'), MONTH),
    compare: COMPARE_MONTHS.find((m) => String(m) === p.get('banding')) ?? 0,
    view,
    selected: matching(p.get('pilih'), VILLAGE_CODE),
    tab: oneOf(p.get('tab'), TABS, d.tab),
  };
}

/** `search` with the planner settings written in (defaults left out); other parameters kept. */
export function writePlannerState(search: string, s: PlannerUrlState): string {
  const p = new URLSearchParams(search);
  const d = DEFAULT_PLANNER_STATE;
  const put = (key: string, value: string | null, fallback: string | null = null) => {
    if (value === null || value === fallback) p.delete(key);
    else p.set(key, value);
  };
  const weights = NEED_CODES.map((c) => String(s.weights[c])).join(',');
  put('skor', s.score ? '1' : null);
  put('bobot', weights, NEED_CODES.map((c) => String(d.weights[c])).join(','));
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
  put('banding', s.compare ? String(s.compare) : null);
  put('peta', s.view ? `${s.view.lon.toFixed(5)},${s.view.lat.toFixed(5)},${s.view.zoom.toFixed(2)}` : null);
  put('pilih', s.selected);
  put('tab', s.tab, d.tab);
  return `?${p.toString()}`;
}
