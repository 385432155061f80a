import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export type TillLinkView = {
  tillProductId: string;
  drinkId: string;
  factor: number;
  label: string;
  family: string | null;
  labelChangedOn: string | null;
  active: boolean;
  createdAt: Date;
  /** The till the product comes from, and whether it was removed (its sales still count). */
  tillName: string | null;
  tillRemoved: boolean;
};

/** Links follow the till product id; linking again replaces the previous link (relink). */
export async function upsertLink(
  db: Db,
  establishmentId: string,
  link: { tillProductId: string; drinkId: string; factor: number; linkedBy: string | null },
): Promise<void> {
  await db
    .insertInto('till_link')
    .values({
      establishment_id: establishmentId,
      till_product_id: link.tillProductId,
      drink_id: link.drinkId,
      factor: link.factor,
      linked_by: link.linkedBy,
    })
    .onConflict((oc) =>
      oc
        .columns(['establishment_id', 'till_product_id'])
        .doUpdateSet({ drink_id: link.drinkId, factor: link.factor, linked_by: link.linkedBy }),
    )
    .execute();
}

export async function deleteLink(db: Db, establishmentId: string, tillProductId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('till_link')
    .where('establishment_id', '=', establishmentId)
    .where('till_product_id', '=', tillProductId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function updateLinkFactor(
  db: Db,
  establishmentId: string,
  tillProductId: string,
  factor: number,
): Promise<boolean> {
  const res = await db
    .updateTable('till_link')
    .set({ factor })
    .where('establishment_id', '=', establishmentId)
    .where('till_product_id', '=', tillProductId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function linksOfDrink(
  db: Db,
  establishmentId: string,
  drinkId: string,
): Promise<TillLinkView[]> {
  const rows = await db
    .selectFrom('till_link as l')
    .innerJoin('till_product as p', (j) =>
      j.onRef('p.establishment_id', '=', 'l.establishment_id').onRef('p.id', '=', 'l.till_product_id'),
    )
    .leftJoin('till_connection as tc', (j) =>
      j.onRef('tc.establishment_id', '=', 'p.establishment_id').onRef('tc.id', '=', 'p.till_id'),
    )
    .leftJoin('sales_file_till as ft', (j) =>
      j.onRef('ft.establishment_id', '=', 'p.establishment_id').onRef('ft.id', '=', 'p.till_id'),
    )
    .select([
      sql<string | null>`coalesce(tc.name, ft.name)`.as('till_name'),
      sql<boolean>`tc.archived_at is not null`.as('till_removed'),
      'l.till_product_id',
      'l.drink_id',
      'l.factor',
      'l.created_at',
      'p.label',
      'p.family',
      'p.label_changed_on',
      'p.active',
    ])
    .where('l.establishment_id', '=', establishmentId)
    .where('l.drink_id', '=', drinkId)
    .orderBy('p.label')
    .execute();
  return rows.map((r) => ({
    tillProductId: r.till_product_id,
    drinkId: r.drink_id,
    factor: Number(r.factor),
    label: r.label,
    family: r.family,
    labelChangedOn: r.label_changed_on,
    active: r.active,
    createdAt: r.created_at,
    tillName: r.till_name,
    tillRemoved: r.till_removed,
  }));
}

export async function linkOfProduct(
  db: Db,
  establishmentId: string,
  tillProductId: string,
): Promise<{ drinkId: string; factor: number } | undefined> {
  const row = await db
    .selectFrom('till_link')
    .select(['drink_id', 'factor'])
    .where('establishment_id', '=', establishmentId)
    .where('till_product_id', '=', tillProductId)
    .executeTakeFirst();
  return row && { drinkId: row.drink_id, factor: Number(row.factor) };
}
