import { sql, type Kysely } from 'kysely';

// The lines for which the till gave no amount before tax: the reports derive it from the product's VAT line by line,
// while every other line's figure is summed in sale_product_day. Most tills give it, so this index stays small.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index sale_line_no_excl_tax_idx on sale_line (establishment_id, till_product_id, business_day)
    where amount_excl_tax_cents is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists sale_line_no_excl_tax_idx`.execute(db);
}
