// What the matcher learnt: lessons per establishment, catalogue profiles per till, and the lessons others share.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export type LessonRow = {
  key: string;
  entryId: string | null;
  words: Record<string, unknown>;
};

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : ((v ?? {}) as Record<string, unknown>);

/** One lesson per label identity: a later answer replaces the earlier one (a Non after a wrong Oui unlearns it). */
export async function saveLesson(
  db: Db,
  establishmentId: string,
  lesson: LessonRow,
  taughtBy: string | null,
): Promise<void> {
  const words = JSON.stringify(lesson.words);
  await db
    .insertInto('match_lesson')
    .values({
      establishment_id: establishmentId,
      label_key: lesson.key,
      library_entry_id: lesson.entryId,
      words,
      taught_by: taughtBy,
    })
    .onConflict((oc) =>
      oc.columns(['establishment_id', 'label_key']).doUpdateSet({
        library_entry_id: lesson.entryId,
        words,
        taught_by: taughtBy,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

export async function loadLessons(db: Db, establishmentId: string): Promise<LessonRow[]> {
  const rows = await db
    .selectFrom('match_lesson')
    .select(['label_key', 'library_entry_id', 'words'])
    .where('establishment_id', '=', establishmentId)
    .execute();
  return rows.map((r) => ({ key: r.label_key, entryId: r.library_entry_id, words: asObject(r.words) }));
}

/**
 * Lessons that name a shared library entry, with an opaque establishment number for counting agreement.
 * Private entries (an establishment's own drinks) never leave the database here.
 */
export async function loadShareableLessons(db: Db): Promise<{ establishment: number; lesson: LessonRow }[]> {
  const rows = await db
    .selectFrom('match_lesson as l')
    .innerJoin('library_entry as e', 'e.id', 'l.library_entry_id')
    .where('e.establishment_id', 'is', null)
    .select([
      sql<number>`dense_rank() over (order by l.establishment_id)`.as('establishment'),
      'l.label_key',
      'l.library_entry_id',
      'l.words',
    ])
    .execute();
  return rows.map((r) => ({
    establishment: Number(r.establishment),
    lesson: { key: r.label_key, entryId: r.library_entry_id, words: asObject(r.words) },
  }));
}

/** Changes whenever any establishment answers: the shared knowledge is rebuilt only then. */
export async function lessonsVersion(db: Db): Promise<string> {
  const r = await db
    .selectFrom('match_lesson')
    .select([sql<string>`count(*)::text`.as('n'), sql<string>`coalesce(max(updated_at)::text, '')`.as('at')])
    .executeTakeFirst();
  return `${r?.n ?? '0'}|${r?.at ?? ''}`;
}

export async function findCatalogueProfile(
  db: Db,
  establishmentId: string,
  tillId: string,
): Promise<{ version: string; profile: Record<string, unknown> } | null> {
  const r = await db
    .selectFrom('till_catalogue_profile')
    .select(['catalogue_version', 'profile'])
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .executeTakeFirst();
  return r ? { version: r.catalogue_version, profile: asObject(r.profile) } : null;
}

export async function saveCatalogueProfile(
  db: Db,
  establishmentId: string,
  tillId: string,
  version: string,
  profile: unknown,
): Promise<void> {
  const json = JSON.stringify(profile);
  await db
    .insertInto('till_catalogue_profile')
    .values({ till_id: tillId, establishment_id: establishmentId, catalogue_version: version, profile: json })
    .onConflict((oc) =>
      oc
        .columns(['establishment_id', 'till_id'])
        .doUpdateSet({ catalogue_version: version, profile: json, built_at: sql<Date>`now()` }),
    )
    .execute();
}

/** The labels of one till's catalogue (active products), as the till sends them every night. */
export async function catalogueLabels(db: Db, establishmentId: string, tillId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('till_product')
    .select('label')
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.label);
}

/** The catalogue changes with every import and every new product: count, last import and last product. */
export async function catalogueVersion(db: Db, establishmentId: string, tillId: string): Promise<string> {
  const r = await db
    .selectFrom('till_product')
    .select([
      sql<string>`count(*)::text`.as('n'),
      sql<string>`coalesce(max(created_at)::text, '')`.as('at'),
      sql<string>`coalesce(max(last_seen_on)::text, '')`.as('seen'),
    ])
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .executeTakeFirst();
  return `${r?.n ?? '0'}|${r?.at ?? ''}|${r?.seen ?? ''}`;
}
