/** SQL expressions of the measure (one need, any need, or the weighted composite score) over need columns. */
import { NEED_CODES } from '../../../core/domain/schema';
import { doubleLiteral } from '../../../core/sql/sql-client';
import { type NeedWeights, type PlannerNeed, safeWeights } from './model';

/** The household's value of the measure from columns n_<code> (NULL = unknown). */
export function valueExpression(need: PlannerNeed, weights: NeedWeights): string {
  if (need !== 'any' && need !== 'score') return `n_${need}`;
  const cols = NEED_CODES.map((c) => `n_${c}`);
  const unknown = `coalesce(${cols.join(', ')}) IS NULL`;
  if (need === 'any') {
    return `CASE WHEN ${unknown} THEN NULL ELSE greatest(${cols.map((c) => `coalesce(${c}, 0)`).join(', ')}) END`;
  }
  const w = safeWeights(weights);
  const total = NEED_CODES.reduce((s, c) => s + w[c], 0);
  const sum = NEED_CODES.filter((c) => w[c] > 0)
    .map((c) => `${doubleLiteral(w[c])} * coalesce(n_${c}, 0)`)
    .join(' + ');
  return `CASE WHEN ${unknown} THEN NULL ELSE (${sum}) / ${doubleLiteral(total)} END`;
}

/** The measure from a need mask `mask` (0/1 per need bit; unknown needs are 0 in it). */
export function maskValueExpression(need: PlannerNeed, weights: NeedWeights, mask = 'm'): string {
  if (need === 'any') return `(${mask} > 0)::INTEGER`;
  if (need !== 'score') return `((${mask} >> ${NEED_CODES.indexOf(need)}) & 1)`;
  const w = safeWeights(weights);
  const total = NEED_CODES.reduce((sum, c) => sum + w[c], 0);
  const terms = NEED_CODES.map((c, i) =>
    w[c] > 0 ? `${doubleLiteral(w[c])} * ((${mask} >> ${i}) & 1)` : null,
  ).filter(Boolean);
  return `((${terms.join(' + ')}) / ${doubleLiteral(total)})`;
}

/**
 * Sum over cube rows of the measure from per-need columns `<prefix><code>` (households with the need):
 * one need, any need, or the composite score Σ wᵢ·Sᵢ / Σ w (the score is linear in the needs).
 */
export function cubeSum(need: PlannerNeed, weights: NeedWeights, prefix: 's_' | 'o_'): string {
  if (need !== 'score') return `sum(${prefix}${need})`;
  const w = safeWeights(weights);
  const total = NEED_CODES.reduce((sum, c) => sum + w[c], 0);
  const terms = NEED_CODES.filter((c) => w[c] > 0).map((c) => `${doubleLiteral(w[c])} * sum(${prefix}${c})`);
  return `(${terms.join(' + ')}) / ${doubleLiteral(total)}`;
}
