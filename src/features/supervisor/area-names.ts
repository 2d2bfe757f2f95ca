import type { PlaceName } from '../../core/sql/places';
import type { AreaName } from './coverage-rows';

/**
 * The names of the coverage engine's villages and kecamatan (in its order), from the gazetteer; a code the
 * gazetteer lacks is its own name.
 */
export function areaNames(
  rows: readonly PlaceName[],
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
