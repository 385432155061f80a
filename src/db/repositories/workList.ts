import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { containsPattern } from './likePattern.ts';

type Db = Kysely<Database>;

export type WorkListFilter = {
  status: 'unlinked' | 'ignored' | 'linked';
  family?: string | undefined;
  sold?: boolean | undefined;
  searchTerm?: string | undefined;
  limit: number;
  offset: number;
};

export type TillProductRow = {
  id: string;
  /** The till it comes from, by name ("Bar", "Restaurant", a sales file's till); removed tills stay named. */
  tillId: string;
  tillName: string | null;
  tillRemoved: boolean;
  externalId: string;
  label: string;
  family: string | null;
  active: boolean;
  priceCents: number | null;
  firstSeenOn: string;
  lastSeenOn: string;
  labelChangedOn: string | null;
  ignoredAt: Date | null;
  quantitySold: number;
  revenueCents: number;
  saleLines: number;
  firstSoldOn: string | null;
  lastSoldOn: string | null;
  linkedDrinkId: string | null;
};

/** Sales come from the per-product totals (sale_product_total, kept by triggers): one row per product. */
function baseQuery(db: Db, establishmentId: string) {
  return db
    .selectFrom('till_product as p')
    .leftJoin('till_link as l', (j) =>
      j.onRef('l.establishment_id', '=', 'p.establishment_id').onRef('l.till_product_id', '=', 'p.id'),
    )
    .leftJoin('till_connection as tc', (j) =>
      j.onRef('tc.establishment_id', '=', 'p.establishment_id').onRef('tc.id', '=', 'p.till_id'),
    )
    .leftJoin('sales_file_till as ft', (j) =>
      j.onRef('ft.establishment_id', '=', 'p.establishment_id').onRef('ft.id', '=', 'p.till_id'),
    )
    .leftJoin('sale_product_total as s', (j) =>
      j.onRef('s.establishment_id', '=', 'p.establishment_id').onRef('s.till_product_id', '=', 'p.id'),
    )
    .where('p.establishment_id', '=', establishmentId);
}

export async function listTillProducts(
  db: Db,
  establishmentId: string,
  f: WorkListFilter,
): Promise<{ items: TillProductRow[]; total: number }> {
  let q = baseQuery(db, establishmentId);
  if (f.status === 'unlinked') q = q.where('l.drink_id', 'is', null).where('p.ignored_at', 'is', null);
  if (f.status === 'ignored') q = q.where('l.drink_id', 'is', null).where('p.ignored_at', 'is not', null);
  if (f.status === 'linked') q = q.where('l.drink_id', 'is not', null);
  if (f.family !== undefined) q = q.where('p.family', '=', f.family);
  if (f.sold !== undefined) q = q.where(f.sold ? sql<boolean>`s.lines > 0` : sql<boolean>`s.lines is null`);
  if (f.searchTerm)
    q = q.where(sql<string>`lower(p.label)`, 'like', containsPattern(f.searchTerm.toLowerCase()));
  const rows = await q
    .select([
      'p.id',
      'p.till_id',
      sql<string | null>`coalesce(tc.name, ft.name)`.as('till_name'),
      sql<boolean>`tc.archived_at is not null`.as('till_removed'),
      'p.external_id',
      'p.label',
      'p.family',
      'p.active',
      'p.price_cents',
      'p.first_seen_on',
      'p.last_seen_on',
      'p.label_changed_on',
      'p.ignored_at',
      'l.drink_id',
      sql<number>`coalesce(s.quantity, 0)`.as('qty'),
      sql<number>`coalesce(s.amount_cents, 0)`.as('revenue'),
      sql<number>`coalesce(s.lines, 0)`.as('n'),
      's.first_day as first_sold',
      's.last_day as last_sold',
      sql<number>`count(*) over ()`.as('total_count'),
    ])
    .orderBy(sql`coalesce(s.amount_cents, 0)`, 'desc')
    .orderBy('p.label')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: rows[0] ? Number(rows[0].total_count) : 0,
    items: rows.map((r) => ({
      id: r.id,
      tillId: r.till_id,
      tillName: r.till_name,
      tillRemoved: r.till_removed,
      externalId: r.external_id,
      label: r.label,
      family: r.family,
      active: r.active,
      priceCents: r.price_cents,
      firstSeenOn: r.first_seen_on,
      lastSeenOn: r.last_seen_on,
      labelChangedOn: r.label_changed_on,
      ignoredAt: r.ignored_at,
      quantitySold: Number(r.qty),
      revenueCents: Number(r.revenue),
      saleLines: Number(r.n),
      firstSoldOn: r.first_sold,
      lastSoldOn: r.last_sold,
      linkedDrinkId: r.drink_id,
    })),
  };
}

/**
 * The header of the work list: how many products wait, what the unlinked ones sold over the last 30 days, and
 * how many the till has sent at all (none yet: nothing imported, which is not "all linked").
 */
