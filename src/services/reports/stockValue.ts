import type { Db } from '../../db/database.ts';
import { unitCostsAt } from '../../db/repositories/drinkCosts.ts';
import { stockAt } from '../../db/repositories/stockAt.ts';

export type ValuedStock = {
  drinkId: string;
  quantity: number;
  unitCostCents: number | null;
  valueCents: number;
};

/** Stock at an instant valued at the CMUP in force then; negative stock is worth nothing. */
export async function valuedStockAt(db: Db, establishmentId: string, at: Date): Promise<ValuedStock[]> {
  const [stock, costs] = await Promise.all([
    stockAt(db, establishmentId, at),
    unitCostsAt(db, establishmentId, at),
  ]);
  return stock.map((s) => {
    const unit = costs.get(s.drinkId) ?? null;
    return {
      drinkId: s.drinkId,
      quantity: s.quantity,
      unitCostCents: unit,
      valueCents: unit === null ? 0 : Math.round(Math.max(s.quantity, 0) * unit),
    };
  });
}
