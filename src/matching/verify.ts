// Evidence both ways: which label words a candidate explains, and which of its own words the label misses.
import { isSkeletonOf } from './fuzzy.ts';
import {
  COLOUR_WORDS,
  GENERIC_DRINK_WORDS,
  GENERIC_STYLE,
  NOT_DRINK_WORDS,
  SUBTYPE_WORDS,
  TYPE_WORDS,
} from './lexicon.ts';
import type { MatchIndex } from './matchIndex.ts';
import { normalise } from './normalise.ts';
import {
  F_APP,
  F_CORE,
  F_NEUTRAL,
  S_APPELLATION,
  S_CUVEE,
  S_NAME,
  S_PRODUCER,
  S_REGION,
  S_TYPE,
} from './profile.ts';
import { Q_ALIAS, Q_PREFIX, Q_PREFIX_LAST, Q_SKELETON, Q_TYPO, type QueryToken } from './query.ts';

/** An exact explanation beats a fuzzy one even when it leaves a candidate word or so unexplained. */
export const FUZZ_WEIGHT = 5;

export type Verdict = {
  entry: number;
  unexplained: number; // weighted label words nothing explains
  codes: number; // of which till codes at the label's edge (see markEdgeCodes)
  trailingCode: boolean; // the unexplained code is the last word and may be a name (a cuvée the library lacks)
  extras: number; // candidate words the label misses (core 1, neutral 1/2, appellation 1 when named)
  fuzz: number; // sum of (1 - quality) over explained words
  typoFuzz: number; // of which from fuzzy readings (prefix, typo, skeleton), not from hand aliases
  distinctive: boolean; // a producer/cuvée word (not style, colour, grape-like appellation word) was matched
  explained: number; // label words explained
  numberSeen: boolean; // the optional number (read as vintage) is one of the entry's words
  srcBits: number; // fields the explanations came from (see whyList)
  colourOk: boolean;
  rank: number;
};

const Q_TYPE = 0.9;

type Hit = { i: number; q: number };

/** Library word id → the label words (index in the query) it explains, with the quality. */
export function inverseQuery(query: readonly QueryToken[]): Map<number, Hit[]> {
  const inv = new Map<number, Hit[]>();
  query.forEach((qt, i) => {
    for (const [id, q] of qt.single) {
      const list = inv.get(id);
      if (list) list.push({ i, q });
      else inv.set(id, [{ i, q }]);
    }
  });
  return inv;
}

