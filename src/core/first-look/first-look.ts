/**
 * The first look: the planner's last opening map — each area's colour, the legend's words, what it counts — kept
 * in this browser, so that the next visit to the same address shows it at once, labelled as the map of that
 * visit, while the database and the data load; the live map then replaces it. Only the colours of villages or
 * kecamatan and the legend's words are kept (figures already shown, after small-count suppression): no household
 * record. It is local data like any other: "Hapus semua data lokal" erases it (LOCAL_PREFIX).
 */
import { activeDataset, LOCAL_PREFIX } from '../dataset/local-store-keys';

export const FIRST_LOOK_KEY = `${LOCAL_PREFIX}first-look`;
/** Raised whenever what is kept changes shape: an older copy is then ignored (2: each area's code). */
export const FIRST_LOOK_VERSION = 2;
/** A larger copy is not kept (a few hundred kB is usual for a regency's villages). */
export const FIRST_LOOK_MAX_CHARS = 2_000_000;

export interface FirstLookLegendItem {
  color: string;
  label: string;
}

/**
 * The demo's opening map, served with the app (data/first-look/demo.<lang>.json, written by
 * `npm run data:first-look` from the built app and checked against it by the e2e tests): the first look of a
 * first visit to the demo. It carries no visit: path, search, dataset and savedAt are empty.
 */
export const DEMO_FIRST_LOOK_DIR = 'first-look';
export const demoFirstLookFile = (lang: string) => `${DEMO_FIRST_LOOK_DIR}/demo.${lang}.json`;

export interface FirstLook {
  version: number;
  /** The address the map was opened at (path and query), and the dataset then active in this browser. */
  path: string;
  search: string;
  dataset: 'server' | 'imported';
  /** When it was drawn (ISO 8601). */
  savedAt: string;
  /** The language its words are in. */
  lang: string;
  datasetName: string;
  synthetic: boolean;
  /** What the map counts (the legend's title). */
  title: string;
  legend: FirstLookLegendItem[];
  /**
   * View box height (the width is first-look-paths.ts's VIEW_WIDTH) and each area's code (the village's or
   * kecamatan's), path and colour.
   */
  height: number;
  areas: { code: string; d: string; fill: string }[];
  /** The demo's first look only: the fingerprint of the demo it was drawn from (its manifest's). */
  demo?: string;
}

/** Where the page was opened: the first look belongs to this address (the app rewrites it as the user moves). */
export interface Opening {
  path: string;
  search: string;
  dataset: 'server' | 'imported';
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown, ...keys: string[]): boolean =>
  isRecord(v) && keys.every((k) => typeof v[k] === 'string');

/** A kept or served copy checked field by field (it may be old, damaged or foreign: drawing it must not fail). */
const isLook = (value: unknown): value is FirstLook => {
  if (!strings(value, 'path', 'search', 'savedAt', 'lang', 'datasetName', 'title')) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === FIRST_LOOK_VERSION &&
    (v.dataset === 'server' || v.dataset === 'imported') &&
    typeof v.synthetic === 'boolean' &&
    typeof v.height === 'number' &&
    Number.isFinite(v.height) &&
    v.height > 0 &&
    Array.isArray(v.legend) &&
    v.legend.every((item) => strings(item, 'color', 'label')) &&
    Array.isArray(v.areas) &&
    v.areas.every((area) => strings(area, 'code', 'd', 'fill')) &&
    (v.demo === undefined || typeof v.demo === 'string')
  );
};

const parse = (raw: string): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
};

/** The first look kept for this opening (same address, same dataset, same language), or null. */
export function readFirstLook(opening: Opening, lang: string): FirstLook | null {
  const raw = storage()?.getItem(FIRST_LOOK_KEY);
  const look = raw ? parse(raw) : null;
  if (!isLook(look)) return null;
  const same =
    look.path === opening.path &&
    look.search === opening.search &&
    look.dataset === opening.dataset &&
    look.lang === lang;
  return same ? look : null;
}

/**
 * An address that opens the demo's opening map: the app's address with nothing after it, or only the language
 * the page is in.
 */
export const opensDemoMap = (search: string, lang: string): boolean =>
  search === '' || search === '?' || search === `?lang=${lang}`;

/**
 * The demo's first look from its served file's text, when it is one in `lang` drawn from the demo served now
 * (`manifest`: demo/manifest.json as read, whose fingerprint names the data); else null — a demo made again
 * with other settings must not open with the map of another.
 */
export function parseDemoFirstLook(text: string, lang: string, manifest: unknown): FirstLook | null {
  const look = parse(text);
  const fingerprint =
    isRecord(manifest) && typeof manifest.fingerprint === 'string' ? manifest.fingerprint : null;
  return isLook(look) &&
    look.lang === lang &&
    look.synthetic === true &&
    fingerprint &&
    look.demo === fingerprint
    ? look
    : null;
}

/** A plain JSON file name (no folder, no dot first): what a demo's manifest may name as its first look. */
const PLAIN_JSON_FILE = /^[\w-]+(?:\.[\w-]+)*\.json$/;

/**
 * The first look a served demo names itself, in its manifest's `firstLook` (`{ "<lang>": "<file>" }`, written
 * beside its tables by `npm run data:first-look -- --data <dir>`, e.g. for a demo of a million households), as a
 * URL under demo/; null when the manifest names none in `lang` or not a plain JSON file name.
 */
export function servedDemoFirstLookFile(manifest: unknown, lang: string): string | null {
  const named = isRecord(manifest) && isRecord(manifest.firstLook) ? manifest.firstLook[lang] : undefined;
  return typeof named === 'string' && PLAIN_JSON_FILE.test(named) ? `demo/${named}` : null;
}

/** Keeps `look` (replacing the last one); false when it is too large or the browser refuses to keep it. */
export function saveFirstLook(look: FirstLook): boolean {
  const text = JSON.stringify(look);
  if (text.length > FIRST_LOOK_MAX_CHARS) return false;
  try {
    storage()?.setItem(FIRST_LOOK_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** The address and dataset this page was opened with, read once when the page's first script runs. */
export const PAGE_OPENING: Opening = {
  path: globalThis.location?.pathname ?? '',
  search: globalThis.location?.search ?? '',
  dataset: activeDataset(),
};

/**
 * True when this page opens the server's opening map (the office's published dataset's, or the demo's): the
 * server's dataset, at the app's plain address in `lang`.
 */
export const pageOpensServerMap = (lang: string): boolean =>
  PAGE_OPENING.dataset === 'server' && opensDemoMap(PAGE_OPENING.search, lang);

let sectionShown = false;

/** Called once the page shows its first section (or an error): later draws are not the opening map. */
export function markSectionShown(): void {
  sectionShown = true;
}

/** True while the page has not yet shown a section: a map drawn now is what PAGE_OPENING opens. */
export const isOpeningDraw = (): boolean => !sectionShown;
