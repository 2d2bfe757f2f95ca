import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine';
import { perDataset } from '../../core/sql/per-dataset';
import { villageStats } from '../../core/sql/queries';
import type { SqlClient } from '../../core/sql/sql-client';

/**
 * Households with any need per 100 (whose needs are known), by village code, for the bivariate map. It does
 * not depend on the coverage rule, so it is read once per dataset, not on every move of a slider.
 */
export const needRateByVillage = (client: SqlClient): Promise<Map<string, number | null>> =>
  perDataset(client, 'need-rate-by-village', async () => {
    const rows = await villageStats(client, 'any', DEFAULT_COVERAGE_OPTIONS);
    return new Map(rows.map((r) => [r.village_code, r.need_rate]));
  });
