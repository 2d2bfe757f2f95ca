/**
 * The programme's needs — the one place they are spelled out. Everything else derives from this list: the
 * household columns (`need_<code>`), the composite score's default weights, the URL's weights (by code),
 * the de-identified copies the SQL panel sees, the demo generator and the benchmarks. Adding a need is one
 * entry here plus its labels in the catalogues (`needs.<code>` in src/i18n/{id,en}).
 */

export interface NeedSpec {
  /** Code used in column names, URLs and catalogues (lower snake case). */
  readonly code: string;
  /**
   * Default weight in the composite need score (0–5): needs that put health, shelter or schooling at risk
   * weigh more than paperwork and surroundings.
   */
  readonly defaultWeight: number;
  /** Synthetic demo only: base rate for a household at decile ~5 in an ordinary lowland village. */
  readonly demoRate: number;
  /** Synthetic demo only: multiplier by kind of place (a village of several kinds gets the product). */
  readonly demoPlaceFactor: { coastal: number; upland: number; town: number; pocket: number };
}

/** In display order. */
export const NEEDS = [
  {
    code: 'kesehatan',
    defaultWeight: 3,
    demoRate: 0.05,
    demoPlaceFactor: { coastal: 1.0, upland: 1.8, town: 0.6, pocket: 1.5 },
  },
  {
    code: 'bencana',
    defaultWeight: 3,
    demoRate: 0.02,
    demoPlaceFactor: { coastal: 2.6, upland: 0.9, town: 0.8, pocket: 1.0 },
  },
  {
    code: 'rtlh',
    defaultWeight: 2,
    demoRate: 0.07,
    demoPlaceFactor: { coastal: 1.1, upland: 1.8, town: 0.5, pocket: 1.6 },
  },
  {
    code: 'adminduk',
    defaultWeight: 1,
    demoRate: 0.09,
    demoPlaceFactor: { coastal: 1.0, upland: 1.5, town: 0.7, pocket: 1.4 },
  },
  {
    code: 'putus_sekolah',
    defaultWeight: 2,
    demoRate: 0.05,
    demoPlaceFactor: { coastal: 1.1, upland: 1.6, town: 0.8, pocket: 1.5 },
  },
  {
    code: 'lingkungan',
    defaultWeight: 1,
    demoRate: 0.06,
    demoPlaceFactor: { coastal: 1.3, upland: 1.4, town: 0.9, pocket: 1.5 },
  },
] as const satisfies readonly NeedSpec[];

export type NeedCode = (typeof NEEDS)[number]['code'];

export const NEED_CODES: readonly NeedCode[] = NEEDS.map((n) => n.code);

/** A value per need, built from the registry. */
export function perNeed<T>(value: (need: (typeof NEEDS)[number]) => T): Record<NeedCode, T> {
  return Object.fromEntries(NEEDS.map((n) => [n.code, value(n)])) as Record<NeedCode, T>;
}

/** Household column holding the 0/1 flag of a need. */
export const needColumn = (need: NeedCode): `need_${NeedCode}` => `need_${need}`;
