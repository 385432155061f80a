import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { stockExpression, withStock } from './stockQuery.ts';

type Db = Kysely<Database>;

/** One published drink with what the list needs of it; stock stays here for the availability rule. */
export type WineListItemRow = {
  drinkId: string;
  section: string | null;
  position: number;
  note: string | null;
  manualPriceCents: number | null;
  type: string;
  colour: string | null;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  appellationId: string | null;
  registeredAppellation: string | null;
  appellationSign: string | null;
  region: string | null;
  country: string | null;
  vintage: number | null;
  formatCl: number;
  salePriceCents: number | null;
  archived: boolean;
  stock: number;
};

export type LinkedPriceRow = {
  drinkId: string;
  tillProductId: string;
  label: string;
  priceCents: number | null;
  factor: number;
  active: boolean;
  lastSeenOn: string;
};

export async function listItems(
  db: Db,
  establishmentId: string,
  wineListId: string,
): Promise<WineListItemRow[]> {
  const rows = await withStock(db, establishmentId)
    .innerJoin('wine_list_item as i', (j) =>
      j.onRef('i.establishment_id', '=', 'd.establishment_id').onRef('i.drink_id', '=', 'd.id'),
    )
    .leftJoin('appellation as a', 'a.id', 'd.appellation_id')
    .select([
      'd.id as drink_id',
      'i.section',
      'i.position',
      'i.note',
      'i.manual_price_cents',
      'd.type',
      'd.colour',
      'd.producer',
      'd.cuvee',
      'd.appellation',
      'd.appellation_id',
      'a.name as registered_appellation',
      'a.sign as appellation_sign',
      'd.region',
      'd.country',
      'd.vintage',
      'd.format_cl',
      'd.sale_price_cents',
      sql<boolean>`d.archived_at is not null`.as('archived'),
      stockExpression.as('stock'),
    ])
    .where('i.wine_list_id', '=', wineListId)
    .orderBy('i.position')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    drinkId: r.drink_id,
    section: r.section,
    position: r.position,
    note: r.note,
    manualPriceCents: r.manual_price_cents,
    type: r.type,
    colour: r.colour,
    producer: r.producer,
    cuvee: r.cuvee,
    appellation: r.appellation,
    appellationId: r.appellation_id,
    registeredAppellation: r.registered_appellation,
    appellationSign: r.appellation_sign,
    region: r.region,
    country: r.country,
    vintage: r.vintage,
    formatCl: Number(r.format_cl),
    salePriceCents: r.sale_price_cents,
    archived: r.archived,
    stock: Number(r.stock),
  }));
}

/** The till products linked to these drinks, with the till's current catalogue price. */
export async function linkedPrices(
  db: Db,
  establishmentId: string,
  drinkIds: readonly string[],
): Promise<LinkedPriceRow[]> {
  if (drinkIds.length === 0) return [];
  const rows = await db
    .selectFrom('till_link as l')
    .innerJoin('till_product as p', (j) =>
      j.onRef('p.establishment_id', '=', 'l.establishment_id').onRef('p.id', '=', 'l.till_product_id'),
    )
    .select([
      'l.drink_id',
      'l.till_product_id',
      'l.factor',
      'p.label',
      'p.price_cents',
      'p.active',
      'p.last_seen_on',
    ])
    .where('l.establishment_id', '=', establishmentId)
    .where('l.drink_id', 'in', drinkIds)
    .orderBy('p.last_seen_on', 'desc')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    drinkId: r.drink_id,
    tillProductId: r.till_product_id,
    label: r.label,
    priceCents: r.price_cents,
    factor: Number(r.factor),
    active: r.active,
    lastSeenOn: r.last_seen_on,
  }));
}

/** Adds a drink at the end of the list, or updates its section, note and manual price. */
export async function upsertItem(
  db: Db,
  establishmentId: string,
  wineListId: string,
  drinkId: string,
  values: { section: string | null; note: string | null; manualPriceCents: number | null },
): Promise<void> {
  await db
    .insertInto('wine_list_item')
    .values({
      establishment_id: establishmentId,
      wine_list_id: wineListId,
      drink_id: drinkId,
      section: values.section,
      note: values.note,
      manual_price_cents: values.manualPriceCents,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from wine_list_item where establishment_id = ${establishmentId} and wine_list_id = ${wineListId})`,
    })
    .onConflict((oc) =>
      oc.columns(['establishment_id', 'wine_list_id', 'drink_id']).doUpdateSet({
        section: values.section,
        note: values.note,
        manual_price_cents: values.manualPriceCents,
      }),
    )
    .execute();
}

export async function deleteItem(
  db: Db,
  establishmentId: string,
  wineListId: string,
  drinkId: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('wine_list_item')
    .where('establishment_id', '=', establishmentId)
    .where('wine_list_id', '=', wineListId)
    .where('drink_id', '=', drinkId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Positions 1..n in the given order (the caller passes every item of the list). */
export async function setPositions(
  db: Db,
  establishmentId: string,
  wineListId: string,
  drinkIds: readonly string[],
): Promise<void> {
  if (drinkIds.length === 0) return;
  await sql`
    update wine_list_item i set position = v.position
    from unnest(${sql.val(drinkIds)}::uuid[]) with ordinality as v(drink_id, position)
    where i.establishment_id = ${establishmentId} and i.wine_list_id = ${wineListId} and i.drink_id = v.drink_id`.execute(
    db,
  );
}

/** Which of these drinks belong to the establishment and are not archived. */
export async function listableDrinkIds(
  db: Db,
  establishmentId: string,
  drinkIds: readonly string[],
): Promise<Set<string>> {
  if (drinkIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('drink')
    .select('id')
    .where('establishment_id', '=', establishmentId)
    .where('id', 'in', drinkIds)
    .where('archived_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}
