import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Drinks of one establishment joined to their stock (DESIGN §4). The rule is evaluated on write, by the triggers
 * of migration 20261206T0004 into `drink_stock`, so a read costs one row per drink whatever the history. A drink
 * without a summary row has never had a movement, a link or a sale: stock 0, never counted.
 */
export function withStock(db: Kysely<Database>, establishmentId: string) {
  return db
    .selectFrom('drink as d')
    .leftJoin('drink_stock as ds', (j) =>
      j.onRef('ds.establishment_id', '=', 'd.establishment_id').onRef('ds.drink_id', '=', 'd.id'),
    )
    .where('d.establishment_id', '=', establishmentId);
}

/** Last count + movements after it − linked sales × factor after it (DESIGN §4), as summarised. */
export const stockExpression = sql<number>`coalesce(ds.stock, 0)`;

export const stockColumns = [
  stockExpression.as('stock'),
  sql<Date | null>`ds.last_count_at`.as('last_count_at'),
  sql<boolean>`exists (select 1 from till_link tl where tl.establishment_id = d.establishment_id and tl.drink_id = d.id)`.as(
    'till_linked',
  ),
] as const;

/** Recomputes the summary of every drink (of one establishment, or all): `cellier stock rebuild`. */
export async function rebuildDrinkStock(db: Kysely<Database>, establishmentId?: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with drinks as (
      select establishment_id, id from drink
      where ${establishmentId === undefined ? sql`true` : sql`establishment_id = ${establishmentId}`}
    ), done as (
      select cellier_refresh_drink_stock(array_agg(establishment_id), array_agg(id)) from drinks
    )
    select (select count(*) from drinks)::int as n from done`.execute(db);
  return rows[0]?.n ?? 0;
}