export async function workListSummary(
  db: Db,
  establishmentId: string,
  since: string,
): Promise<{ unlinked: number; unlinkedRevenueCents: number; families: string[]; tillProducts: number }> {
  const count = await db
    .selectFrom('till_product as p')
    .leftJoin('till_link as l', (j) =>
      j.onRef('l.establishment_id', '=', 'p.establishment_id').onRef('l.till_product_id', '=', 'p.id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.establishment_id', '=', establishmentId)
    .where('p.ignored_at', 'is', null)
    .where('l.drink_id', 'is', null)
    .executeTakeFirstOrThrow();
  const revenue = await db
    .selectFrom('sale_product_day as s')
    .innerJoin('till_product as p', (j) =>
      j.onRef('p.establishment_id', '=', 's.establishment_id').onRef('p.id', '=', 's.till_product_id'),
    )
    .leftJoin('till_link as l', (j) =>
      j
        .onRef('l.establishment_id', '=', 's.establishment_id')
        .onRef('l.till_product_id', '=', 's.till_product_id'),
    )
    .select(sql<number>`coalesce(sum(s.amount_cents), 0)`.as('cents'))
    .where('s.establishment_id', '=', establishmentId)
    .where('s.business_day', '>=', since)
    .where('p.ignored_at', 'is', null)
    .where('l.drink_id', 'is', null)
    .executeTakeFirstOrThrow();
  const all = await db
    .selectFrom('till_product')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirstOrThrow();
  const families = await db
    .selectFrom('till_product')
    .select('family')
    .distinct()
    .where('establishment_id', '=', establishmentId)
    .where('family', 'is not', null)
    .orderBy('family')
    .execute();
  return {
    unlinked: Number(count.n),
    unlinkedRevenueCents: Number(revenue.cents),
    families: families.map((f) => f.family ?? ''),
    tillProducts: Number(all.n),
  };
}

export async function findTillProduct(db: Db, establishmentId: string, id: string) {
  return db
    .selectFrom('till_product')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setIgnored(
  db: Db,
  establishmentId: string,
  where: { id?: string; family?: string; ids?: readonly string[] },
  ignoredAt: Date | null,
): Promise<number> {
  let q = db
    .updateTable('till_product')
    .set({ ignored_at: ignoredAt })
    .where('establishment_id', '=', establishmentId);
  if (where.id) q = q.where('id', '=', where.id);
  if (where.family !== undefined) q = q.where('family', '=', where.family);
  if (where.ids)
    q = q.where('id', 'in', where.ids.length > 0 ? [...where.ids] : ['00000000-0000-0000-0000-000000000000']);
  // A linked product is a drink by definition: marking its family never unlinks it.
  q = q.where((eb) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('till_link')
          .select('till_product_id')
          .whereRef('till_link.till_product_id', '=', 'till_product.id')
          .whereRef('till_link.establishment_id', '=', 'till_product.establishment_id'),
      ),
    ),
  );
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export type DrinkSaleDay = {
  day: string;
  tillProductId: string;
  label: string;
  quantity: number;
  revenueCents: number;
};

/**
 * A drink's sales are those of its currently linked till products: breaking a link takes them off. Each day
 * shows the label the till printed on that day's last ticket (kept in sale_line, summarised in
 * sale_product_day), not the product's current one: one row per product and day.
 */
export async function drinkSalesByDay(
  db: Db,
  establishmentId: string,
  drinkId: string,
  from: string,
  to: string,
): Promise<DrinkSaleDay[]> {
  const rows = await db
    .selectFrom('till_link as l')
    .innerJoin('sale_product_day as s', (j) =>
      j
        .onRef('s.establishment_id', '=', 'l.establishment_id')
        .onRef('s.till_product_id', '=', 'l.till_product_id'),
    )
    .select([
      's.business_day',
      'l.till_product_id',
      's.label',
      's.quantity as qty',
      's.amount_cents as revenue',
    ])
    .where('l.establishment_id', '=', establishmentId)
    .where('l.drink_id', '=', drinkId)
    .where('s.business_day', '>=', from)
    .where('s.business_day', '<=', to)
    .orderBy('s.business_day', 'desc')
    .orderBy('s.label')
    .execute();
  return rows.map((r) => ({
    day: r.business_day,
    tillProductId: r.till_product_id,
    label: r.label,
    quantity: Number(r.qty),
    revenueCents: Number(r.revenue),
  }));
}

/** A linked product is a drink: it leaves the "pas une boisson" list. */
export async function clearIgnored(db: Db, establishmentId: string, id: string): Promise<void> {
  await db
    .updateTable('till_product')
    .set({ ignored_at: null })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .execute();
}

/** The work list's products (neither linked nor ignored), label and family only, for the not-a-drink reading. */
export async function listUnlinkedLabels(
  db: Db,
  establishmentId: string,
): Promise<{ id: string; label: string; family: string | null }[]> {
  return db
    .selectFrom('till_product as p')
    .leftJoin('till_link as l', (j) =>
      j.onRef('l.establishment_id', '=', 'p.establishment_id').onRef('l.till_product_id', '=', 'p.id'),
    )
    .select(['p.id', 'p.label', 'p.family'])
    .where('p.establishment_id', '=', establishmentId)
    .where('p.ignored_at', 'is', null)
    .where('l.drink_id', 'is', null)
    .orderBy('p.family')
    .orderBy('p.label')
    .execute();
}
