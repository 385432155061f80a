// Turning one answer (Oui, Presque, a pick, Non + a typed drink, ignored) into a lesson.
import type { Lesson, WordMeaning } from './knowledge.ts';
import type { MatchIndex } from './matchIndex.ts';
import { labelKey } from './match.ts';
import { parseLabel } from './parse.ts';
import { expandToken } from './query.ts';
import { readShortGluedYear } from './shapes.ts';
import type { Serving } from './types.ts';
import { inverseQuery, verify } from './verify.ts';

export type Answer = {
  /** the library entry the product was linked to; null for a Non without a drink or an ignored product */
  entryId: string | null;
  /** how the product is served, when the answer tells it (a glass link) */
  serving?: Serving | null;
  now?: Date;
};

function isAbbreviation(short: string, word: string): boolean {
  if (short.length < 2 || word.length <= short.length || short[0] !== word[0]) return false;
  let j = 0;
  for (const c of word) if (c === short[j]) j++;
  return j === short.length;
}

/** Words of the label the chosen entry does not explain, each with what it was seen meaning. */
export function learnLesson(index: MatchIndex, label: string, answer: Answer): Lesson {
  const now = answer.now ?? new Date();
  const plain = parseLabel(label, now);
  const key = labelKey(plain);
  const parsed = readShortGluedYear(plain, now, (w) => index.reads(w));
  const at = answer.entryId === null ? undefined : index.position(answer.entryId);
  const entry = at === undefined ? undefined : index.entryAt(at);
  if (answer.entryId === null || at === undefined || !entry)
    return { key, entryId: answer.entryId, words: {} };
  const query = parsed.tokens.map((t) => expandToken(index, t));
  const trace = { unexplained: [] as number[], fuzzy: [] as number[] };
  verify(index, at, query, inverseQuery(query), trace);
  const entryWords = (index.profiles[at]?.tok ?? []).map((id) => index.vocab.words[id] ?? '');
  const words: Record<string, WordMeaning> = {};
  const abbreviated = (text: string): string | undefined =>
    text.length < 3
      ? undefined
      : entryWords.find((w) => isAbbreviation(text, w) && !parsed.tokens.some((x) => x.text === w));
  // a word the entry explains only fuzzily becomes an exact abbreviation of its word
  for (const i of trace.fuzzy) {
    const t = parsed.tokens[i];
    const long = t && !t.number ? abbreviated(t.text) : undefined;
    if (t && long) words[t.text] = { kind: 'alias', words: [long] };
  }
  for (const i of trace.unexplained) {
    const t = parsed.tokens[i];
    if (!t || t.number || t.colour !== null) continue;
    const long = abbreviated(t.text);
    if (long) words[t.text] = { kind: 'alias', words: [long] };
    // a serving only when stepping over the word still leaves the label without one (a code before "VERRE" is not it)
    else if (answer.serving && parseLabel(label, now, (w) => w === t.text).serving === null)
      words[t.text] = { kind: 'serving', serving: answer.serving };
    else if (entry.colour !== null) words[t.text] = { kind: 'colour', colour: entry.colour };
    else words[t.text] = { kind: 'structural' };
  }
  return { key, entryId: answer.entryId, words };
}
