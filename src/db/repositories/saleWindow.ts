import { sql, type RawBuilder } from 'kysely';

/**
 * The sales of an establishment with `from < sold_at ≤ to`, as rows `w(till_product_id, business_day, quantity,
 * amount_cents, excl_tax_cents, last_sold_at)` whose sums equal those of the lines, read mostly from
 * sale_product_day:
 * - a product-day lying wholly in the window is its summary row (quantity, amount, the till's amounts before tax);
 * - its lines without the till's amount before tax add that amount from the product's VAT, rounded line by line as
 *   the reports always did (sale_line_no_excl_tax_idx finds them; most tills leave none);
 * - a product-day the window cuts (at most the two edge days of each product) is read line by line.
 * A line is sold within two days of its business day, which bounds the summary's day range.
 * Use as `with w as (${saleWindow(…)}) select … from w …`.
 */
export function saleWindow(establishmentId: string, from: Date, to: Date): RawBuilder<unknown> {
  const lo = sql`${from}::timestamptz`;
  const hi = sql`${to}::timestamptz`;
  const vat = sql`(1 + coalesce(p.vat_rate, 20) / 100.0)`;
  return sql`
    select t.till_product_id, t.business_day, t.quantity, t.amount_cents,
      coalesce(t.amount_excl_tax_cents, 0) as excl_tax_cents, t.last_sold_at
    from sale_product_day t
    where t.establishment_id = ${establishmentId}
      and t.business_day between (${lo} - interval '2 days')::date and (${hi} + interval '2 days')::date
      and t.first_sold_at > ${lo} and t.last_sold_at <= ${hi}
    union all
    select t.till_product_id, t.business_day, 0, 0, round(s.amount_cents / ${vat}), t.last_sold_at
    from sale_product_day t
    join sale_line s on s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
      and s.business_day = t.business_day and s.amount_excl_tax_cents is null
    join till_product p on p.establishment_id = t.establishment_id and p.id = t.till_product_id
    where t.establishment_id = ${establishmentId}
      and t.business_day between (${lo} - interval '2 days')::date and (${hi} + interval '2 days')::date
      and t.first_sold_at > ${lo} and t.last_sold_at <= ${hi}
    union all
    select s.till_product_id, s.business_day, s.quantity, s.amount_cents,
      coalesce(s.amount_excl_tax_cents, round(s.amount_cents / ${vat})), s.sold_at
    from sale_product_day t
    join sale_line s on s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
      and s.business_day = t.business_day
    join till_product p on p.establishment_id = t.establishment_id and p.id = t.till_product_id
    where t.establishment_id = ${establishmentId}
      and t.business_day between (${lo} - interval '2 days')::date and (${hi} + interval '2 days')::date
      and t.last_sold_at > ${lo} and t.first_sold_at <= ${hi}
      and not (t.first_sold_at > ${lo} and t.last_sold_at <= ${hi})
      and s.sold_at > ${lo} and s.sold_at <= ${hi}`;
}
