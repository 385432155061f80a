import { sql, type Kysely, type OrderByItemBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, DrinkRow } from '../schema.ts';
import type { Colour, Drink, DrinkType, DrinkWithStock } from '../../domain/drink.ts';
import { stockValueCents } from '../../domain/stock.ts';
import { stockColumns, stockExpression, withStock } from './stockQuery.ts';
import { insertMovements } from './stockMovements.ts';
import { containsPattern } from './likePattern.ts';

type Db = Kysely<Database>;

/** What a drink is made of, as written: everything but its ids, dates and derived stock. */
export type DrinkValues = Omit<Drink, 'id' | 'establishmentId' | 'archivedAt' | 'createdAt' | 'updatedAt'>;

function toDrink(row: DrinkRow): Drink {
  return {
    id: row.id,
    establishmentId: row.establishment_id,
    libraryEntryId: row.library_entry_id,
    type: row.type as DrinkType,
    colour: row.colour as Colour | null,
    producer: row.producer,
    cuvee: row.cuvee,
    appellationId: row.appellation_id,
    appellation: row.appellation,
    region: row.region,
    country: row.country,
    grapes: row.grapes,
    vintage: row.vintage,
    formatCl: Number(row.format_cl),
    purchasePriceCents: row.purchase_price_cents,
    salePriceCents: row.sale_price_cents,
    location: row.location,
    minStock: row.min_stock === null ? null : Number(row.min_stock),
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const toRow = (v: DrinkValues, searchText: string) => ({
  library_entry_id: v.libraryEntryId,
  type: v.type,
  colour: v.colour,
  producer: v.producer,
  cuvee: v.cuvee,
  appellation_id: v.appellationId,
  appellation: v.appellation,
  region: v.region,
  country: v.country,
  grapes: v.grapes,
  vintage: v.vintage,
  format_cl: v.formatCl,
  purchase_price_cents: v.purchasePriceCents,
  sale_price_cents: v.salePriceCents,
  location: v.location,
  min_stock: v.minStock,
  search_text: searchText,
});

/** The quantity on hand when a drink enters Cellier, and when: its stock base (DESIGN §4). */
type StockBase = { quantity: number; at: Date };

/** Every drink is born with a count (its base), so a till sale from before it entered Cellier never moves its stock. */
export async function insertDrink(
  db: Db,
  establishmentId: string,
  values: DrinkValues,
  searchText: string,
  createdBy: string | null,
  base: StockBase,
): Promise<Drink> {
  const row = await db
    .insertInto('drink')
    .values({ establishment_id: establishmentId, created_by: createdBy, ...toRow(values, searchText) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertMovements(db, establishmentId, [
    {
      drinkId: row.id,
      kind: 'count',
      quantity: base.quantity,
      occurredAt: base.at,
      accountId: createdBy,
      note: null,
    },
  ]);
  return toDrink(row);
}

// The library link is set when the drink is created from the library, never by an edit.
const withoutLibraryLink = <T extends { library_entry_id: unknown }>({ library_entry_id: _l, ...rest }: T) =>
  rest;

export async function updateDrink(
  db: Db,
  establishmentId: string,
  id: string,
  values: DrinkValues,
  searchText: string,
  now: Date,
): Promise<Drink | undefined> {
  const row = await db
    .updateTable('drink')
    .set({ ...withoutLibraryLink(toRow(values, searchText)), updated_at: now })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toDrink(row);
}

export async function setDrinkArchived(
  db: Db,
  establishmentId: string,
  id: string,
  archivedAt: Date | null,
): Promise<Drink | undefined> {
  const row = await db
    .updateTable('drink')
    .set({ archived_at: archivedAt, updated_at: archivedAt ?? new Date() })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toDrink(row);
}

export async function findDrink(
  db: Db,
  establishmentId: string,
  id: string,
): Promise<DrinkWithStock | undefined> {
  const row = await withStock(db, establishmentId)
    .selectAll('d')
    .select(stockColumns)
    .where('d.id', '=', id)
    .executeTakeFirst();
  return row && toDrinkWithStock(row);
}

type DrinkSort = 'name' | 'appellation' | 'vintage' | 'stock' | 'updated';
export type DrinkFilter = {
  searchTerms: string[];
  colour?: Colour | undefined;
  type?: DrinkType | undefined;
  region?: string | undefined;
  inStock?: boolean | undefined;
  archived?: boolean | undefined;
  sort: DrinkSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

export async function listDrinks(
  db: Db,
  establishmentId: string,
  filter: DrinkFilter,
): Promise<{ items: DrinkWithStock[]; total: number }> {
  if (filter.sort === 'stock' || filter.inStock !== undefined)
    return listDrinksByStock(db, establishmentId, filter);
  // Stock is computed for the page only: the list stays fast however many drinks the cellar holds.
  const base = applyFilters(
    db.selectFrom('drink as d').selectAll('d').where('d.establishment_id', '=', establishmentId),
    filter,
  );
  // The page and the count apart: a window count made every request sort every drink; the page alone reads
  // drink_name_order_idx in the default order, and the count is an index-only scan.
  const page = await sortBy(base.clearSelect().select('d.id'), filter)
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const counted = await base
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  if (page.length === 0) return { items: [], total: Number(counted?.n ?? 0) };
  const rows = await withStock(db, establishmentId)
    .selectAll('d')
    .select(stockColumns)
    .where(
      'd.id',
      'in',
      page.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toDrinkWithStock(r)]));
  return {
    items: page.map((r) => byId.get(r.id)).filter((d): d is DrinkWithStock => d !== undefined),
    total: Number(counted?.n ?? 0),
  };
}

async function listDrinksByStock(db: Db, establishmentId: string, filter: DrinkFilter) {
  const filtered = applyFilters(withStock(db, establishmentId), filter);
  // The count apart, so that the page is a top-N sort of the joined rows rather than a full one under a window.
  const rows = await sortBy(
    db
      .with('f', () => filtered.selectAll('d').select(stockColumns))
      .selectFrom('f')
      .selectAll('f'),
    filter,
  )
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const counted = await filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return { items: rows.map(toDrinkWithStock), total: Number(counted?.n ?? 0) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the builder's row type is whatever withStock selected
function applyFilters<Q extends SelectQueryBuilder<any, any, any>>(query: Q, f: DrinkFilter): Q {
  let q = query.where('d.archived_at', f.archived ? 'is not' : 'is', null) as Q;
  for (const term of f.searchTerms) q = q.where('d.search_text', 'like', containsPattern(term)) as Q;
  if (f.colour) q = q.where('d.colour', '=', f.colour) as Q;
  if (f.type) q = q.where('d.type', '=', f.type) as Q;
  if (f.region) q = q.where('d.region', '=', f.region) as Q;
  if (f.inStock !== undefined) q = q.where(stockExpression, f.inStock ? '>' : '<=', 0) as Q;
  return q;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see applyFilters
function sortBy<Q extends SelectQueryBuilder<any, any, any>>(q: Q, f: DrinkFilter): Q {
  const dir = (ob: OrderByItemBuilder) => (f.order === 'desc' ? ob.desc() : ob.asc()).nullsLast();
  switch (f.sort) {
    case 'name':
      return q
        .orderBy(sql`lower(coalesce(producer, cuvee, appellation, ''))`, dir)
        .orderBy('vintage')
        .orderBy('id') as Q;
    case 'appellation':
      return q.orderBy(sql`lower(appellation)`, dir).orderBy('id') as Q;
    case 'vintage':
      return q.orderBy('vintage', dir).orderBy('id') as Q;
    case 'stock':
      return q.orderBy('stock', dir).orderBy('id') as Q;
    case 'updated':
      return q.orderBy('updated_at', dir).orderBy('id') as Q;
  }
}

function toDrinkWithStock(
  row: DrinkRow & { stock: number; last_count_at: Date | null; till_linked: boolean },
): DrinkWithStock {
  const drink = toDrink(row);
  const stock = Number(row.stock);
  return {
    ...drink,
    stock,
    lastCountAt: row.last_count_at,
    tillLinked: row.till_linked,
    stockValueCents: stockValueCents(stock, drink.purchasePriceCents),
  };
}

export async function listRegions(db: Db, establishmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('drink')
    .select('region')
    .distinct()
    .where('establishment_id', '=', establishmentId)
    .where('region', 'is not', null)
    .orderBy('region')
    .execute();
  return rows.map((r) => r.region).filter((r): r is string => r !== null);
}

export async function existingDrinkIds(
  db: Db,
  establishmentId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('drink')
    .select('id')
    .where('establishment_id', '=', establishmentId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The establishment's live drink for one library entry, vintage and format: what Oui and Presque reuse. */
export async function findDrinkForEntry(
  db: Db,
  establishmentId: string,
  key: { libraryEntryId: string; vintage: number | null; formatCl: number },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('drink')
    .select('id')
    .where('establishment_id', '=', establishmentId)
    .where('library_entry_id', '=', key.libraryEntryId)
    .where('format_cl', '=', key.formatCl)
    .where((eb) => (key.vintage === null ? eb('vintage', 'is', null) : eb('vintage', '=', key.vintage)))
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export type DrinkThatFits = Pick<
  Drink,
  'id' | 'libraryEntryId' | 'producer' | 'cuvee' | 'appellation' | 'vintage' | 'formatCl' | 'colour'
>;

/** Live drinks made from any of these library entries, newest vintage first. */
export async function drinksForEntries(
  db: Db,
  establishmentId: string,
  libraryEntryIds: readonly string[],
): Promise<DrinkThatFits[]> {
  if (libraryEntryIds.length === 0) return [];
  const rows = await db
    .selectFrom('drink')
    .select(['id', 'library_entry_id', 'producer', 'cuvee', 'appellation', 'vintage', 'format_cl', 'colour'])
    .where('establishment_id', '=', establishmentId)
    .where('archived_at', 'is', null)
    .where('library_entry_id', 'in', libraryEntryIds)
    .orderBy('vintage', 'desc')
    .limit(20)
    .execute();
  return rows.map((d) => ({
    id: d.id,
    libraryEntryId: d.library_entry_id,
    producer: d.producer,
    cuvee: d.cuvee,
    appellation: d.appellation,
    vintage: d.vintage,
    formatCl: Number(d.format_cl),
    colour: d.colour as Colour | null,
  }));
}
