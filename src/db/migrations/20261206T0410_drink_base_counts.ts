import { sql, type Kysely } from 'kysely';

// DESIGN §4: every drink has a stock base. A drink never counted gets a count of 0 at its created_at, so that till
// sales from before it entered Cellier stop moving its stock. Receipts entered since carry later dates and still
// count; a receipt back-dated before created_at is dropped, as any movement before a count is.
const MARK = 'Base de stock (migration)';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement: the drink_stock trigger recomputes every touched drink once.
  await sql`
    insert into stock_movement (establishment_id, drink_id, kind, quantity, occurred_at, note)
    select d.establishment_id, d.id, 'count', 0, d.created_at, ${MARK}
    from drink d
    where not exists (
      select 1 from stock_movement m
      where m.establishment_id = d.establishment_id and m.drink_id = d.id and m.kind = 'count'
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from stock_movement m using drink d
    where m.establishment_id = d.establishment_id and m.drink_id = d.id and m.kind = 'count'
      and m.note = ${MARK} and m.account_id is null and m.occurred_at = d.created_at`.execute(db);
}
