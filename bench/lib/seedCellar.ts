import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { ensureSaleLinePartition } from '../../src/db/repositories/saleLines.ts';

export const PRODUCERS = [
  'Château Margaux',
  'Domaine Leflaive',
  'Domaine Tempier',
  'Clos Rougeard',
  'Maison Chapoutier',
  'Domaine Huet',
  'Château Simone',
  'Domaine Zind-Humbrecht',
];
export const APPELLATIONS = [
  'Margaux',
  'Puligny-Montrachet',
  'Bandol',
  'Saumur-Champigny',
  'Hermitage',
  'Vouvray',
  'Palette',
  'Alsace grand cru',
];

export type SeededCellar = {
  drinks: number;
  saleLines: number;
  /** A drink linked to a till product with two years of sales (its Ventes tab). */
  linkedDrinkId: string;
  /** A till product sold but not linked (the work list's first kind, and a proposal). */
  unlinkedProductId: string;
};

/**
 * A restaurant cellar at scale: `drinks` drinks, each counted when entered two years ago (CONVENTIONS: a count at
 * creation), a third recounted six months ago, receipts and losses since; `products` till products of which
 * `linked` are linked to drinks; `linesPerDay` sale lines every day for `days` days up to yesterday. Bulk SQL,
 * so the triggers see a few large statements (the links last, so each linked drink is summarised once).
 */
export async function seedCellar(
  db: Db,
  establishmentId: string,
  options: { drinks: number; products: number; linked: number; days: number; linesPerDay: number; now: Date },
): Promise<SeededCellar> {
  const day = 86_400_000;
  const created = new Date(options.now.getTime() - options.days * day);
  const tillId = crypto.randomUUID();
  const drinkIds: string[] = [];
  for (let i = 0; i < options.drinks; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, options.drinks - i) }, (_, k) => {
      const n = i + k;
      const producer = `${PRODUCERS[n % PRODUCERS.length] ?? ''} ${n}`;
      const appellation = APPELLATIONS[n % APPELLATIONS.length] ?? null;
      return {
        establishment_id: establishmentId,
        type: 'wine',
        colour: ['rouge', 'blanc', 'rosé'][n % 3] ?? null,
        producer,
        appellation,
        region: 'Bordeaux',
        grapes: [],
        vintage: 1990 + (n % 35),
        format_cl: 75,
        purchase_price_cents: 1000 + n,
        search_text: `${producer} ${appellation ?? ''} ${1990 + (n % 35)}`.toLowerCase(),
        created_at: created,
        updated_at: created,
      };
    });
    const ids = await db.insertInto('drink').values(rows).returning('id').execute();
    drinkIds.push(...ids.map((r) => r.id));
    await db
      .insertInto('stock_movement')
      .values(
        ids.flatMap((d, k) => {
          const n = i + k;
          const at = (daysAgo: number) => new Date(options.now.getTime() - daysAgo * day);
          return [
            { kind: 'count' as const, quantity: n % 13, occurred_at: created },
            { kind: 'receipt' as const, quantity: 12, occurred_at: at(400) },
            ...(n % 3 === 0 ? [{ kind: 'count' as const, quantity: n % 7, occurred_at: at(180) }] : []),
            { kind: 'loss' as const, quantity: 1, occurred_at: at(30) },
          ].map((m) => ({ ...m, establishment_id: establishmentId, drink_id: d.id }));
        }),
      )
      .execute();
  }
  const products = await db
    .insertInto('till_product')
    .values(
      Array.from({ length: options.products }, (_, n) => ({
        establishment_id: establishmentId,
        till_id: tillId,
        external_id: `P${String(n).padStart(5, '0')}`,
        label: `${APPELLATIONS[n % APPELLATIONS.length] ?? ''} ${1990 + (n % 35)} ${n % 2 ? 'BTL' : 'VERRE'}`,
        family: n % 2 ? 'Vins bouteille' : 'Vins verre',
        first_seen_on: created.toISOString().slice(0, 10),
        last_seen_on: options.now.toISOString().slice(0, 10),
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
  products.sort((a, b) => a.external_id.localeCompare(b.external_id));

  const from = new Date(options.now.getTime() - options.days * day);
  for (let m = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)); m < options.now;) {
    await ensureSaleLinePartition(db, m.toISOString().slice(0, 10));
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
  }
  const lastDay = new Date(options.now.getTime() - day).toISOString().slice(0, 10);
  await sql`
    with p as (
      select array_agg(id order by external_id) as ids, array_agg(label order by external_id) as labels
      from till_product where establishment_id = ${establishmentId}
    )
    insert into sale_line (establishment_id, till_id, business_day, ticket_id, line_id, till_product_id, sold_at,
      label, quantity, amount_cents)
    select ${establishmentId}::uuid, ${tillId}::uuid, d::date, to_char(d, 'YYYYMMDD') || '-' || (g / 3), (g % 3)::text,
      p.ids[1 + (g * 7 + extract(doy from d)::int) % cardinality(p.ids)],
      d + interval '11 hours' + (g % 660) * interval '1 minute',
      p.labels[1 + (g * 7 + extract(doy from d)::int) % cardinality(p.ids)],
      1 + g % 2, 900 + g
    from p, generate_series(${from.toISOString().slice(0, 10)}::date, ${lastDay}::date, interval '1 day') d,
      generate_series(1, ${options.linesPerDay}) g`.execute(db);
  await db
    .insertInto('till_link')
    .values(
      products.slice(0, options.linked).map((p, n) => ({
        establishment_id: establishmentId,
        till_product_id: p.id,
        drink_id: drinkIds[(n * 7) % drinkIds.length] ?? '',
        factor: n % 2 ? 1 : 1 / 6,
      })),
    )
    .execute();
  await sql`analyze`.execute(db);
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from sale_line where establishment_id = ${establishmentId}`.execute(db);
  return {
    drinks: drinkIds.length,
    saleLines: rows[0]?.n ?? 0,
    linkedDrinkId: drinkIds[7] ?? '',
    unlinkedProductId: products[options.linked]?.id ?? '',
  };
}
