import type { Db } from '../../db/database.ts';
import { insertDrinkCost, unitCostsAt } from '../../db/repositories/drinkCosts.ts';
import { stockAt } from '../../db/repositories/stockAt.ts';
import { weightedAverageCost } from '../../domain/cmup.ts';

/** A priced receipt moves the drink's CMUP; called before the receipt itself is written, inside its transaction. */
export async function applyReceiptCost(
  db: Db,
  establishmentId: string,
  drinkId: string,
  received: number,
  priceCents: number,
  at: Date,
): Promise<number> {
  const [before] = await stockAt(db, establishmentId, at, { drinkIds: [drinkId] });
  const costBefore = (await unitCostsAt(db, establishmentId, at, [drinkId])).get(drinkId) ?? null;
  const stockBefore = before?.quantity ?? 0;
  const unitCostCents = weightedAverageCost(stockBefore, costBefore, received, priceCents);
  await insertDrinkCost(db, establishmentId, {
    drinkId,
    validFrom: at,
    unitCostCents,
    stockBefore,
    received,
    receiptPriceCents: priceCents,
  });
  return unitCostCents;
}
