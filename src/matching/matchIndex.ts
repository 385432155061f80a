// The searchable library: entry profiles, posting lists, word table and learnt initials.
import { FlatProfiles } from './flatProfiles.ts';
import { ALIASES } from './lexicon.ts';
import { countPhrases, InitialsTable } from './initials.ts';
import { buildProfile, type Profile } from './profile.ts';
import type { LibraryEntry } from './types.ts';
import { Vocab } from './vocab.ts';

export class MatchIndex {
  readonly vocab = new Vocab();
  readonly entries: LibraryEntry[] = [];
  readonly profiles: Profile[] = [];
  /** the same profiles in flat arrays, for the hot path (verify) */
  readonly flat = new FlatProfiles();
  /** bumped by every add(): caches of word expansions are only valid for one version */
  version = 0;
  /** word id → entries holding it */
  readonly postings: number[][] = [];
  /** word id → generic (producer-less, cuvée-less) entries holding it: house wines */
  readonly genericPostings = new Map<number, number[]>();
  readonly initials = new InitialsTable();
  private readonly byId = new Map<string, number>();
  /** entries replaced by a later add() with the same id */
  private readonly retired: boolean[] = [];

  get size(): number {
    return this.entries.length;
  }

  /** Adds (or replaces, by id) one entry; usable at run time for establishment-private drinks. */
  add(entry: LibraryEntry): void {
    const existing = this.byId.get(entry.id);
    if (existing !== undefined) this.retire(existing);
    const at = this.entries.length;
    const profile = buildProfile(entry, this.vocab);
    this.entries.push(entry);
    this.profiles.push(profile);
    this.flat.push(at, profile);
    this.version++;
    this.byId.set(entry.id, at);
    for (const id of profile.tok) {
      while (this.postings.length <= id) this.postings.push([]);
      this.postings[id]?.push(at);
      this.vocab.df[id] = (this.vocab.df[id] ?? 0) + 1;
      if (profile.generic) {
        const g = this.genericPostings.get(id);
        if (g) g.push(at);
        else this.genericPostings.set(id, [at]);
      }
    }
    this.initials.learnAppellation(entry.appellation);
  }

  /** Position of a live entry by id (undefined when unknown). */
  position(id: string): number | undefined {
    const at = this.byId.get(id);
    return at === undefined || this.retired[at] ? undefined : at;
  }

  entryAt(i: number): LibraryEntry | undefined {
    return this.retired[i] ? undefined : this.entries[i];
  }

  /** Inverse document frequency of a word id: rare words weigh more. */
  idf(id: number): number {
    return Math.log(1 + this.entries.length / ((this.vocab.df[id] ?? 0) + 1));
  }

  /** A library word, a hand alias or learnt initials: the word means something to the library. */
  reads(word: string): boolean {
    return (
      this.vocab.id(word) !== undefined ||
      ALIASES[word] !== undefined ||
      this.initials.lookup(word).length > 0
    );
  }

  /** A replaced entry stays in the posting lists but is never returned (entryAt checks it). */
  private retire(i: number): void {
    this.retired[i] = true;
    this.flat.retire(i);
    const p = this.profiles[i];
    if (p) p.tok = [];
  }
}

export function buildMatchIndex(entries: readonly LibraryEntry[]): MatchIndex {
  const index = new MatchIndex();
  const phrases = new Map<string, number>();
  const counted = new Set<string>();
  for (const e of entries) {
    index.add(e);
    // phrases are learnt once per distinct cuvée
    const text = e.cuvee;
    if (text && !counted.has(text)) {
      counted.add(text);
      countPhrases(text, phrases);
    }
  }
  index.initials.learnPhrases(phrases);
  return index;
}
