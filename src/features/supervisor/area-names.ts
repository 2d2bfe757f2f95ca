import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import type { AreaName } from './coverage-rows';

/**
 * The names of the coverage engine's villages and kecamatan (in its order), from the gazetteer; a code the
 * gazetteer lacks is its own name.
 */
export async function areaNames(
  client: SqlClient,
  villageCodes: readonly string[],
  districtCodes: readonly string[],
): Promise<{ villages: AreaName[]; districts: AreaName[] }> {
  const rows = await queryRows<{
    village_code: string;
    village_name: string;
    district_code: string;
    district_name: string;
  }>(client, 'SELECT village_code, village_name, district_code, district_name FROM villages');
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
