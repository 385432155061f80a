// Expands each label word into the library words it may stand for, with a quality in (0, 1].
import { ALIASES, NEUTRAL, NOT_DRINK_WORDS } from './lexicon.ts';
import type { MatchIndex } from './matchIndex.ts';
import type { LearntWord } from './knowledge.ts';
import type { LabelToken } from './types.ts';

const Q_EXACT = 1;
export const Q_ALIAS = 0.97;
const Q_ALIAS_PHRASE = 0.99;
const Q_INITIALS = 0.9;
export const Q_PREFIX_LAST = 0.92; // a last word cut by the till's field length
export const Q_PREFIX = 0.82;
const Q_PREFIX_WHOLE = 0.75;
const Q_PREFIX_SHORT = 0.7;
export const Q_TYPO = 0.8;
export const Q_SKELETON = 0.75;
const MAX_PREFIX_WORDS = 300;

type Alt = { ids: number[]; q: number };

export type QueryToken = {
  token: LabelToken;
  /** library word id → quality, for one-word explanations */
  single: Map<number, number>;
  /** several library words that must all be present (CDR → côtes, rhône) */
  multi: Alt[];
  /** check prefixes/skeletons against candidate words directly (too many to list) */
  openPrefix: boolean;
  skeleton: boolean;
  /** cost when nothing explains the word */
  weight: number;
  /** may be explained, never costs (a number read as a vintage, a learnt till word) */
  optional: boolean;
  /** what the establishment, its till's catalogue or other establishments taught about this word */
  learnt?: LearntWord;
  /** a short word at the label's edge that no library word, alias or initials can stand for: a till code */
  code?: boolean;
  /** verify's prefix/skeleton readings of candidate words (word id → quality), filled while one label is read */
  onTheFly?: Map<number, number>;
};

function putBest(m: Map<number, number>, id: number, q: number): void {
  if ((m.get(id) ?? 0) < q) m.set(id, q);
}

export function expandToken(
  index: MatchIndex,
  token: LabelToken,
  optional = false,
  learnt?: LearntWord,
): QueryToken {
  const { vocab } = index;
  const t = token.text;
  const single = new Map<number, number>();
  const multi: Alt[] = [];
  const exact = vocab.id(t);
  if (exact !== undefined) single.set(exact, Q_EXACT);
  const addPhrase = (ws: readonly string[], q: number): void => {
    const ids = ws.map((w) => vocab.id(w));
    if (ids.some((id) => id === undefined)) return;
    const ok = ids.filter((id): id is number => id !== undefined);
    const [first] = ok;
    if (ok.length === 1 && first !== undefined) putBest(single, first, q);
    else if (ok.length > 1) multi.push({ ids: ok, q });
  };
  // a multi-word expansion found whole is better evidence than its first word alone
  for (const alt of ALIASES[t] ?? []) addPhrase(alt, alt.length > 1 ? Q_ALIAS_PHRASE : Q_ALIAS);
  if (learnt?.kind === 'alias') addPhrase(learnt.words, Q_ALIAS);
  // a structural or serving word explains nothing and blocks nothing
  const silent = learnt !== undefined && (learnt.kind === 'structural' || learnt.kind === 'serving');
  const fuzzyOk = !token.number && !NOT_DRINK_WORDS.has(t);
  if (/^[a-z0-9]{2,6}$/.test(t) && !token.number)
    for (const p of index.initials.lookup(t)) addPhrase(p, Q_INITIALS);
  let openPrefix = false;
  if (fuzzyOk && (t.length >= 3 || (token.last && t.length >= 2))) {
    const ids = vocab.withPrefix(t, MAX_PREFIX_WORDS);
    // a last word that is itself a library word was probably not cut
    const lastQ = exact === undefined ? Q_PREFIX_LAST : Q_PREFIX_WHOLE;
    const q = token.last ? lastQ : t.length >= 4 ? Q_PREFIX : Q_PREFIX_SHORT;
    if (ids === null) openPrefix = true;
    else for (const id of ids) putBest(single, id, q);
  }
  if (fuzzyOk && (t.length >= 5 || (t.length === 4 && exact === undefined)))
    for (const id of vocab.typoNeighbours(t)) putBest(single, id, Q_TYPO);
  if (fuzzyOk && token.last && t.length >= 5 && exact === undefined) {
    // a typo in the word the till then cut short
    for (const id of vocab.typoNeighbours(t.slice(0, -1))) putBest(single, id, Q_TYPO * 0.9);
  }
  return {
    token,
    single,
    multi,
    openPrefix,
    skeleton:
      fuzzyOk && exact === undefined && !ALIASES[t] && t.length >= 3 && t.length <= 6 && /^[a-z]+$/.test(t),
    weight: optional || silent ? 0 : NEUTRAL.has(t) ? 0.35 : 1,
    optional: optional || silent,
    ...(learnt ? { learnt } : {}),
  };
}

const CODE_SHAPE = /^[a-z]{2,4}$/;

/**
 * Marks the first or last identity word as a till code when it has a code's shape and nothing in the library
 * or the lexicon reads it (family and department codes: `XRR`, `FB`). Cold, a code may stay unexplained
 * when the rest of the label names one wine with a strong margin (see decide.ts).
 */
export function markEdgeCodes(index: MatchIndex, query: QueryToken[]): void {
  const words = query.filter((q) => !q.optional);
  if (words.length < 2) return;
  // beside a single word, only a leading code or a trailing one of three or four consonants (a trailing unknown
  // word with a vowel may be the name itself)
  const last = words[words.length - 1];
  const consonants = /^[^aeiouy]{3,4}$/.test(last?.token.text ?? '');
  const edges = words.length === 2 && !consonants ? [words[0]] : [words[0], last];
  for (const q of edges) {
    const t = q?.token.text ?? '';
    if (!q || q.learnt || q.token.colour !== null || !CODE_SHAPE.test(t)) continue;
    if (index.vocab.id(t) !== undefined || ALIASES[t] || NOT_DRINK_WORDS.has(t)) continue;
    if (q.multi.length > 0 || index.initials.lookup(t).length > 0) continue;
    if (t.length >= 4 && index.vocab.typoNeighbours(t).length > 0) continue; // CDER: a word mistyped
    q.code = true;
  }
}
