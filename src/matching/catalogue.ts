// Unsupervised: a till's whole catalogue teaches its own structural words and what they mean.
import type { CatalogueProfile, Knowledge, LearntWord, WordMeaning } from './knowledge.ts';
import { ALIASES, GENERIC_DRINK_WORDS, NOT_DRINK_WORDS, TYPE_WORDS } from './lexicon.ts';
import { match } from './match.ts';
import type { MatchIndex } from './matchIndex.ts';
import { parseLabel } from './parse.ts';
import type { Colour, ParsedLabel } from './types.ts';

/** A till word recurs on at least this many labels (and this share of the catalogue) of different wines. */
const MIN_LABELS = 3;
const MIN_SHARE = 0.004;
/** … and stands at the start or the end of the identity this often. */
const EDGE_SHARE = 0.8;
/** Labels re-read without the word to find what it means. */
const SAMPLE = 40;
/** Agreement needed for a colour or an abbreviation reading (else the word is only structural). */
const AGREE = 0.9;

const TYPE_WORD_SET = new Set(Object.values(TYPE_WORDS).flat());

/** A library word this rare (a name on one or two entries) may also be a till's code (`SVS` and `SVS LM`)… */
const RARE_DF = 2;
/** … when the catalogue writes it this many times more often than the library holds it. */
const RARE_FACTOR = 10;

/**
 * No hand alias, learnt initials or French drink/menu word explains it, and no library word does, or only a rare
 * one: how many entries hold it (0 when none), -1 when the word is no till word.
 */
function libraryDf(index: MatchIndex, w: string): number {
  if (w.length < 2 || /\d/.test(w)) return -1;
  if (ALIASES[w] || index.initials.lookup(w).length > 0) return -1;
  if (NOT_DRINK_WORDS.has(w) || GENERIC_DRINK_WORDS.has(w) || TYPE_WORD_SET.has(w)) return -1;
  const id = index.vocab.id(w);
  const df = id === undefined ? 0 : (index.vocab.df[id] ?? 0);
  return df <= RARE_DF ? df : -1;
}

type Seen = { n: number; edge: number; df: number; rests: Set<string>; labels: string[] };

function isAbbreviation(short: string, word: string): boolean {
  if (word.length <= short.length || short[0] !== word[0]) return false;
  let j = 0;
  for (const c of word) if (c === short[j]) j++;
  return j === short.length;
}

/** What re-reading the word's labels without it says: a colour, an abbreviation, or only structure. */
function meaningOf(index: MatchIndex, w: string, labels: readonly string[], now: Date): WordMeaning {
  const silent: LearntWord = { kind: 'structural', source: 'catalogue' };
  const knowledge: Knowledge = { words: new Map([[w, silent]]), labels: new Map(), refused: new Set() };
  const colours = new Map<Colour | null, number>();
  const longer = new Map<string, number>();
  let confident = 0;
  for (const label of labels) {
    const a = match(index, label, { now, knowledge, limit: 1 });
    const top = a.candidates[0];
    const at = top && a.decision !== 'non' ? index.position(top.id) : undefined;
    const e = at === undefined ? undefined : index.entryAt(at);
    if (at === undefined || !e) continue;
    confident++;
    colours.set(e.colour, (colours.get(e.colour) ?? 0) + 1);
    const ws = new Set((index.profiles[at]?.tok ?? []).map((id) => index.vocab.words[id] ?? ''));
    for (const x of ws) if (w.length >= 3 && isAbbreviation(w, x)) longer.set(x, (longer.get(x) ?? 0) + 1);
  }
  if (confident < MIN_LABELS) return { kind: 'structural' };
  for (const [x, n] of longer) if (n >= AGREE * confident) return { kind: 'alias', words: [x] };
  for (const [c, n] of colours)
    if (c !== null && n >= AGREE * confident) return { kind: 'colour', colour: c };
  return { kind: 'structural' };
}

/** Learns the till's structural words from its catalogue (labels only, no answers). */
export function learnCatalogue(
  index: MatchIndex,
  labels: readonly string[],
  now: Date = new Date(),
): CatalogueProfile {
  const seen = new Map<string, Seen>();
  for (const label of labels) {
    const parsed: ParsedLabel = parseLabel(label, now);
    const ts = parsed.tokens;
    ts.forEach((t, i) => {
      if (t.number || t.colour !== null) return;
      const df = libraryDf(index, t.text);
      if (df < 0) return;
      const s = seen.get(t.text) ?? { n: 0, edge: 0, df, rests: new Set<string>(), labels: [] };
      s.n++;
      if (i === 0 || i === ts.length - 1) s.edge++;
      if (s.rests.size < 50)
        s.rests.add(
          ts
            .filter((_, j) => j !== i)
            .map((x) => x.text)
            .join(' '),
        );
      if (s.labels.length < SAMPLE) s.labels.push(label);
      seen.set(t.text, s);
    });
  }
  const min = Math.max(MIN_LABELS, Math.ceil(MIN_SHARE * labels.length));
  const words: Record<string, WordMeaning> = {};
  for (const [w, s] of seen) {
    if (s.n < Math.max(min, RARE_FACTOR * s.df) || s.rests.size < MIN_LABELS || s.edge < EDGE_SHARE * s.n)
      continue;
    words[w] = meaningOf(index, w, s.labels, now);
  }
  return { labels: labels.length, words };
}
