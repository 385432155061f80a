import type { Db } from '../../db/database.ts';
import { unitCostsAtInstants } from '../../db/repositories/drinkCosts.ts';
import { stockAtInstants } from '../../db/repositories/stockAt.ts';

export type ValuedStock = {
  drinkId: string;
  quantity: number;
  unitCostCents: number | null;
  valueCents: number;
};

/**
 * Stock at each instant valued at the CMUP in force then (negative stock is worth nothing): two statements
 * whatever their number.
 */
export async function valuedStockAtInstants(
  db: Db,
  establishmentId: string,
  instants: readonly Date[],
): Promise<ValuedStock[][]> {
  const stocks = await stockAtInstants(db, establishmentId, instants);
  const costs = await unitCostsAtInstants(db, establishmentId, instants);
  return stocks.map((stock, i) =>
    stock.map((s) => {
      const unit = costs[i]?.get(s.drinkId) ?? null;
      return {
        drinkId: s.drinkId,
        quantity: s.quantity,
        unitCostCents: unit,
        valueCents: unit === null ? 0 : Math.round(Math.max(s.quantity, 0) * unit),
      };
    }),
  );
}
