import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { LinkEventKind } from '../schema.ts';

export type LinkEvent = {
  id: string;
  tillProductId: string;
  productLabel: string;
  kind: LinkEventKind;
  drinkId: string | null;
  previousDrinkId: string | null;
  factor: number | null;
  previousFactor: number | null;
  byEmail: string | null;
  at: Date;
};

export async function insertLinkEvent(
  db: Db,
  establishmentId: string,
  e: {
    tillProductId: string;
    kind: LinkEventKind;
    drinkId: string | null;
    previousDrinkId: string | null;
    factor: number | null;
    previousFactor: number | null;
    accountId: string | null;
  },
): Promise<void> {
  await db
    .insertInto('till_link_event')
    .values({
      establishment_id: establishmentId,
      till_product_id: e.tillProductId,
      kind: e.kind,
      drink_id: e.drinkId,
      previous_drink_id: e.previousDrinkId,
      factor: e.factor,
      previous_factor: e.previousFactor,
      account_id: e.accountId,
    })
    .execute();
}

/** Link changes after `since`, newest first, with the product's label and who made them. */
export async function linkEventsSince(
  db: Db,
  establishmentId: string,
  since: Date,
  limit = 200,
): Promise<LinkEvent[]> {
  const rows = await db
    .selectFrom('till_link_event as e')
    .innerJoin('till_product as p', (j) =>
      j.onRef('p.establishment_id', '=', 'e.establishment_id').onRef('p.id', '=', 'e.till_product_id'),
    )
    .leftJoin('account as a', 'a.id', 'e.account_id')
    .select([
      'e.id',
      'e.till_product_id',
      'p.label',
      'e.kind',
      'e.drink_id',
      'e.previous_drink_id',
      'e.factor',
      'e.previous_factor',
      'a.email',
      'e.at',
    ])
    .where('e.establishment_id', '=', establishmentId)
    .where('e.at', '>', since)
    .orderBy('e.at', 'desc')
    .orderBy(sql`e.id`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tillProductId: r.till_product_id,
    productLabel: r.label,
    kind: r.kind,
    drinkId: r.drink_id,
    previousDrinkId: r.previous_drink_id,
    factor: r.factor === null ? null : Number(r.factor),
    previousFactor: r.previous_factor === null ? null : Number(r.previous_factor),
    byEmail: r.email,
    at: new Date(r.at),
  }));
}
