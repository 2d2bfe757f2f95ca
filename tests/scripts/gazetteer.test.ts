import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, DEFAULT_SHARED_DIR } from '../../scripts/build-gazetteer.ts';
import { parseCsv, parseCsvRecords } from '../../scripts/demo/csv.ts';
import { DISTRICT_COLUMNS, parseGazetteer, VILLAGE_COLUMNS } from '../../scripts/demo/gazetteer.ts';
import { missingRequired, REGENCY_BBOX, resolveColumns } from '../../src/core/domain/schema.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const villagesText = readFileSync(resolve(ROOT, 'data/villages.csv'), 'utf8');
const districtsText = readFileSync(resolve(ROOT, 'data/districts.csv'), 'utf8');
const villages = parseGazetteer(villagesText);
const districts = parseCsvRecords(districtsText);
const sharedPresent = existsSync(resolve(DEFAULT_SHARED_DIR, 'villages.csv'));

describe('csv helper', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });
});

describe('committed gazetteer (data/villages.csv, data/districts.csv)', () => {
  it('has exactly the contract columns', () => {
    expect(parseCsv(villagesText)[0]).toEqual([...VILLAGE_COLUMNS]);
    expect(parseCsv(districtsText)[0]).toEqual([...DISTRICT_COLUMNS]);
    const header = parseCsv(villagesText)[0] ?? [];
    expect(missingRequired('villages', header)).toEqual([]);
    expect(resolveColumns('villages', header).size).toBe(VILLAGE_COLUMNS.length);
  });

  it('lists 158 villages (142 desa, 16 kelurahan) in 11 kecamatan with unique dotted codes', () => {
    expect(villages).toHaveLength(158);
    expect(villages.filter((v) => v.type === 'desa')).toHaveLength(142);
    expect(new Set(villages.map((v) => v.code)).size).toBe(158);
    expect(new Set(villages.map((v) => v.districtCode)).size).toBe(11);
    for (const v of villages) {
      expect(v.code).toMatch(/^17\.01\.\d{2}\.\d{4}$/);
      expect(v.code.startsWith(`${v.districtCode}.`)).toBe(true);
    }
    const codes = villages.map((v) => v.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('keeps label points inside the regency bbox and areas positive', () => {
    for (const v of villages) {
      expect(v.lon).toBeGreaterThan(REGENCY_BBOX.west);
      expect(v.lon).toBeLessThan(REGENCY_BBOX.east);
      expect(v.lat).toBeGreaterThan(REGENCY_BBOX.south);
      expect(v.lat).toBeLessThan(REGENCY_BBOX.north);
      expect(v.areaKm2).toBeGreaterThan(0);
    }
  });

  it('adds up to the 2010 census total of 142,940', () => {
    expect(villages.reduce((s, v) => s + v.population2010, 0)).toBe(142_940);
    for (const v of villages) expect(Number.isInteger(v.population2010) && v.population2010 > 0).toBe(true);
  });

  it('has 11 kecamatan rows consistent with the villages', () => {
    expect(districts).toHaveLength(11);
    for (const d of districts) {
      const own = villages.filter((v) => v.districtCode === d.district_code);
      expect(Number(d.village_count)).toBe(own.length);
      expect(Number(d.desa_count) + Number(d.kelurahan_count)).toBe(own.length);
      expect(Number(d.population_2010)).toBe(own.reduce((s, v) => s + v.population2010, 0));
      expect(d.district_name).toBe(own[0]?.districtName);
      expect(d.district_code_bps).toMatch(/^1701\d{3}$/);
    }
    expect(districts.find((d) => d.district_code === '17.01.04')?.district_code_bps).toBe('1701040');
  });

  it.skipIf(!sharedPresent)(
    `is reproduced byte for byte from ../shared/data${sharedPresent ? '' : ' (skipped: ../shared/data not found)'}`,
    () => {
      const built = buildGazetteer(DEFAULT_SHARED_DIR);
      expect(built.villagesCsv).toBe(villagesText);
      expect(built.districtsCsv).toBe(districtsText);
    },
  );
});
