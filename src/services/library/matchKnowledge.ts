// Loads and records what the matcher learnt; the engine itself stays pure (knowledge is data passed in).
import { findTillConnection } from '../../db/repositories/tillConnections.ts';
import type { Db } from '../../db/database.ts';
import {
  catalogueLabels,
  catalogueVersion,
  findCatalogueProfile,
  lessonsVersion,
  loadLessons,
  loadShareableLessons,
  saveCatalogueProfile,
  saveLesson,
  type LessonRow,
} from '../../db/repositories/matchKnowledge.ts';
import {
  labelKey,
  learnCatalogue,
  learnLesson,
  LessonBook,
  parseLabel,
  sharedKnowledge,
  type CatalogueProfile,
  type Knowledge,
  type Lesson,
  type MatchIndex,
  type Serving,
  type SharedKnowledge,
  type WordMeaning,
} from '../../matching/index.ts';

const toLesson = (r: LessonRow): Lesson => ({
  key: r.key,
  entryId: r.entryId,
  words: r.words as Record<string, WordMeaning>,
});

let shared: { version: string; knowledge: SharedKnowledge } | null = null;

/** What at least three establishments agree on; rebuilt only when some establishment has answered since. */
export async function sharedKnowledgeNow(db: Db): Promise<SharedKnowledge> {
  const version = await lessonsVersion(db);
  if (shared?.version === version) return shared.knowledge;
  const rows = await loadShareableLessons(db);
  const ids = new Set(rows.flatMap((r) => (r.lesson.entryId ? [r.lesson.entryId] : [])));
  const knowledge = sharedKnowledge(
    rows.map((r) => ({ establishmentId: String(r.establishment), lesson: toLesson(r.lesson) })),
    (id) => ids.has(id),
  );
  shared = { version, knowledge };
  return knowledge;
}

/** The till's catalogue profile, rebuilt when the catalogue changed (every import moves its version). */
async function catalogueProfileFor(
  db: Db,
  establishmentId: string,
  tillId: string,
  index: MatchIndex,
  now: Date,
): Promise<CatalogueProfile> {
  const version = await catalogueVersion(db, establishmentId, tillId);
  const stored = await findCatalogueProfile(db, establishmentId, tillId);
  if (stored?.version === version) return stored.profile as CatalogueProfile;
  const profile = learnCatalogue(index, await catalogueLabels(db, establishmentId, tillId), now);
  await saveCatalogueProfile(db, establishmentId, tillId, version, profile);
  return profile;
}

/**
 * The establishment's lessons over the profile of the till the label comes from (none for a typed label) and the
 * shared knowledge: read fresh for each proposal.
 */
export async function knowledgeFor(
  db: Db,
  establishmentId: string,
  tillId: string | null,
  index: MatchIndex,
  now: Date,
): Promise<Knowledge> {
  // Only a connected till keeps a catalogue profile; a sales file's till (or none) reads the label alone.
  const connected = tillId ? await findTillConnection(db, establishmentId, tillId) : undefined;
  const profile = connected ? await catalogueProfileFor(db, establishmentId, connected.id, index, now) : null;
  const lessons = (await loadLessons(db, establishmentId)).map(toLesson);
  return new LessonBook(lessons, profile, await sharedKnowledgeNow(db)).knowledge();
}

/** Oui, Presque, a pick or Non + a typed drink (entryId), or an ignored product (null): one lesson per label. */
export async function recordLesson(
  db: Db,
  establishmentId: string,
  index: MatchIndex,
  input: { label: string; entryId: string | null; serving: Serving | null; actorId: string; now: Date },
): Promise<void> {
  const lesson = learnLesson(index, input.label, {
    entryId: input.entryId,
    serving: input.serving,
    now: input.now,
  });
  if (lesson.key === '') return;
  await saveLesson(db, establishmentId, lesson, input.actorId);
}

/** An ignored product (or a Non without a drink): the label is never a `oui` from memory, earlier lessons undone. */
export async function recordRefusal(
  db: Db,
  establishmentId: string,
  label: string,
  actorId: string,
  now: Date,
): Promise<void> {
  const key = labelKey(parseLabel(label, now));
  if (key !== '') await saveLesson(db, establishmentId, { key, entryId: null, words: {} }, actorId);
}
