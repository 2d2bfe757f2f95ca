/**
 * GeoJSON FeatureCollection → staging rows (a household or agent layer exported from a GIS, for instance).
 * Columns are the union of the features' property names, in order of first appearance. When the properties do
 * not supply the coordinates, a Point geometry supplies them as extra columns `lon`/`lat` (`label_lon`/`label_lat`
 * for villages). Row numbers are feature index + 1.
 */
import { resolveColumns, type TableName } from '../domain/schema';
import { fail, type ReadContext, uniqueHeaders } from './read-context';
import { parquetText } from './read-parquet';
import { chooseEncoding } from './text';
import { MAX_COLUMNS } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parsed JSON of a GeoJSON file, or a fatal error. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  const { encoding, start } = chooseEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(start));
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail('unreadable', `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function featuresOf(json: unknown): unknown[] {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return fail('not_feature_collection', 'the JSON is not a GeoJSON FeatureCollection');
  }
  return json.features;
}

export async function readGeoJson(bytes: Uint8Array, table: TableName, ctx: ReadContext): Promise<void> {
  const features = featuresOf(parseJsonBytes(bytes));
  const keys = new Map<string, number>();
  for (const f of features) {
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    for (const k of Object.keys(props)) if (!keys.has(k)) keys.set(k, keys.size);
    if (keys.size > MAX_COLUMNS) fail('too_many_columns', `more than ${MAX_COLUMNS} property names`);
  }
  const propNames = [...keys.keys()];
  const [lonName, latName] = table === 'villages' ? ['label_lon', 'label_lat'] : ['lon', 'lat'];
  const resolved = resolveColumns(table, propNames);
  const useGeometry = table !== 'cases' && !resolved.has(lonName) && !resolved.has(latName);
  const headers = useGeometry ? [...propNames, lonName, latName] : propNames;
  if (headers.length === 0) fail('no_header', 'the features have no properties');
  await ctx.begin(uniqueHeaders(headers));
  for (const [i, f] of features.entries()) {
    if (i % 10_000 === 0) {
      ctx.checkAbort();
      ctx.progress(i / features.length);
    }
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    const cells = propNames.map((k) => parquetText(props[k]));
    if (useGeometry) {
      const g = isRecord(f) ? f.geometry : null;
      const c = isRecord(g) && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : [];
      cells.push(parquetText(c[0]), parquetText(c[1]));
    }
    await ctx.row(i + 1, cells);
  }
  ctx.progress(1);
}
