import type { Kysely } from 'kysely';
import type { Database, MovementKind } from '../schema.ts';

type Db = Kysely<Database>;

export type Movement = {
  id: string;
  drinkId: string;
  kind: MovementKind;
  quantity: number;
  occurredAt: Date;
  seq: number;
  accountId: string | null;
  accountEmail: string | null;
  note: string | null;
  createdAt: Date;
  unitCostCents: number | null;
  supplier: string | null;
  countSessionId: string | null;
};

export type NewMovement = {
  drinkId: string;
  kind: MovementKind;
  quantity: number;
  occurredAt: Date;
  accountId: string | null;
  note: string | null;
  unitCostCents?: number | null;
  supplier?: string | null;
  countSessionId?: string | null;
};

export async function insertMovements(
  db: Db,
  establishmentId: string,
  movements: readonly NewMovement[],
): Promise<string[]> {
  if (movements.length === 0) return [];
  const rows = await db
    .insertInto('stock_movement')
    .values(
      movements.map((m) => ({
        establishment_id: establishmentId,
        drink_id: m.drinkId,
        kind: m.kind,
        quantity: m.quantity,
        occurred_at: m.occurredAt,
        account_id: m.accountId,
        note: m.note,
        unit_cost_cents: m.unitCostCents ?? null,
        supplier: m.supplier ?? null,
        count_session_id: m.countSessionId ?? null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function listMovements(
  db: Db,
  establishmentId: string,
  drinkId: string,
  limit: number,
): Promise<Movement[]> {
  const rows = await db
    .selectFrom('stock_movement as m')
    .leftJoin('account as a', 'a.id', 'm.account_id')
    .select([
      'm.id',
      'm.drink_id',
      'm.kind',
      'm.quantity',
      'm.occurred_at',
      'm.seq',
      'm.account_id',
      'a.email',
      'm.note',
      'm.created_at',
      'm.unit_cost_cents',
      'm.supplier',
      'm.count_session_id',
    ])
    .where('m.establishment_id', '=', establishmentId)
    .where('m.drink_id', '=', drinkId)
    .orderBy('m.occurred_at', 'desc')
    .orderBy('m.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    drinkId: r.drink_id,
    kind: r.kind,
    quantity: Number(r.quantity),
    occurredAt: r.occurred_at,
    seq: Number(r.seq),
    accountId: r.account_id,
    accountEmail: r.email,
    note: r.note,
    createdAt: r.created_at,
    unitCostCents: r.unit_cost_cents === null ? null : Number(r.unit_cost_cents),
    supplier: r.supplier,
    countSessionId: r.count_session_id,
  }));
}
