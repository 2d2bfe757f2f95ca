import { describe, expect, it, vi } from 'vitest';
import { placeNames, placeNamesIfRead } from '../../../src/core/sql/places';
import { plannerFixtureDb } from '../../helpers/planner-fixture';

describe('place names', () => {
  it('lists the villages by kecamatan and village name, read once per dataset for every section', async () => {
    const db = await plannerFixtureDb();
    const queryTable = vi.spyOn(db, 'queryTable');
    expect(placeNamesIfRead(db)).toBeUndefined();
    // The planner's filters and Pengawasan's names ask at the same moment: one query.
    const [planner, supervisor] = await Promise.all([placeNames(db), placeNames(db)]);
    expect(supervisor).toBe(planner);
    expect(queryTable).toHaveBeenCalledTimes(1);
    expect(planner.map((p) => `${p.district_name}/${p.village_name}/${p.village_code}`)).toEqual([
      'Kota Manna/Gamma/17.01.05.1001',
      'Manna/Alpha/17.01.04.2001',
      'Manna/Beta/17.01.04.2002',
    ]);
    expect(placeNamesIfRead(db)).toBe(planner);
    // Another dataset (another client) reads its own.
    const other = await plannerFixtureDb();
    expect(placeNamesIfRead(other)).toBeUndefined();
  });
});
