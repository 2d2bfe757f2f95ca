import { REGENCY_BBOX } from '../domain/schema';

/** How far the map may look beyond the regency (the offline land layer ends 0.6° beyond it). */
const MAX_BOUNDS_PAD_DEG = 0.4;

/** Where the map may look, and so the views a link may ask for. */
export const VIEW_BOUNDS = {
  west: REGENCY_BBOX.west - MAX_BOUNDS_PAD_DEG,
  south: REGENCY_BBOX.south - MAX_BOUNDS_PAD_DEG,
  east: REGENCY_BBOX.east + MAX_BOUNDS_PAD_DEG,
  north: REGENCY_BBOX.north + MAX_BOUNDS_PAD_DEG,
} as const;

/** The map's zoom levels, from the whole province to a house. */
export const ZOOM_RANGE = [5, 17] as const;
