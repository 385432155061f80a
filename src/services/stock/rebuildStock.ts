import type { Db } from '../../db/database.ts';
import { rebuildSaleSummary } from '../../db/repositories/saleSummary.ts';
import { rebuildDrinkStock } from '../../db/repositories/stockQuery.ts';

/**
 * Recomputes the summaries (of one establishment, or all) from the ledger: the per-product daily sales first (the
 * stock recompute may read them), then every drink's stock from movements, links and sales.
 */
export async function rebuildStock(
  db: Db,
  establishmentId?: string,
): Promise<{ drinks: number; productDays: number }> {
  const productDays = await rebuildSaleSummary(db, establishmentId);
  const drinks = await rebuildDrinkStock(db, establishmentId);
  return { drinks, productDays };
}
