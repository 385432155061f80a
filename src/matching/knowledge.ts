// What an establishment's matcher has learnt (data passed in; the engine stays pure).
import type { Colour, Serving } from './types.ts';

/** What a till word means where the library has no word for it. */
export type WordMeaning =
  | { kind: 'structural' } // a till's own word (family code, filler): explains nothing, blocks nothing
  | { kind: 'colour'; colour: Colour }
  | { kind: 'serving'; serving: Serving }
  | { kind: 'alias'; words: string[] }; // an abbreviation of library words

type KnowledgeSource = 'catalogue' | 'lesson' | 'shared';
export type LearntWord = WordMeaning & { source: KnowledgeSource };

/** A till connection's profile, learnt from its catalogue without answers (stored as JSON). */
export type CatalogueProfile = { labels: number; words: Record<string, WordMeaning> };

/**
 * One answer, reduced to what it teaches: the label's identity key, the library entry it names (null for
 * Non without a drink, or an ignored product), and what its unexplained words were seen meaning.
 */
export type Lesson = { key: string; entryId: string | null; words: Record<string, WordMeaning> };

/** Knowledge agreed by several establishments: only words and library ids. */
export type SharedKnowledge = { words: Record<string, WordMeaning>; labels: Record<string, string> };

export type Knowledge = {
  words: ReadonlyMap<string, LearntWord>;
  labels: ReadonlyMap<string, { id: string; source: 'lesson' | 'shared' }>;
  /** identity keys the establishment answered Non or ignored: never a `oui` from a remembered label */
  refused: ReadonlySet<string>;
};

export const NO_KNOWLEDGE: Knowledge = { words: new Map(), labels: new Map(), refused: new Set() };

export function meaningKey(m: WordMeaning): string {
  switch (m.kind) {
    case 'structural':
      return 'structural';
    case 'colour':
      return `colour:${m.colour}`;
    case 'serving':
      return `serving:${m.serving}`;
    case 'alias':
      return `alias:${m.words.join(' ')}`;
  }
}

/** Several observations of one word → its meaning: a colour/serving/alias where they agree, else structural. */
function agree(observations: ReadonlyMap<string, { meaning: WordMeaning; n: number }>): WordMeaning {
  let total = 0;
  let best: { meaning: WordMeaning; n: number } | undefined;
  for (const o of observations.values()) {
    total += o.n;
    if (!best || o.n > best.n) best = o;
  }
  if (!best) return { kind: 'structural' };
  if (best.meaning.kind === 'alias') return best.n * 3 >= total * 2 ? best.meaning : { kind: 'structural' };
  // a colour or serving needs two agreeing answers and no real contradiction; one answer only unblocks the word
  return best.n >= 2 && best.n * 4 >= total * 3 ? best.meaning : { kind: 'structural' };
}

/** The establishment's lessons, one per label key; knowledge kept up to date incrementally (no rebuild per answer). */
export class LessonBook {
  private readonly lessons = new Map<string, Lesson>();
  private readonly observed = new Map<string, Map<string, { meaning: WordMeaning; n: number }>>();
  private readonly base = new Map<string, LearntWord>();
  private readonly words = new Map<string, LearntWord>();
  private readonly labels = new Map<string, { id: string; source: 'lesson' | 'shared' }>();
  private readonly sharedLabels = new Map<string, string>();
  private readonly refused = new Set<string>();
  private readonly view: Knowledge = { words: this.words, labels: this.labels, refused: this.refused };

  constructor(
    lessons: Iterable<Lesson> = [],
    catalogue: CatalogueProfile | null = null,
    shared: SharedKnowledge | null = null,
  ) {
    for (const [w, m] of Object.entries(catalogue?.words ?? {}))
      this.base.set(w, { ...m, source: 'catalogue' });
    for (const [w, m] of Object.entries(shared?.words ?? {})) this.base.set(w, { ...m, source: 'shared' });
    for (const [w, m] of this.base) this.words.set(w, m);
    for (const [k, id] of Object.entries(shared?.labels ?? {})) {
      this.sharedLabels.set(k, id);
      this.labels.set(k, { id, source: 'shared' });
    }
    for (const l of lessons) this.set(l);
  }

  get size(): number {
    return this.lessons.size;
  }

  /** Records an answer; a later answer for the same label replaces (and so unlearns) the earlier one. */
  set(lesson: Lesson): void {
    const old = this.lessons.get(lesson.key);
    if (old) this.count(old, -1);
    this.lessons.set(lesson.key, lesson);
    this.count(lesson, 1);
    if (lesson.entryId === null) {
      this.labels.delete(lesson.key);
      this.refused.add(lesson.key);
    } else {
      this.refused.delete(lesson.key);
      this.labels.set(lesson.key, { id: lesson.entryId, source: 'lesson' });
    }
  }

  knowledge(): Knowledge {
    return this.view;
  }

  private count(lesson: Lesson, delta: number): void {
    for (const [w, meaning] of Object.entries(lesson.words)) {
      const obs = this.observed.get(w) ?? new Map<string, { meaning: WordMeaning; n: number }>();
      const k = meaningKey(meaning);
      const o = obs.get(k) ?? { meaning, n: 0 };
      o.n += delta;
      if (o.n <= 0) obs.delete(k);
      else obs.set(k, o);
      if (obs.size === 0) {
        this.observed.delete(w);
        const base = this.base.get(w);
        if (base) this.words.set(w, base);
        else this.words.delete(w);
      } else {
        this.observed.set(w, obs);
        this.words.set(w, { ...agree(obs), source: 'lesson' });
      }
    }
  }
}
