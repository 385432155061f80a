import { sql, type RawBuilder } from 'kysely';

/**
 * The sales of an establishment with `bounds[0] < sold_at ≤ bounds[n]`, cut at every bound in between, as rows
 * `w(bucket, till_product_id, business_day, quantity, amount_cents, excl_tax_cents, last_sold_at)` whose sums per
 * bucket equal those of the lines of (bounds[bucket - 1], bounds[bucket]], read from the coarsest summary that fits:
 * - a product-month lying wholly in one bucket is its sale_product_month row (business_day: the month's first day);
 * - in the other months, a product-day lying wholly in one bucket is its sale_product_day row;
 * - a product-day a bound cuts (the days around each bound) is read line by line;
 * - lines without the till's amount before tax add that amount from the product's VAT, rounded line by line as the
 *   reports always did (sale_line_no_excl_tax_idx finds them; most tills leave none).
 * A line is sold within two days of its business day, which bounds the summaries' ranges. Month-aligned bounds (a
 * report's months) thus cost one row per product and month; `byDay` keeps day rows (a chart per day).
 * Use as `with w as (${saleBuckets(…)}) select … from w …`. `bounds` must be ascending.
 */
export function saleBuckets(
  establishmentId: string,
  bounds: readonly Date[],
  opts: { byDay?: boolean } = {},
): RawBuilder<unknown> {
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  if (!first || !last || bounds.length < 2) throw new Error('saleBuckets: two bounds at least');
  const lo = sql`${first}::timestamptz`;
  const hi = sql`${last}::timestamptz`;
  const cuts = sql`${sql.val(bounds.map((b) => b.toISOString()))}::timestamptz[]`;
  // width_bucket counts the bounds ≤ x; a microsecond earlier it counts those < x, as (lo, hi] windows need.
  const bucket = (x: string) => sql<number>`width_bucket(${sql.ref(x)} - interval '1 microsecond', ${cuts})`;
  const whole = (
    t: string,
  ) => sql`${sql.ref(`${t}.first_sold_at`)} > ${lo} and ${sql.ref(`${t}.last_sold_at`)} <= ${hi}
    and ${bucket(`${t}.first_sold_at`)} = ${bucket(`${t}.last_sold_at`)}`;
  const touches = (t: string) =>
    sql`${sql.ref(`${t}.last_sold_at`)} > ${lo} and ${sql.ref(`${t}.first_sold_at`)} <= ${hi}`;
  const vat = sql`(1 + coalesce(p.vat_rate, 20) / 100.0)`;
  const product = sql`join till_product p on p.establishment_id = ${establishmentId} and p.id = s.till_product_id`;
  return sql`
    with mo as (
      select t.till_product_id, t.month, t.quantity, t.amount_cents, t.amount_excl_tax_cents, t.last_sold_at,
        ${opts.byDay ? sql`false` : whole('t')} as whole
      from sale_product_month t
      where t.establishment_id = ${establishmentId}
        and t.month between date_trunc('month', ${lo} - interval '2 days')::date and (${hi} + interval '2 days')::date
        and ${touches('t')}
    ),
    -- Lateral subqueries (offset 0 keeps the planner from flattening them) keep day and line reads to index probes
    -- from the few rows that need them: these CTEs' estimates are blind, and one merged sale_line's partitions for none.
    dy as (
      select t.till_product_id, t.business_day, t.quantity, t.amount_cents, t.amount_excl_tax_cents, t.first_sold_at,
        t.last_sold_at, ${whole('t')} as whole
      from mo
      cross join lateral (
        select t.* from sale_product_day t
        where t.establishment_id = ${establishmentId} and t.till_product_id = mo.till_product_id
          and t.business_day >= mo.month and t.business_day < (mo.month + interval '1 month')::date
        offset 0
      ) t
      where not mo.whole and ${touches('t')}
    )
    select ${bucket('mo.last_sold_at')} as bucket, mo.till_product_id, mo.month as business_day, mo.quantity,
      mo.amount_cents, mo.amount_excl_tax_cents as excl_tax_cents, mo.last_sold_at
    from mo where mo.whole
    union all
    select ${bucket('mo.last_sold_at')}, mo.till_product_id, mo.month, 0, 0, round(s.amount_cents / ${vat}),
      mo.last_sold_at
    from mo
    cross join lateral (
      select s.amount_cents, s.till_product_id from sale_line s
      where s.establishment_id = ${establishmentId} and s.till_product_id = mo.till_product_id
        and s.business_day >= mo.month and s.business_day < (mo.month + interval '1 month')::date
        and s.amount_excl_tax_cents is null
      offset 0
    ) s
    ${product}
    where mo.whole
    union all
    select ${bucket('dy.last_sold_at')}, dy.till_product_id, dy.business_day, dy.quantity, dy.amount_cents,
      coalesce(dy.amount_excl_tax_cents, 0), dy.last_sold_at
    from dy where dy.whole
    union all
    select ${bucket('dy.last_sold_at')}, dy.till_product_id, dy.business_day, 0, 0, round(s.amount_cents / ${vat}),
      dy.last_sold_at
    from dy
    cross join lateral (
      select s.amount_cents, s.till_product_id from sale_line s
      where s.establishment_id = ${establishmentId} and s.till_product_id = dy.till_product_id
        and s.business_day = dy.business_day and s.amount_excl_tax_cents is null
    ) s
    ${product}
    where dy.whole
    union all
    select ${bucket('s.sold_at')}, s.till_product_id, s.business_day, s.quantity, s.amount_cents,
      coalesce(s.amount_excl_tax_cents, round(s.amount_cents / ${vat})), s.sold_at
    from dy
    cross join lateral (
      select s.* from sale_line s
      where s.establishment_id = ${establishmentId} and s.till_product_id = dy.till_product_id
        and s.business_day = dy.business_day and s.sold_at > ${lo} and s.sold_at <= ${hi}
      offset 0
    ) s
    ${product}
    where not dy.whole`;
}

/** The sales with `from < sold_at ≤ to`, as `saleBuckets` with one bucket. */
export function saleWindow(
  establishmentId: string,
  from: Date,
  to: Date,
  opts: { byDay?: boolean } = {},
): RawBuilder<unknown> {
  return saleBuckets(establishmentId, [from, to], opts);
}
