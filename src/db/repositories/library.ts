import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, LibraryEntryTable } from '../schema.ts';
import { containsPattern } from './likePattern.ts';

type Db = Kysely<Database>;

export type LibraryEntryRecord = {
  id: string;
  establishmentId: string | null;
  source: LibraryEntryTable['source'];
  type: string;
  colour: string | null;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  region: string | null;
  country: string | null;
  grapes: string[];
  vintages: number[];
  formatsCl: number[];
  name: string;
  subtype: string | null;
};

const toLibraryEntry = (r: Selectable<LibraryEntryTable>): LibraryEntryRecord => ({
  id: r.id,
  establishmentId: r.establishment_id,
  source: r.source,
  type: r.type,
  colour: r.colour,
  producer: r.producer,
  cuvee: r.cuvee,
  appellation: r.appellation,
  region: r.region,
  country: r.country,
  grapes: r.grapes,
  vintages: r.vintages.map(Number),
  formatsCl: r.formats_cl.map(Number),
  name: r.name,
  subtype: r.subtype,
});

export type LibraryInsert = Omit<Selectable<LibraryEntryTable>, 'created_at'>;

export async function countSharedEntries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('library_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('establishment_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function upsertLibraryEntries(db: Db, rows: readonly LibraryInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('library_entry')
      .values(rows.slice(i, i + 300))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          type: eb.ref('excluded.type'),
          colour: eb.ref('excluded.colour'),
          producer: eb.ref('excluded.producer'),
          cuvee: eb.ref('excluded.cuvee'),
          appellation: eb.ref('excluded.appellation'),
          region: eb.ref('excluded.region'),
          country: eb.ref('excluded.country'),
          grapes: eb.ref('excluded.grapes'),
          vintages: eb.ref('excluded.vintages'),
          formats_cl: eb.ref('excluded.formats_cl'),
          name: eb.ref('excluded.name'),
          subtype: eb.ref('excluded.subtype'),
          search_text: eb.ref('excluded.search_text'),
        })),
      )
      .execute();
  }
}

/** What one establishment sees: the shared library and its own private entries. */
export async function loadLibraryFor(db: Db, establishmentId: string): Promise<LibraryEntryRecord[]> {
  const rows = await db
    .selectFrom('library_entry')
    .selectAll()
    .where((eb) => eb.or([eb('establishment_id', 'is', null), eb('establishment_id', '=', establishmentId)]))
    .orderBy('id')
    .execute();
  return rows.map(toLibraryEntry);
}

/** A cheap fingerprint of an establishment's private entries, to know when a cached index is stale. */
export async function privateLibraryVersion(db: Db, establishmentId: string): Promise<string> {
  const row = await db
    .selectFrom('library_entry')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<Date | null>`max(created_at)`.as('latest')])
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}:${row.latest ? new Date(row.latest).getTime() : 0}`;
}

export async function findLibraryEntry(
  db: Db,
  establishmentId: string,
  id: string,
): Promise<LibraryEntryRecord | undefined> {
  const row = await db
    .selectFrom('library_entry')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('establishment_id', 'is', null), eb('establishment_id', '=', establishmentId)]))
    .executeTakeFirst();
  return row && toLibraryEntry(row);
}

export async function searchLibrary(
  db: Db,
  establishmentId: string,
  terms: readonly string[],
  limit: number,
): Promise<LibraryEntryRecord[]> {
  let q = db
    .selectFrom('library_entry')
    .selectAll()
    .where((eb) => eb.or([eb('establishment_id', 'is', null), eb('establishment_id', '=', establishmentId)]));
  for (const t of terms) q = q.where('search_text', 'like', containsPattern(t));
  const rows = await q
    .orderBy(sql`establishment_id is null`)
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map(toLibraryEntry);
}

/** The vintages and formats an entry already knows, so that a new drink adds to them. */
export async function findEntryVariants(
  db: Db,
  id: string,
): Promise<{ vintages: number[]; formatsCl: number[] } | undefined> {
  const row = await db
    .selectFrom('library_entry')
    .select(['vintages', 'formats_cl'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { vintages: row.vintages.map(Number), formatsCl: row.formats_cl.map(Number) };
}
