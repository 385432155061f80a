import type { Db } from '../../db/database.ts';
import { rebuildDrinkStock } from '../../db/repositories/stockQuery.ts';

/** Recomputes the stock summary of every drink (of one establishment, or all) from movements, links and sales. */
export function rebuildStock(db: Db, establishmentId?: string): Promise<number> {
  return rebuildDrinkStock(db, establishmentId);
}
