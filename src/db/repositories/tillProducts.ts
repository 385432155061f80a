import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

type KnownTillProduct = {
  id: string;
  externalId: string;
  label: string;
  active: boolean;
  family: string | null;
  priceCents: number | null;
  vatRate: number | null;
};

export async function loadTillProducts(
  db: Db,
  establishmentId: string,
  tillId: string,
): Promise<Map<string, KnownTillProduct>> {
  const rows = await db
    .selectFrom('till_product')
    .select(['id', 'external_id', 'label', 'active', 'family', 'price_cents', 'vat_rate'])
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.external_id,
      {
        id: r.id,
        externalId: r.external_id,
        label: r.label,
        active: r.active,
        family: r.family,
        priceCents: r.price_cents,
        vatRate: r.vat_rate === null ? null : Number(r.vat_rate),
      },
    ]),
  );
}

export type NewTillProduct = {
  externalId: string;
  label: string;
  family: string | null;
  vatRate: number | null;
  priceCents: number | null;
  active: boolean;
  seenOn: string;
};

export async function insertTillProducts(
  db: Db,
  establishmentId: string,
  tillId: string,
  products: readonly NewTillProduct[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < products.length; i += 500) {
    const rows = await db
      .insertInto('till_product')
      .values(
        products.slice(i, i + 500).map((p) => ({
          establishment_id: establishmentId,
          till_id: tillId,
          external_id: p.externalId,
          label: p.label,
          family: p.family,
          vat_rate: p.vatRate,
          price_cents: p.priceCents,
          active: p.active,
          first_seen_on: p.seenOn,
          last_seen_on: p.seenOn,
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    for (const r of rows) ids.set(r.external_id, r.id);
  }
  if (products.length > 0) {
    await db
      .insertInto('till_product_label')
      .values(
        products.map((p) => ({
          establishment_id: establishmentId,
          till_product_id: ids.get(p.externalId) ?? '',
          label: p.label,
          valid_from: p.seenOn,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return ids;
}

/** A new label keeps the product (and so its link); the old one stays in the history. */
export async function updateTillProduct(
  db: Db,
  establishmentId: string,
  id: string,
  changes: {
    label?: string;
    family?: string | null;
    priceCents?: number | null;
    vatRate?: number | null;
    active?: boolean;
  },
  day: string,
): Promise<void> {
  await db
    .updateTable('till_product')
    .set({
      ...(changes.label !== undefined ? { label: changes.label, label_changed_on: day } : {}),
      ...(changes.family !== undefined ? { family: changes.family } : {}),
      ...(changes.priceCents !== undefined ? { price_cents: changes.priceCents } : {}),
      ...(changes.vatRate !== undefined ? { vat_rate: changes.vatRate } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .execute();
  if (changes.label !== undefined) {
    await db
      .insertInto('till_product_label')
      .values({
        establishment_id: establishmentId,
        till_product_id: id,
        label: changes.label,
        valid_from: day,
      })
      .onConflict((oc) =>
        oc
          .columns(['establishment_id', 'till_product_id', 'valid_from'])
          .doUpdateSet({ label: changes.label }),
      )
      .execute();
  }
}

/** last_seen_on only moves forward, so re-importing an old day changes nothing. */
export async function markTillProductsSeen(
  db: Db,
  establishmentId: string,
  ids: readonly string[],
  day: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .updateTable('till_product')
      .set({ last_seen_on: day })
      .where('establishment_id', '=', establishmentId)
      .where('id', 'in', ids.slice(i, i + 1000))
      .where('last_seen_on', '<', day)
      .execute();
  }
}
