import { sql, type Kysely } from 'kysely';

// sale_product_day's trigger recomputes each (establishment, product, business day) a statement touched from
// sale_line. Without this index it read every line of the product in the month's partition (the product index is
// ordered by sold_at, not by day): an import's COPY cost three times more at the end of a month than on its
// first night (docs/scaling.md). With it, the recompute reads that day's lines of the product only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists sale_line_product_day_idx on sale_line (establishment_id, till_product_id, business_day)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists sale_line_product_day_idx`.execute(db);
}
