// Knowledge agreed by several establishments: only label words, word meanings and shared library ids leave them.
import { meaningKey, type Lesson, type SharedKnowledge, type WordMeaning } from './knowledge.ts';

/** Establishments that must agree before a lesson is shared. */
export const MIN_ESTABLISHMENTS = 3;

export type EstablishmentLesson = { establishmentId: string; lesson: Lesson };

/**
 * Label key → library id, and word → meaning, taught by at least MIN_ESTABLISHMENTS establishments. Ids
 * outside the shared library (an establishment's private drinks) never leave it.
 */
export function sharedKnowledge(
  rows: Iterable<EstablishmentLesson>,
  isSharedEntry: (id: string) => boolean,
  min = MIN_ESTABLISHMENTS,
): SharedKnowledge {
  const labels = new Map<string, Set<string>>();
  const words = new Map<string, { meaning: WordMeaning; by: Set<string> }>();
  for (const { establishmentId, lesson } of rows) {
    if (lesson.entryId === null || !isSharedEntry(lesson.entryId)) continue;
    const lk = `${lesson.key}\u0000${lesson.entryId}`;
    const by = labels.get(lk) ?? new Set<string>();
    by.add(establishmentId);
    labels.set(lk, by);
    for (const [w, meaning] of Object.entries(lesson.words)) {
      const wk = `${w}\u0000${meaningKey(meaning)}`;
      const o = words.get(wk) ?? { meaning, by: new Set<string>() };
      o.by.add(establishmentId);
      words.set(wk, o);
    }
  }
  const out: SharedKnowledge = { words: {}, labels: {} };
  const best = new Map<string, number>();
  for (const [lk, by] of labels) {
    const [key = '', id = ''] = lk.split('\u0000');
    if (by.size >= min && by.size > (best.get(`l${key}`) ?? 0)) {
      out.labels[key] = id;
      best.set(`l${key}`, by.size);
    }
  }
  for (const [wk, { meaning, by }] of words) {
    const [w = ''] = wk.split('\u0000');
    if (by.size >= min && by.size > (best.get(`w${w}`) ?? 0)) {
      out.words[w] = meaning;
      best.set(`w${w}`, by.size);
    }
  }
  return out;
}