export function verify(
  index: MatchIndex,
  e: number,
  query: readonly QueryToken[],
  inverse: Map<number, Hit[]>,
  trace?: { unexplained: number[]; fuzzy: number[] },
): Verdict {
  const { flat } = index;
  const off = flat.start[e] ?? 0;
  const n = flat.len[e] ?? 0;
  const tok = flat.tok;
  const src = flat.src;
  const flag = flat.flag;
  const entry = index.entries[e];
  const words = index.vocab.words;
  const seen = buffer(n, 0);
  let unexplained = 0;
  let codes = 0;
  let trailingCode = false;
  let fuzz = 0;
  let typoFuzz = 0;
  let explained = 0;
  let distinctive = false;
  let numberSeen = false;
  let srcBits = 0;
  let colourOk = false;
  if (!entry) return empty(e);
  const typeWords = TYPE_WORDS[entry.type] ?? [];
  // reused scratch arrays: verify runs ~200 times per label, allocation would feed the GC
  const bestQ = buffer(query.length, 1);
  const bestAt = buffer(query.length, 2).fill(-1);
  // one lookup per candidate word gives every label word it explains (instead of words × label words)
  for (let j = 0; j < n; j++) {
    if (src[off + j] === S_REGION) continue; // tills name the appellation, not the region
    const id = tok[off + j] ?? -1;
    for (const h of inverse.get(id) ?? []) {
      if (h.q > (bestQ[h.i] ?? 0)) {
        bestQ[h.i] = h.q;
        bestAt[h.i] = j;
      }
    }
  }
  query.forEach((qt, i) => {
    if (!(qt.openPrefix || qt.skeleton) || (bestQ[i] ?? 0) >= 1) return;
    for (let j = 0; j < n; j++) {
      if (src[off + j] === S_REGION) continue;
      const q = onTheFly(qt, tok[off + j] ?? 0, words);
      if (q > (bestQ[i] ?? 0)) {
        bestQ[i] = q;
        bestAt[i] = j;
      }
    }
  });
  for (let i = 0; i < query.length; i++) {
    const qt = query[i];
    if (!qt) continue;
    let best = bestQ[i] ?? 0;
    let bestJ = bestAt[i] ?? -1;
    let bestMulti: number[] | null = null;
    for (const alt of qt.multi) {
      if (alt.q <= best) continue;
      const js = alt.ids.map((id) => slotOf(tok, off, n, id));
      if (js.every((j) => j >= 0)) {
        best = alt.q;
        bestJ = -1;
        bestMulti = js;
      }
    }
    const t = qt.token;
    // a colour word that contradicts the candidate's colour only counts when it is literally one of its words
    if (t.colour !== null && entry.colour !== null && entry.colour !== t.colour && best < Q_ALIAS) best = 0;
    if (t.colour !== null && entry.colour === t.colour && best < 1) {
      best = 1;
      bestJ = -1;
      bestMulti = null;
      colourOk = true;
    }
    // a family code learnt as a colour says nothing of a drink without one (a vermouth, a 0,0 % sparkling)
    // unless that drink names the colour ("Vermouth de Chambéry Rouge")
    if (best === 0 && t.colour !== null && entry.colour === null && qt.learnt?.kind === 'colour') {
      const j = slotOf(tok, off, n, index.vocab.id(normalise(t.colour)) ?? -1);
      if (j < 0) continue;
      best = 1;
      bestJ = j;
    }
    if (best === 0 && typeWordFits(t.text, entry.type, entry.subtype ?? null, typeWords)) best = Q_TYPE;
    if (best === 0) {
      unexplained += qt.weight;
      if (qt.code) codes += qt.weight;
      // three or four consonants (XWR, VRS) read as no name; a vowel or two letters (XB) may be a cuvée the library lacks
      if (qt.code && qt.token.last && !/^[^aeiouy]{3,4}$/.test(qt.token.text)) trailingCode = true;
      trace?.unexplained.push(i);
      continue;
    }
    if (qt.optional && !qt.learnt) numberSeen = true;
    if (best < Q_ALIAS) trace?.fuzzy.push(i);
    explained++;
    fuzz += 1 - best;
    if (best < Q_ALIAS) typoFuzz += 1 - best;
    let js: readonly number[] = NO_SLOTS;
    if (bestMulti) js = bestMulti;
    else if (bestJ >= 0) {
      oneSlot[0] = bestJ;
      js = oneSlot;
    }
    for (const j of js) {
      seen[j] = 1;
      const f = flag[off + j] ?? 0;
      srcBits |= src[off + j] ?? 0;
      const w = words[tok[off + j] ?? 0] ?? '';
      const plain =
        GENERIC_STYLE.has(w) ||
        COLOUR_WORDS.has(w) ||
        GENERIC_DRINK_WORDS.has(t.text) ||
        NOT_DRINK_WORDS.has(t.text);
      if (f & F_CORE && !plain && best >= Q_TYPO) distinctive = true;
    }
  }
  let extras = 0;
  let appSeen = false;
  for (let j = 0; j < n; j++) if (seen[j] && (flag[off + j] ?? 0) & F_APP) appSeen = true;
  for (let j = 0; j < n; j++) {
    if (seen[j]) continue;
    const f = flag[off + j] ?? 0;
    if (f & F_CORE) extras += 1;
    else if (f & F_NEUTRAL) extras += 0.5;
    else if (f & F_APP && appSeen) extras += 1;
  }
  const sparklingRose = (entry.type === 'champagne' || entry.type === 'sparkling') && entry.colour === 'rosé';
  if (sparklingRose && !query.some((qt) => qt.token.colour === 'rosé' || qt.token.text === 'rose'))
    extras += 1;
  if (flat.generic[e])
    distinctive = distinctive || query.some((qt) => !GENERIC_DRINK_WORDS.has(qt.token.text));
  // an unexplained label word outweighs any number of missing candidate words (closed-world reading)
  const rank = -8 * unexplained - extras - FUZZ_WEIGHT * fuzz;
  return {
    entry: e,
    unexplained,
    codes,
    trailingCode,
    extras,
    fuzz,
    typoFuzz,
    distinctive,
    explained,
    numberSeen,
    srcBits,
    colourOk,
    rank,
  };
}

