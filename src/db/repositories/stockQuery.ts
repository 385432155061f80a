import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Drinks of one establishment joined to their derived stock (DESIGN §4): the last count (lc), the sum of the
 * movements after it (mv) and the linked till sales after it (sl). Stock is never stored; this is the one place
 * that computes it in SQL.
 */
export function withStock(db: Kysely<Database>, establishmentId: string) {
  return db
    .selectFrom('drink as d')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('stock_movement as c')
          .select(['c.quantity', 'c.occurred_at', 'c.seq'])
          .whereRef('c.establishment_id', '=', 'd.establishment_id')
          .whereRef('c.drink_id', '=', 'd.id')
          .where('c.kind', '=', 'count')
          .orderBy('c.occurred_at', 'desc')
          .orderBy('c.seq', 'desc')
          .limit(1)
          .as('lc'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('stock_movement as m')
          .select(
            sql<number>`coalesce(sum(case m.kind when 'loss' then -m.quantity when 'count' then 0 else m.quantity end), 0)`.as(
              'delta',
            ),
          )
          .whereRef('m.establishment_id', '=', 'd.establishment_id')
          .whereRef('m.drink_id', '=', 'd.id')
          .where(sql<boolean>`(lc.seq is null or (m.occurred_at, m.seq) > (lc.occurred_at, lc.seq))`)
          .as('mv'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('till_link as l')
          .innerJoin('sale_line as s', (j) =>
            j
              .onRef('s.establishment_id', '=', 'l.establishment_id')
              .onRef('s.till_product_id', '=', 'l.till_product_id'),
          )
          .select(sql<number>`coalesce(sum(s.quantity * l.factor), 0)`.as('sold'))
          .whereRef('l.establishment_id', '=', 'd.establishment_id')
          .whereRef('l.drink_id', '=', 'd.id')
          .where(sql<boolean>`(lc.occurred_at is null or s.sold_at > lc.occurred_at)`)
          .as('sl'),
      (join) => join.onTrue(),
    )
    .where('d.establishment_id', '=', establishmentId);
}

/** Last count + movements after it − linked sales × factor after it (DESIGN §4). */
export const stockExpression = sql<number>`round(coalesce(lc.quantity, 0) + mv.delta - sl.sold, 3)`;

export const stockColumns = [
  stockExpression.as('stock'),
  sql<Date | null>`lc.occurred_at`.as('last_count_at'),
  sql<boolean>`exists (select 1 from till_link tl where tl.establishment_id = d.establishment_id and tl.drink_id = d.id)`.as(
    'till_linked',
  ),
] as const;
