import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export type Appellation = {
  id: string;
  name: string;
  sign: string;
  wineRegion: string | null;
  colours: string[];
};

type AppellationRow = Database['appellation'];

export async function countAppellations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('appellation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function upsertAppellations(db: Db, rows: readonly AppellationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('appellation')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          sign: eb.ref('excluded.sign'),
          wine_region: eb.ref('excluded.wine_region'),
          colours: eb.ref('excluded.colours'),
          alt_names: eb.ref('excluded.alt_names'),
          search_text: eb.ref('excluded.search_text'),
        })),
      )
      .execute();
  }
}

/** Prefix matches first, then anywhere in the name; folded text so "cotes" finds "Côtes". */
export async function searchAppellations(db: Db, folded: string, limit: number): Promise<Appellation[]> {
  const rows = await db
    .selectFrom('appellation')
    .select(['id', 'name', 'sign', 'wine_region', 'colours'])
    .where('search_text', 'like', `%${folded}%`)
    .orderBy((eb) => eb.case().when('search_text', 'like', `${folded}%`).then(0).else(1).end())
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sign: r.sign,
    wineRegion: r.wine_region,
    colours: r.colours,
  }));
}

export async function findAppellation(db: Db, id: string): Promise<Appellation | undefined> {
  const r = await db
    .selectFrom('appellation')
    .select(['id', 'name', 'sign', 'wine_region', 'colours'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, name: r.name, sign: r.sign, wineRegion: r.wine_region, colours: r.colours };
}
