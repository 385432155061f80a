import type { Db } from '../../db/database.ts';
import { existingDrinkIds, findDrink } from '../../db/repositories/drinks.ts';
import {
  insertMovements,
  listMovements,
  tillSalesSinceBase,
  type Movement,
  type TillSalesDay,
} from '../../db/repositories/stockMovements.ts';
import type { MovementKind } from '../../db/schema.ts';
import type { Clock } from '../../domain/clock.ts';
import type { DrinkWithStock } from '../../domain/drink.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { requireMembership } from '../establishments/access.ts';
import { applyReceiptCost } from './receiptCost.ts';

type MovementInput = {
  kind: MovementKind;
  quantity: number;
  occurredAt?: Date | undefined;
  note?: string | undefined;
  /** Receipts only: unit purchase price (moves the CMUP) and supplier. */
  unitCostCents?: number | undefined;
  supplier?: string | undefined;
};

/** One receipt, loss, adjustment or count on one drink. A count sets the new base of the stock. */
export async function recordMovement(
  db: Db,
  actorId: string,
  establishmentId: string,
  drinkId: string,
  input: MovementInput,
  clock: Clock,
): Promise<DrinkWithStock> {
  await requireMembership(db, establishmentId, actorId);
  if ((await existingDrinkIds(db, establishmentId, [drinkId])).size === 0) throw notFound('Boisson');
  const movement = toNewMovement(drinkId, input, actorId, clock);
  if (input.kind === 'receipt' && input.unitCostCents !== undefined)
    await applyReceiptCost(
      db,
      establishmentId,
      drinkId,
      input.quantity,
      input.unitCostCents,
      movement.occurredAt,
    );
  await insertMovements(db, establishmentId, [movement]);
  return (await findDrink(db, establishmentId, drinkId)) ?? Promise.reject(notFound('Boisson'));
}

/** An inventory of many drinks at once: all counts land, or none does. */
export async function recordCounts(
  db: Db,
  actorId: string,
  establishmentId: string,
  counts: readonly { drinkId: string; quantity: number }[],
  input: { occurredAt?: Date | undefined; note?: string | undefined },
  clock: Clock,
): Promise<{ recorded: number }> {
  await requireMembership(db, establishmentId, actorId);
  const ids = [...new Set(counts.map((c) => c.drinkId))];
  if (ids.length !== counts.length)
    throw new AppError('validation_failed', 'Une boisson apparaît deux fois dans l’inventaire');
  const known = await existingDrinkIds(db, establishmentId, ids);
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw notFound('Boisson');
  await insertMovements(
    db,
    establishmentId,
    counts.map((c) =>
      toNewMovement(c.drinkId, { kind: 'count', quantity: c.quantity, ...input }, actorId, clock),
    ),
  );
  return { recorded: counts.length };
}

/** The Mouvements tab: the ledger, and the till's sales since the base by business day, so the stock explains itself. */
export async function drinkMovements(
  db: Db,
  actorId: string,
  establishmentId: string,
  drinkId: string,
): Promise<{ items: Movement[]; tillSales: TillSalesDay[] }> {
  await requireMembership(db, establishmentId, actorId);
  if ((await existingDrinkIds(db, establishmentId, [drinkId])).size === 0) throw notFound('Boisson');
  return {
    items: await listMovements(db, establishmentId, drinkId, 200),
    tillSales: await tillSalesSinceBase(db, establishmentId, drinkId, 400),
  };
}

function toNewMovement(drinkId: string, input: MovementInput, actorId: string, clock: Clock) {
  return {
    drinkId,
    kind: input.kind,
    quantity: input.quantity,
    occurredAt: input.occurredAt ?? clock.now(),
    accountId: actorId,
    note: input.note?.trim() || null,
    unitCostCents: input.kind === 'receipt' ? (input.unitCostCents ?? null) : null,
    supplier: input.kind === 'receipt' ? input.supplier?.trim() || null : null,
  };
}