/** "VODKA" fits a vodka, not a gin; "BIERE" fits any beer; "CALVA" fits calvados. */
function typeWordFits(
  word: string,
  type: string,
  subtype: string | null,
  typeWords: readonly string[],
): boolean {
  const sub = subtype === null ? '' : normalise(subtype);
  if (sub !== '' && sub.startsWith(word)) return true;
  if (!typeWords.includes(word)) return false;
  const specific = type === 'spirit' || type === 'fortified';
  return !specific || sub === '' || !SUBTYPE_WORDS.has(word);
}

/** Slot of a word id within an entry's slice, -1 when absent. */
function slotOf(tok: Int32Array, off: number, n: number, id: number): number {
  for (let j = 0; j < n; j++) if (tok[off + j] === id) return j;
  return -1;
}

/** Prefix or skeleton reading of a candidate word, remembered per label word (candidates share many words). */
function onTheFly(qt: QueryToken, id: number, words: readonly string[]): number {
  const memo = (qt.onTheFly ??= new Map<number, number>());
  const known = memo.get(id);
  if (known !== undefined) return known;
  const q = prefixOrSkeleton(qt, words[id] ?? '');
  memo.set(id, q);
  return q;
}

function prefixOrSkeleton(qt: QueryToken, w: string): number {
  const t = qt.token.text;
  if (qt.openPrefix && w.length > t.length && w.startsWith(t))
    return qt.token.last ? Q_PREFIX_LAST : Q_PREFIX;
  if (qt.skeleton && isSkeletonOf(t, w)) return Q_SKELETON;
  return 0;
}

export function whyList(bits: number, colour: boolean): string[] {
  const out: string[] = [];
  if (bits & S_PRODUCER) out.push('producer');
  if (bits & S_CUVEE) out.push('cuvee');
  if (bits & S_APPELLATION) out.push('appellation');
  if (bits & S_NAME && !(bits & (S_PRODUCER | S_CUVEE))) out.push('name');
  if (bits & S_REGION) out.push('region');
  if (bits & S_TYPE) out.push('type');
  if (colour) out.push('colour');
  return out;
}

function empty(e: number): Verdict {
  return {
    entry: e,
    unexplained: 99,
    codes: 0,
    trailingCode: false,
    extras: 99,
    fuzz: 0,
    typoFuzz: 0,
    distinctive: false,
    explained: 0,
    numberSeen: false,
    srcBits: 0,
    colourOk: false,
    rank: -1e9,
  };
}

const NO_SLOTS: readonly number[] = [];
const oneSlot: number[] = [0];

const scratch: Float64Array[] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];

/** Zeroed scratch array k of at least len slots (label words and entry words are few: 64 is plenty). */
function buffer(len: number, k: number): Float64Array {
  let b = scratch[k] ?? new Float64Array(64);
  if (b.length < len) b = new Float64Array(len * 2);
  scratch[k] = b;
  return b.fill(0, 0, len);
}
