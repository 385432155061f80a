import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/**
 * `sale_product_day` (migration 20261206T0610) holds, per till product and business day, the sums of its sale
 * lines, kept by triggers on sale_line in the writer's transaction. Reads of whole days take it; a sold_at window
 * takes whole rows from it and the lines of the rows the window cuts from sale_line.
 */

type LinkedSales = {
  drinkId: string;
  /** What the till sold, in its own units (Σ sale_line.quantity). */
  quantity: number;
  /** What left the cellar: Σ quantity × till_link.factor (DESIGN §4). */
  depletion: number;
  amountCents: number;
  /** null when no line carried an amount before tax. */
  amountExclTaxCents: number | null;
  discountCents: number;
  lines: number;
};

/** A sale line is sold within this margin of its business day (the cutoff and time zones): bounds day ranges. */
const DAY_MARGIN = sql.raw(`interval '2 days'`);

/**
 * The sales of the drinks' currently linked till products with `from < sold_at ≤ to` (from null: since ever),
 * per drink; drinks without such a sale are absent. `drinkIds: 'all'` takes every linked drink. A product-day
 * lying wholly in the window is read from the summary; one the window cuts (first_sold_at ≤ from < last_sold_at,
 * or first_sold_at ≤ to < last_sold_at) is summed from its lines. The result is exactly that of summing
 * sale_line ⋈ till_link over the window, at the cost of the window's product-days plus its two edge days.
 */
export async function linkedSalesBetween(
  db: Db,
  establishmentId: string,
  drinkIds: readonly string[] | 'all',
  from: Date | null,
  to: Date,
): Promise<LinkedSales[]> {
  if (drinkIds !== 'all' && drinkIds.length === 0) return [];
  const drinks = drinkIds === 'all' ? sql`true` : sql`l.drink_id = any(${[...drinkIds]}::uuid[])`;
  const lo = from === null ? sql`'-infinity'::timestamptz` : sql`${from}::timestamptz`;
  const hi = sql`${to}::timestamptz`;
  const dayFrom =
    from === null ? sql`true` : sql`t.business_day >= (${from}::timestamptz - ${DAY_MARGIN})::date`;
  const { rows } = await sql<{
    drink_id: string;
    quantity: string;
    depletion: string;
    amount_cents: string;
    amount_excl_tax_cents: string | null;
    discount_cents: string;
    lines: string;
  }>`
    with days as (
      select l.drink_id, l.factor, t.*,
        (t.first_sold_at > ${lo} and t.last_sold_at <= ${hi}) as whole
      from till_link l
      join sale_product_day t on t.establishment_id = l.establishment_id and t.till_product_id = l.till_product_id
      where l.establishment_id = ${establishmentId} and ${drinks}
        and ${dayFrom} and t.business_day <= (${hi} + ${DAY_MARGIN})::date
        and t.last_sold_at > ${lo} and t.first_sold_at <= ${hi}
    ), parts as (
      select drink_id, quantity, quantity * factor as depletion, amount_cents, amount_excl_tax_cents,
        discount_cents, lines
      from days where whole
      union all
      select d.drink_id, s.quantity, s.quantity * d.factor, s.amount_cents, s.amount_excl_tax_cents,
        coalesce(s.discount_cents, 0), 1
      from days d
      join sale_line s on s.establishment_id = ${establishmentId} and s.till_product_id = d.till_product_id
        and s.business_day = d.business_day
      where not d.whole and s.sold_at > ${lo} and s.sold_at <= ${hi}
    )
    select drink_id, sum(quantity) as quantity, sum(depletion) as depletion, sum(amount_cents) as amount_cents,
      sum(amount_excl_tax_cents) as amount_excl_tax_cents, sum(discount_cents) as discount_cents,
      sum(lines) as lines
    from parts group by drink_id`.execute(db);
  return rows.map((r) => ({
    drinkId: r.drink_id,
    quantity: Number(r.quantity),
    depletion: Math.round(Number(r.depletion) * 1000) / 1000,
    amountCents: Number(r.amount_cents),
    amountExclTaxCents: r.amount_excl_tax_cents === null ? null : Number(r.amount_excl_tax_cents),
    discountCents: Number(r.discount_cents),
    lines: Number(r.lines),
  }));
}

/** Recomputes the summary from sale_line (of one establishment, or all): part of `cellier stock rebuild`. */
export async function rebuildSaleSummary(db: Db, establishmentId?: string): Promise<number> {
  const only = (alias: string) =>
    establishmentId === undefined
      ? sql`true`
      : sql`${sql.ref(`${alias}.establishment_id`)} = ${establishmentId}`;
  await sql`delete from sale_product_day t where ${only('t')}`.execute(db);
  const res = await sql`
    insert into sale_product_day (establishment_id, till_product_id, business_day, label, quantity, amount_cents,
      amount_excl_tax_cents, discount_cents, lines, first_sold_at, last_sold_at)
    select s.establishment_id, s.till_product_id, s.business_day,
      (array_agg(s.label order by s.sold_at desc, s.ticket_id desc, s.line_id desc))[1], sum(s.quantity),
      sum(s.amount_cents), sum(s.amount_excl_tax_cents), coalesce(sum(s.discount_cents), 0), count(*),
      min(s.sold_at), max(s.sold_at)
    from sale_line s where ${only('s')}
    group by s.establishment_id, s.till_product_id, s.business_day`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}
