/**
 * Builds the committed gazetteer facts from the shared reference data:
 *   data/villages.csv   codes, names, kecamatan, type, label point, area, 2010 census population, BPS code
 *   data/districts.csv  per kecamatan: BPS code, village counts, area, 2010 population
 * Polygons are never copied (only the properties of the districts GeoJSON are read).
 *
 *   npm run data:gazetteer [-- --shared ../shared/data] [--out data]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { csvLine, parseCsvRecords } from './demo/csv.ts';
import { DISTRICT_COLUMNS, VILLAGE_COLUMNS } from './demo/gazetteer.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_SHARED_DIR = resolve(ROOT, '../shared/data');
const CODE = /^17\.01\.\d{2}\.\d{4}$/;

export interface GazetteerOutput {
  villagesCsv: string;
  districtsCsv: string;
  /** Notes on how the sources were reconciled (printed by the CLI). */
  notes: string[];
}

interface DistrictProps {
  district_code: string;
  district_code_bps: string;
  district_name: string;
  village_count: number;
  desa_count: number;
  kelurahan_count: number;
  area_km2: number;
}

const normName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Reads the shared reference data and returns the two CSV texts (deterministic bytes). */
export function buildGazetteer(sharedDir = DEFAULT_SHARED_DIR): GazetteerOutput {
  const notes: string[] = [];
  const villages = parseCsvRecords(readFileSync(resolve(sharedDir, 'villages.csv'), 'utf8'));
  const population = parseCsvRecords(readFileSync(resolve(sharedDir, 'population.csv'), 'utf8'));
  const districtsGeo = JSON.parse(
    readFileSync(resolve(sharedDir, 'bengkulu-selatan-districts.geojson'), 'utf8'),
  ) as { features: { properties: DistrictProps }[] };
  // Only the properties are kept; the geometry is dropped here.
  const districtProps = new Map(districtsGeo.features.map((f) => [f.properties.district_code, f.properties]));

  // 2010 census population and BPS village code (10 digits) per current village code.
  const pop2010 = new Map<string, number>();
  const bpsCode = new Map<string, string>();
  const unmatched: Record<string, string>[] = [];
  let regency2010: number | undefined;
  for (const r of population) {
    if (r.year !== '2010' || r.indicator !== 'population') continue;
    if (r.level === 'regency') regency2010 = Number(r.value);
    if (r.level !== 'village') continue;
    if (r.code) pop2010.set(r.code, Number(r.value));
    if (r.code && r.bps_code) bpsCode.set(r.code, r.bps_code);
    else unmatched.push(r);
  }
  // A 2010 unit without a current code (e.g. "UPT Karang Cayo", a transmigration settlement unit) is folded
  // into the current village of the same kecamatan whose name it carries after the "UPT" prefix.
  for (const r of unmatched) {
    const base = normName((r.name ?? '').replace(/^UPT\s+/i, ''));
    const target = villages.find(
      (v) => v.district_code === r.district_code && normName(v.village_name ?? '') === base,
    );
    if (!target?.village_code) {
      notes.push(`2010 unit "${r.name}" (${r.value}) has no current village and is left out`);
      continue;
    }
    const before = pop2010.get(target.village_code) ?? 0;
    pop2010.set(target.village_code, before + Number(r.value));
    notes.push(
      `2010 unit "${r.name}" (${r.value} people, no current code) folded into ${target.village_code} ${target.village_name}: ${before} -> ${before + Number(r.value)}`,
    );
  }

  const rows = villages
    .map((v) => {
      const code = v.village_code ?? '';
      if (!CODE.test(code)) throw new Error(`bad village code ${code}`);
      const p = pop2010.get(code);
      if (p === undefined) throw new Error(`no 2010 population for ${code}`);
      const type = v.type;
      if (type !== 'desa' && type !== 'kelurahan') throw new Error(`bad type for ${code}`);
      return {
        village_code: code,
        village_name: v.village_name ?? '',
        district_code: v.district_code ?? '',
        district_name: v.district_name ?? '',
        village_type: type,
        label_lon: Number(v.centroid_lon).toFixed(6),
        label_lat: Number(v.centroid_lat).toFixed(6),
        area_km2: Number(v.area_km2).toFixed(4),
        population_2010: p,
        // BPS 2010 census code; importers accept it as a village code (src/core/import).
        village_code_bps: bpsCode.get(code) ?? '',
      };
    })
    .sort((a, b) => (a.village_code < b.village_code ? -1 : a.village_code > b.village_code ? 1 : 0));
  if (new Set(rows.map((r) => r.village_code)).size !== rows.length)
    throw new Error('duplicate village codes');

  const villagesCsv = `${[VILLAGE_COLUMNS.join(','), ...rows.map((r) => csvLine(VILLAGE_COLUMNS.map((c) => r[c])))].join('\n')}\n`;

  const districtCodes = [...new Set(rows.map((r) => r.district_code))].sort();
  const districtLines = districtCodes.map((dc) => {
    const own = rows.filter((r) => r.district_code === dc);
    const props = districtProps.get(dc);
    if (!props) throw new Error(`district ${dc} missing from the districts GeoJSON`);
    const desa = own.filter((r) => r.village_type === 'desa').length;
    const kelurahan = own.length - desa;
    if (
      props.village_count !== own.length ||
      props.desa_count !== desa ||
      props.kelurahan_count !== kelurahan
    ) {
      throw new Error(`district ${dc}: village counts disagree with the districts GeoJSON`);
    }
    const rec: Record<(typeof DISTRICT_COLUMNS)[number], string | number> = {
      district_code: dc,
      district_code_bps: props.district_code_bps,
      district_name: own[0]?.district_name ?? props.district_name,
      village_count: own.length,
      desa_count: desa,
      kelurahan_count: kelurahan,
      area_km2: Number(props.area_km2).toFixed(4),
      population_2010: own.reduce((s, r) => s + r.population_2010, 0),
    };
    return csvLine(DISTRICT_COLUMNS.map((c) => rec[c]));
  });
  const districtsCsv = `${[DISTRICT_COLUMNS.join(','), ...districtLines].join('\n')}\n`;

  const total = rows.reduce((s, r) => s + r.population_2010, 0);
  if (regency2010 !== undefined && total !== regency2010) {
    notes.push(`village populations sum to ${total}, the published 2010 regency total is ${regency2010}`);
  }
  notes.push(`${rows.length} villages in ${districtCodes.length} kecamatan, 2010 population ${total}`);
  return { villagesCsv, districtsCsv, notes };
}

function main(argv: string[]): void {
  let shared = DEFAULT_SHARED_DIR;
  let out = resolve(ROOT, 'data');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if ((a === '--shared' || a === '--out') && v !== undefined) {
      if (a === '--shared') shared = resolve(v);
      else out = resolve(v);
      i++;
    } else {
      throw new Error(`unknown argument ${a}; usage: build-gazetteer.ts [--shared DIR] [--out DIR]`);
    }
  }
  const result = buildGazetteer(shared);
  writeFileSync(resolve(out, 'villages.csv'), result.villagesCsv);
  writeFileSync(resolve(out, 'districts.csv'), result.districtsCsv);
  for (const n of result.notes) console.log(n);
  console.log(`wrote ${resolve(out, 'villages.csv')} and ${resolve(out, 'districts.csv')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
