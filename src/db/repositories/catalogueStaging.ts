import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { LibraryInsert } from './library.ts';

type Db = Kysely<Database>;

// A supplier catalogue is staged batch by batch (catalogue_staging, one jsonb per entry, not in Database's types:
// only these three statements touch it), then published into library_entry by one statement.

export async function clearStagedCatalogue(db: Db, taskId: string): Promise<void> {
  await sql`delete from catalogue_staging where task_id = ${taskId}`.execute(db);
}

export async function stageCatalogueEntries(
  db: Db,
  taskId: string,
  rows: readonly LibraryInsert[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into catalogue_staging (task_id, entry)
    select ${taskId}, e from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as e`.execute(db);
}

/** Moves every staged entry of the task into the library (upserts by id) in one statement, then clears them. */
export async function publishStagedCatalogue(db: Db, taskId: string): Promise<number> {
  const result = await sql`
    insert into library_entry (id, establishment_id, source, type, colour, producer, cuvee, appellation, region,
      country, grapes, vintages, formats_cl, name, subtype, search_text)
    select distinct on (r.id) r.id, r.establishment_id, r.source, r.type, r.colour, r.producer, r.cuvee,
      r.appellation, r.region, r.country, r.grapes, r.vintages, r.formats_cl, r.name, r.subtype, r.search_text
    from catalogue_staging s cross join lateral jsonb_populate_record(null::library_entry, s.entry) as r
    where s.task_id = ${taskId}
    on conflict (id) do update set
      type = excluded.type, colour = excluded.colour, producer = excluded.producer, cuvee = excluded.cuvee,
      appellation = excluded.appellation, region = excluded.region, country = excluded.country,
      grapes = excluded.grapes, vintages = excluded.vintages, formats_cl = excluded.formats_cl,
      name = excluded.name, subtype = excluded.subtype, search_text = excluded.search_text`.execute(db);
  await clearStagedCatalogue(db, taskId);
  return Number(result.numAffectedRows ?? 0);
}
