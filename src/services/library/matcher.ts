import type { Db } from '../../db/database.ts';
import {
  loadLibraryFor,
  privateLibraryVersion,
  type LibraryEntryRecord,
} from '../../db/repositories/library.ts';
import {
  buildMatchIndex,
  match,
  type LibraryEntry,
  type MatchAnswer,
  type MatchIndex,
} from '../../matching/index.ts';
import type { DrinkType, Colour } from '../../domain/drink.ts';
import { knowledgeFor } from './matchKnowledge.ts';

type Cached = { version: string; index: MatchIndex; entries: Map<string, LibraryEntryRecord> };

// One index per establishment (shared library + its private entries), rebuilt when its private entries change.
const cache = new Map<string, Promise<Cached>>();
const MAX_CACHED = 200;

export const toMatchEntry = (e: LibraryEntryRecord): LibraryEntry => ({
  id: e.id,
  type: e.type as DrinkType,
  colour: e.colour as Colour | null,
  producer: e.producer,
  cuvee: e.cuvee,
  appellation: e.appellation,
  region: e.region,
  country: e.country,
  vintages: e.vintages,
  formatsCl: e.formatsCl,
  name: e.name,
  subtype: e.subtype,
});

export async function matcherFor(db: Db, establishmentId: string): Promise<Cached> {
  const version = await privateLibraryVersion(db, establishmentId);
  const hit = cache.get(establishmentId);
  if (hit) {
    const cached = await hit;
    if (cached.version === version) return cached;
  }
  const building = (async () => {
    const entries = await loadLibraryFor(db, establishmentId);
    return {
      version,
      index: buildMatchIndex(entries.map(toMatchEntry)),
      entries: new Map(entries.map((e) => [e.id, e])),
    };
  })();
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
  cache.set(establishmentId, building);
  building.catch(() => cache.delete(establishmentId));
  return building;
}

export type ExplainedAnswer = MatchAnswer & { entries: Record<string, LibraryEntryRecord> };

/** The engine's answer with the library entries it names, read against the catalogue of `tillId` when given. */
export async function matchLabel(
  db: Db,
  establishmentId: string,
  label: string,
  now: Date,
  tillId: string | null,
): Promise<ExplainedAnswer> {
  const { index, entries } = await matcherFor(db, establishmentId);
  const knowledge = await knowledgeFor(db, establishmentId, tillId, index, now);
  const answer = match(index, label, { limit: 6, now, knowledge });
  const named: Record<string, LibraryEntryRecord> = {};
  for (const c of answer.candidates) {
    const e = entries.get(c.id);
    if (e) named[c.id] = e;
  }
  return { ...answer, entries: named };
}
