import { sql, type RawBuilder } from 'kysely';

/**
 * The sales of an establishment with `bounds[0] < sold_at ≤ bounds[n]`, cut at every bound in between, as rows
 * `w(bucket, till_product_id, business_day, quantity, amount_cents, excl_tax_cents, last_sold_at)` whose sums per
 * bucket equal those of the lines of (bounds[bucket - 1], bounds[bucket]], read mostly from sale_product_day:
 * - a product-day lying wholly in one bucket is its summary row (quantity, amount, the till's amounts before tax);
 * - its lines without the till's amount before tax add that amount from the product's VAT, rounded line by line as
 *   the reports always did (sale_line_no_excl_tax_idx finds them; most tills leave none);
 * - a product-day a bound cuts (at most the days around each bound) is read line by line.
 * A line is sold within two days of its business day, which bounds the summary's day range. One scan serves a
 * report's every period (six months and the current one), instead of one scan each.
 * Use as `with w as (${saleBuckets(…)}) select … from w …`. `bounds` must be ascending.
 */
export function saleBuckets(establishmentId: string, bounds: readonly Date[]): RawBuilder<unknown> {
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  if (!first || !last || bounds.length < 2) throw new Error('saleBuckets: two bounds at least');
  const lo = sql`${first}::timestamptz`;
  const hi = sql`${last}::timestamptz`;
  const cuts = sql`${sql.val(bounds.map((b) => b.toISOString()))}::timestamptz[]`;
  // width_bucket counts the bounds ≤ x; a microsecond earlier it counts those < x, as (lo, hi] windows need.
  const bucket = (x: RawBuilder<unknown>) =>
    sql<number>`width_bucket(${x} - interval '1 microsecond', ${cuts})`;
  const whole = sql`t.first_sold_at > ${lo} and t.last_sold_at <= ${hi}
    and ${bucket(sql`t.first_sold_at`)} = ${bucket(sql`t.last_sold_at`)}`;
  const days = sql`t.business_day between (${lo} - interval '2 days')::date and (${hi} + interval '2 days')::date`;
  const vat = sql`(1 + coalesce(p.vat_rate, 20) / 100.0)`;
  return sql`
    select ${bucket(sql`t.last_sold_at`)} as bucket, t.till_product_id, t.business_day, t.quantity, t.amount_cents,
      coalesce(t.amount_excl_tax_cents, 0) as excl_tax_cents, t.last_sold_at
    from sale_product_day t
    where t.establishment_id = ${establishmentId} and ${days} and ${whole}
    union all
    select ${bucket(sql`t.last_sold_at`)}, t.till_product_id, t.business_day, 0, 0, round(s.amount_cents / ${vat}),
      t.last_sold_at
    from sale_product_day t
    join sale_line s on s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
      and s.business_day = t.business_day and s.amount_excl_tax_cents is null
    join till_product p on p.establishment_id = t.establishment_id and p.id = t.till_product_id
    where t.establishment_id = ${establishmentId} and ${days} and ${whole}
    union all
    select ${bucket(sql`s.sold_at`)}, s.till_product_id, s.business_day, s.quantity, s.amount_cents,
      coalesce(s.amount_excl_tax_cents, round(s.amount_cents / ${vat})), s.sold_at
    from sale_product_day t
    join sale_line s on s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
      and s.business_day = t.business_day
    join till_product p on p.establishment_id = t.establishment_id and p.id = t.till_product_id
    where t.establishment_id = ${establishmentId} and ${days}
      and t.last_sold_at > ${lo} and t.first_sold_at <= ${hi} and not (${whole})
      and s.sold_at > ${lo} and s.sold_at <= ${hi}`;
}

/** The sales with `from < sold_at ≤ to`, as `saleBuckets` with one bucket. */
export function saleWindow(establishmentId: string, from: Date, to: Date): RawBuilder<unknown> {
  return saleBuckets(establishmentId, [from, to]);
}
