import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine';
import { arrivedForDataset, perDataset } from '../../core/sql/per-dataset';
import { villageStats } from '../../core/sql/queries';
import type { SqlClient } from '../../core/sql/sql-client';

const NEED_RATES = 'need-rate-by-village';

/** The need rates when they have already arrived (read ahead, prepareCoverage), without waiting a turn. */
export const arrivedNeedRates = (client: SqlClient): Map<string, number | null> | undefined =>
  arrivedForDataset(client, NEED_RATES);

/**
 * Households with any need per 100 (whose needs are known), by village code, for the bivariate map. It does
 * not depend on the coverage rule, so it is read once per dataset, not on every move of a slider.
 */
export const needRateByVillage = (client: SqlClient): Promise<Map<string, number | null>> =>
  perDataset(client, NEED_RATES, async () => {
    const rows = await villageStats(client, 'any', DEFAULT_COVERAGE_OPTIONS);
    return new Map(rows.map((r) => [r.village_code, r.need_rate]));
  });
