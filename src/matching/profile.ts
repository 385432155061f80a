// What each library entry offers a label: its words, which field they come from, and how much a
// missing one counts (core words 1, Château/Domaine 1/2, appellation words only when the label names it).
import { COLOUR_WORDS, STOPWORDS } from './lexicon.ts';
import { identityWords } from './normalise.ts';
import type { LibraryEntry } from './types.ts';
import type { Vocab } from './vocab.ts';

export const F_CORE = 1;
export const F_NEUTRAL = 2;
export const F_APP = 4;
const F_EXPLAIN = 8; // explains a label word, never missed

export const S_PRODUCER = 1;
export const S_CUVEE = 2;
export const S_APPELLATION = 4;
export const S_NAME = 8;
export const S_REGION = 16;
export const S_TYPE = 32;

/** Plain arrays: 100,000 entries × 3 typed arrays cost more to allocate than they save. */
export type Profile = { tok: number[]; flag: number[]; src: number[]; generic: boolean };

/** Library spellings reduced to one canonical word. */
const LIB_CANON: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  '1er': 'premier',
  '1ere': 'premiere',
  gd: 'grand',
  grd: 'grand',
  ch: 'chateau',
  cht: 'chateau',
  chat: 'chateau',
  dom: 'domaine',
  dne: 'domaine',
  n: 'no',
  nr: 'no',
  mgnm: 'magnum',
};
const NOT_CORE = new Set([
  'chateau',
  'domaine',
  'maison',
  'cuvee',
  'the',
  'champagne',
  'brut',
  'vin',
  'wine',
]);
const HALF_COST = new Set(['chateau', 'domaine', 'maison', 'cuvee']);

/** Producer, appellation and region strings repeat across entries: normalise each once. */
const tokenCache = new Map<string, readonly string[]>();
const TOKEN_CACHE_MAX = 200_000;

function libraryTokens(text: string | null | undefined, cache = true): readonly string[] {
  if (!text) return [];
  if (!cache) return tokensOf(text);
  const hit = tokenCache.get(text);
  if (hit) return hit;
  const out = tokensOf(text);
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
  tokenCache.set(text, out);
  return out;
}

function tokensOf(text: string): string[] {
  return identityWords(text)
    .map((w) => LIB_CANON[w] ?? w)
    .filter((w) => !STOPWORDS.has(w));
}

export function buildProfile(e: LibraryEntry, vocab: Vocab): Profile {
  const name = libraryTokens(e.name, false); // names are mostly unique: not worth caching
  const prod = libraryTokens(e.producer);
  const cuv = libraryTokens(e.cuvee);
  const app = libraryTokens(e.appellation).filter((w) => !COLOUR_WORDS.has(w));
  const prodVisible = prod.length > 0 && prod.every((w) => name.includes(w));
  const words = [...(prodVisible ? prod : []), ...cuv, ...name.filter((w) => !app.includes(w))];
  let core = words.filter((w) => !COLOUR_WORDS.has(w) && !NOT_CORE.has(w));
  let appCore: readonly string[] = app;
  if (core.length === 0) {
    core = app;
    appCore = [];
  }
  // small arrays beat Maps here: an entry has about ten words and there may be 100,000 entries
  const list: string[] = [];
  const flag: number[] = [];
  const src: number[] = [];
  const put = (w: string, f: number, s: number): void => {
    let i = list.indexOf(w);
    if (i < 0) {
      i = list.push(w) - 1;
      flag.push(0);
      src.push(0);
    }
    flag[i] = (flag[i] ?? 0) | f;
    src[i] = (src[i] ?? 0) | s;
  };
  for (const w of core) put(w, F_CORE, 0);
  for (const w of words) if (HALF_COST.has(w)) put(w, F_NEUTRAL, 0);
  for (const w of appCore) put(w, F_APP, 0);
  for (const w of prod) put(w, F_EXPLAIN, S_PRODUCER);
  for (const w of cuv) put(w, F_EXPLAIN, S_CUVEE);
  for (const w of app) put(w, F_EXPLAIN, S_APPELLATION);
  for (const w of name) put(w, F_EXPLAIN, S_NAME);
  for (const w of libraryTokens(e.region)) put(w, F_EXPLAIN, S_REGION);
  for (const w of libraryTokens(e.subtype)) put(w, F_EXPLAIN, S_TYPE);
  if (e.type === 'champagne') put('champagne', F_EXPLAIN, S_TYPE);
  return {
    tok: list.map((w) => vocab.intern(w)),
    // a word both core and appellation is core
    flag: flag.map((f) => (f & F_CORE ? f & ~F_APP : f)),
    src,
    generic: !e.producer && !e.cuvee,
  };
}
