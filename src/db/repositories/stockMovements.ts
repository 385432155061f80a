import { sql, type Kysely } from 'kysely';
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
  /** The drink's first count: its quantity on hand when it entered Cellier ("Stock initial"). */
  initial: boolean;
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
      sql<boolean>`m.kind = 'count' and not exists (
        select 1 from stock_movement c
        where c.establishment_id = m.establishment_id and c.drink_id = m.drink_id and c.kind = 'count'
          and (c.occurred_at, c.seq) < (m.occurred_at, m.seq))`.as('initial'),
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
    initial: r.initial,
  }));
}

export type TillSalesDay = { businessDay: string; quantity: number; lastSoldAt: Date };

/**
 * The linked products' sales after the drink's base (its last count), in bottles (quantity × factor), one line per
 * business day: what the stock rule (DESIGN §4) takes out, for the Mouvements tab.
 */
export async function tillSalesSinceBase(
  db: Db,
  establishmentId: string,
  drinkId: string,
  limit: number,
): Promise<TillSalesDay[]> {
  const { rows } = await sql<{ business_day: string; quantity: string; last_sold_at: Date }>`
    select s.business_day, round(sum(s.quantity * l.factor), 3) as quantity, max(s.sold_at) as last_sold_at
    from till_link l
    join sale_line s on s.establishment_id = l.establishment_id and s.till_product_id = l.till_product_id
    where l.establishment_id = ${establishmentId} and l.drink_id = ${drinkId}
      and s.sold_at > coalesce((
        select max(c.occurred_at) from stock_movement c
        where c.establishment_id = l.establishment_id and c.drink_id = l.drink_id and c.kind = 'count'
      ), '-infinity')
    group by s.business_day
    order by s.business_day desc
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    businessDay: typeof r.business_day === 'string' ? r.business_day : String(r.business_day),
    quantity: Number(r.quantity),
    lastSoldAt: new Date(r.last_sold_at),
  }));
}
