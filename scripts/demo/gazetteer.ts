/** The committed gazetteer (data/villages.csv): the facts the demo generator is shaped by. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from './csv.ts';

export interface Village {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  type: 'desa' | 'kelurahan';
  lon: number;
  lat: number;
  areaKm2: number;
  population2010: number;
}

/** Column order of data/villages.csv. */
export const VILLAGE_COLUMNS = [
  'village_code',
  'village_name',
  'district_code',
  'district_name',
  'village_type',
  'label_lon',
  'label_lat',
  'area_km2',
  'population_2010',
  'village_code_bps',
] as const;

/** Column order of data/districts.csv. */
export const DISTRICT_COLUMNS = [
  'district_code',
  'district_code_bps',
  'district_name',
  'village_count',
  'desa_count',
  'kelurahan_count',
  'area_km2',
  'population_2010',
] as const;

export const DEFAULT_GAZETTEER_PATH = fileURLToPath(new URL('../../data/villages.csv', import.meta.url));

const num = (rec: Record<string, string>, key: string): number => {
  const v = Number(rec[key]);
  if (!Number.isFinite(v) || rec[key] === '') throw new Error(`gazetteer: bad ${key} in ${rec.village_code}`);
  return v;
};

/** Parses data/villages.csv text into villages, in file order (sorted by code). */
export function parseGazetteer(text: string): Village[] {
  return parseCsvRecords(text).map((r) => {
    const type = r.village_type;
    if (type !== 'desa' && type !== 'kelurahan') throw new Error(`gazetteer: bad type in ${r.village_code}`);
    return {
      code: r.village_code ?? '',
      name: r.village_name ?? '',
      districtCode: r.district_code ?? '',
      districtName: r.district_name ?? '',
      type,
      lon: num(r, 'label_lon'),
      lat: num(r, 'label_lat'),
      areaKm2: num(r, 'area_km2'),
      population2010: num(r, 'population_2010'),
    };
  });
}

export function loadGazetteer(path = DEFAULT_GAZETTEER_PATH): Village[] {
  return parseGazetteer(readFileSync(path, 'utf8'));
}
