import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine';
import { perDataset } from '../../core/sql/per-dataset';
import { villageStats } from '../../core/sql/queries';
import type { SqlClient } from '../../core/sql/sql-client';

/** Their key among the dataset's answers (perDataset): read ahead by prepareCoverage, used by the view. */
export const NEED_RATES = 'need-rate-by-village';

/**
 * Households with any need per 100 (whose needs are known), by village code, for the bivariate map. It does
 * not depend on the coverage rule, so it is read once per dataset, not on every move of a slider.
 */
export async function readNeedRates(client: SqlClient): Promise<Map<string, number | null>> {
  const rows = await villageStats(client, 'any', DEFAULT_COVERAGE_OPTIONS);
  return new Map(rows.map((r) => [r.village_code, r.need_rate]));
}

/** The need rates, read once per dataset. */
export const needRateByVillage = (client: SqlClient): Promise<Map<string, number | null>> =>
  perDataset(client, NEED_RATES, () => readNeedRates(client));
