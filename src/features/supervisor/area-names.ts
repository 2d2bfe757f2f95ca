import { arrivedForDataset, perDataset } from '../../core/sql/per-dataset';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import type { AreaName } from './coverage-rows';

interface GazetteerRow {
  village_code: string;
  village_name: string;
  district_code: string;
  district_name: string;
}

/**
 * The gazetteer's villages and kecamatan, read once per loaded dataset (its SQL client): Pengawasan asks for them
 * when it opens, without waiting for the engine's codes, so the names come with the figures.
 */
export const gazetteerOf = (client: SqlClient): Promise<GazetteerRow[]> =>
  perDataset(client, 'gazetteer', () =>
    queryRows<GazetteerRow>(
      client,
      'SELECT village_code, village_name, district_code, district_name FROM villages',
    ),
  );

/** The gazetteer when it is already read (Pengawasan prepared ahead), without waiting a turn for it. */
export const gazetteerIfRead = (client: SqlClient): GazetteerRow[] | undefined =>
  arrivedForDataset(client, 'gazetteer');

/**
 * The names of the coverage engine's villages and kecamatan (in its order), from the gazetteer; a code the
 * gazetteer lacks is its own name.
 */
export function areaNames(
  rows: readonly GazetteerRow[],
  villageCodes: readonly string[],
  districtCodes: readonly string[],
): { villages: AreaName[]; districts: AreaName[] } {
  const byCode = new Map(rows.map((r) => [r.village_code, r]));
  const villages: AreaName[] = villageCodes.map((code) => {
    const r = byCode.get(code);
    return {
      code,
      name: r?.village_name ?? code,
      districtCode: r?.district_code ?? '',
      districtName: r?.district_name ?? '',
    };
  });
  const districts: AreaName[] = districtCodes.map((code) => {
    const name = rows.find((r) => r.district_code === code)?.district_name ?? code;
    return { code, name, districtCode: code, districtName: name };
  });
  return { villages, districts };
}
