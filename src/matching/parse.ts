// Label parser: serving, size, vintage and colour come off the ends; the rest is the identity.
import { COLOUR_WORDS_TYPED, toLabelTokens } from './labelTokens.ts';
import {
  isNonVintage,
  readBareSize,
  readBottleNumber,
  readPourSize,
  readSize,
  readVintage,
} from './parseNumbers.ts';
import { servingByShape, splitGlued } from './shapes.ts';
import {
  AGE_WORDS,
  DRAUGHT_CONTEXT,
  MAX_BARE_GLASS_CL,
  NAME_NUMBER_CONTEXT,
  SERVING_WORDS,
  SIZE_CONTEXT,
  SUFFIX_SERVING,
  VINTAGE_MARKERS,
  type ServingWord,
} from './servingWords.ts';
import { normalise, stripAccents } from './normalise.ts';
import type { Colour, ParsedLabel, Serving } from './types.ts';

/** Till item names are short; anything longer is cut before any work (hostile input). */
export const MAX_LABEL_CHARS = 160;
const MAX_TOKENS = 32;
const CONTAINERS = new Set<Serving>(['bottle', 'half', 'magnum']);

type State = {
  serving: Serving | null;
  servingCl: number | null;
  servingWord: string | null;
  formatCl: number | null;
  vintage: number | null;
  vintageToken: string | null;
  nonVintage: boolean;
  used: boolean[];
  sizes: number[];
};

function surfaceTokens(label: string): string[] {
  const s = stripAccents(label.slice(0, MAX_LABEL_CHARS).replace(/½/g, ' 1/2 '))
    .toUpperCase()
    .replace(/\bBAG\W*IN\W*BOX\b/g, 'BIB')
    .replace(/[^\x20-\x7E]/g, ' ')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/\b(\d+)\s*CL\s*(\d)\b/g, '$1.$2CL') // 37CL5
    .replace(/\b([A-Z]{2,})((?:19|20)\d\d)\b/g, '$1 $2') // MARGAUX2015: a year glued to a word
    .replace(/(?<![\d.])(\d+(?:\.\d+)?)\s+(CL|ML|L)\b(?!')/g, '$1$2') // 75 CL (not "2020 L'INITIAL")
    .replace(/\b1\/2[\s./]*SEC\b/g, 'DEMI SEC') // 1/2 SEC is demi-sec, not a half bottle
    .replace(/\b([A-Z])\.(?=[A-Z]\b\.?)/g, '$1') // V.V. → VV
    .replace(/(?<!\d)(?<!\d\.)(\d{2}|\d{4})\.(\d{1,3}(?:\.\d{1,2})?)(CL|ML|L)?\b(?!\.\d)/g, splitDotted)
    .replace(/(\d)\.(?=1\/2\b)/g, '$1 ') // 2014.1/2: a vintage and a half bottle joined by a dot
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/\bV (?=(?:ROUGE|BLANC|ROSE|RGE|BLC|RSE)S?\b)/g, 'VIN ') // V. ROUGE, a family: vin rouge
    .replace(/\/{2,}(?=['`’]?\d)/g, ' /') // CORNAS//20: a slash joining words, then a slash marking the year
    .split(' ')
    .map(splitSlashes)
    .join(' ')
    .replace(/(?<![\d.])(\d+(?:\.\d+)?)\s+(CL|ML|L)\b(?!')/g, '$1$2') // 75.CL once the dots are spaces
    .replace(/[^A-Z0-9'/&%.]+/g, ' ');
  return s
    .split(' ')
    .slice(0, MAX_TOKENS * 2)
    .flatMap(splitGlued)
    .filter((t) => t !== '' && t !== "'" && t !== '/')
    .slice(0, MAX_TOKENS);
}

/**
 * Words joined by slashes (CH/MARGAUX, 2020/150CL, 16/0.75L) are split; a fraction (1/2) and a pair of single
 * letters (S/M, S/A) stay whole, and a leading slash stays the vintage mark it is (/15).
 */
function splitSlashes(chunk: string): string {
  const parts = chunk.split('/');
  if (parts.length < 2) return chunk;
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[i - 1] ?? '';
    const cur = parts[i] ?? '';
    // the half (1/2) and the quarter (1/4) are the fractions a till writes: MARCEAU/3/1/2 is cuvée 3, a half
    const pair =
      prev === '1' && /^[24](?![\d.])/.test(cur) ? true : /^[A-Z]$/.test(prev) && /^[A-Z]$/.test(cur);
    out += prev === '' || cur === '' || pair ? `/${cur}` : ` ${cur}`;
  }
  return out;
}

/** Decimal sizes a till really writes with two decimals. */
const TWO_DECIMAL_SIZES = new Set(['37.50', '18.75', '12.50']);

/** `19.75CL`, `2020.150CL`, `16.0.75L`, `19.75`, `2024.37.5`: a vintage and a size joined by a dot; `37.5CL` stays a size. */
function splitDotted(all: string, a: string, b: string, unit: string | undefined): string {
  const bareBottle = unit === undefined && readBareSize(b) !== null; // 2024.37.5, 19.75
  if (unit === undefined && !bareBottle) return all;
  // 18.75CL is a size; a bare 18.75 in a dotted label is a year and a bottle (CH.X.18.75)
  if (a.length === 2 && (/^\d$/.test(b) || (unit !== undefined && TWO_DECIMAL_SIZES.has(`${a}.${b}`))))
    return all;
  return `${a} ${b}${unit ?? ''}`;
}

function servingAt(toks: readonly string[], i: number): ServingWord | null {
  const t = toks[i] ?? '';
  const next = toks[i + 1];
  if (t === 'DEMI' || t === '1/2') {
    if (next === 'SEC') return null;
    const draught = toks.some((x) => DRAUGHT_CONTEXT.has(x));
    return draught ? { serving: 'glass', formatCl: 25, draught: true } : { serving: 'half', formatCl: 37.5 };
  }
  return servingByShape(t);
}

function setServing(st: State, w: ServingWord, word: string): void {
  const upgrade = st.serving === 'bottle' && (w.serving === 'half' || w.serving === 'magnum');
  if (st.serving === null || upgrade) {
    st.serving = w.serving;
    st.servingCl = w.formatCl;
    st.servingWord = word;
  }
}

/** A number after MENU, PICHET, CUVEE... is a price, a size or a name, not a vintage. */
function vintageContextOk(toks: readonly string[], i: number): boolean {
  const prev = toks[i - 1] ?? '';
  const t = toks[i] ?? '';
  if (/^['`’/]\d\d$/.test(t)) return true; // the apostrophe or slash marks a year ("PINOT N '20", "CUVEE /20")
  return /^\d{4}$/.test(t) ? !NAME_NUMBER_CONTEXT.has(prev) : !SIZE_CONTEXT.has(prev);
}

function isColourWord(t: string): boolean {
  return COLOUR_WORDS_TYPED.has(t.toLowerCase());
}

function isQuantity(t: string): boolean {
  return /^(X\d{1,2}|\d{1,2}X)$/.test(t);
}

/** Letters only, 2 to 4 of them: the shape of a till's family or department code. */
function isCodeShaped(t: string): boolean {
  return /^[A-Z]{2,4}$/i.test(t) && !isColourWord(t);
}

/** The word at the edge is a code when the next one in is notation (a serving word, a size or a vintage; not an age, nor 00, the tills' 0,0 %). */
function edgeCodeBefore(
  toks: readonly string[],
  edge: string,
  j: number | undefined,
  now: Date,
  fromStart: boolean,
): boolean {
  if (j === undefined) return false;
  const n = toks[j] ?? '';
  return (
    isCodeShaped(edge) &&
    (servingAt(toks, j) !== null ||
      readSize(n) !== null ||
      (!fromStart && readBareSize(n) !== null) ||
      (readVintage(n, now) !== null &&
        (!/^\d{2}$/.test(n) || (fromStart ? !ageFollows(toks, j) : n !== '00' && !AGE_WORDS.has(edge)))))
  );
}

/** "10 YEAR", "12 ANS": the number before an age unit is no vintage. */
function ageFollows(toks: readonly string[], j: number): boolean {
  return AGE_WORDS.has(toks[j + 1] ?? '');
}

/** Consumes serving/size/vintage words from one end; colour words are stepped over but kept. */
function walk(
  toks: readonly string[],
  st: State,
  order: number[],
  now: Date,
  fromStart: boolean,
  learnt: (word: string) => boolean,
): void {
  let steppedOver = 0;
  for (const [k, i] of order.entries()) {
    if (st.used[i]) continue;
    const t = toks[i] ?? '';
    const sw = fromStart || SUFFIX_SERVING.has(t) || !(t in SERVING_WORDS) ? servingAt(toks, i) : null;
    const size = readSize(t);
    if (sw) {
      setServing(st, sw, t);
      st.used[i] = true;
      const next = toks[i + 1];
      const pour = next !== undefined && fromStart ? readPourSize(next) : null;
      const pourOk =
        pour !== null && (sw.serving === 'carafe' || (sw.serving === 'glass' && pour <= MAX_BARE_GLASS_CL));
      // a magnum or a half is its own size: MAGNUM 3 LES CELLIER names cuvée 3, not a 3 l bottle
      const read = next !== undefined && CONTAINERS.has(sw.serving) ? readBottleNumber(next) : null;
      const bottle = read !== null && sw.formatCl !== null && read !== sw.formatCl ? null : read;
      if ((pourOk || bottle !== null) && st.formatCl === null && !st.used[i + 1]) {
        st.formatCl = pourOk ? pour : bottle;
        st.used[i + 1] = true;
      }
    } else if (size !== null) {
      st.sizes.push(size);
      st.formatCl ??= size;
      st.used[i] = true;
    } else if (!fromStart && st.formatCl === null && readBareSize(t) !== null) {
      st.formatCl = readBareSize(t);
      st.used[i] = true;
    } else if (isNonVintage(t)) {
      st.nonVintage = true;
      if (t !== 'SM') st.used[i] = true;
    } else if (st.vintage === null && readVintage(t, now) && vintageContextOk(toks, i)) {
      st.vintage = readVintage(t, now)?.year ?? null;
      st.vintageToken = t.replace(/^['/`’]/, '');
      st.used[i] = true;
    } else if (
      VINTAGE_MARKERS.has(t) &&
      (readVintage(toks[i + 1] ?? '', now) || (i === toks.length - 1 && readVintage(toks[i - 1] ?? '', now)))
    ) {
      st.used[i] = true; // "MILLESIME 2015": the marker goes with the vintage
    } else if (isQuantity(t) || (fromStart && /^\d{1,2}$/.test(t) && servingAt(toks, i + 1) !== null)) {
      st.used[i] = true;
    } else if ((isColourWord(t) || learnt(t.toLowerCase())) && steppedOver < 1) {
      steppedOver++;
    } else if (/^VINS?$/.test(t) && isColourWord(toks[fromStart ? i + 1 : i - 1] ?? '') && steppedOver < 1) {
      // VIN ROUGE, VINS BLANCS: a family name, stepped over with its colour word
    } else if (k === 0 && edgeCodeBefore(toks, t, order[1], now, fromStart)) {
      // a till's family code at the very edge ("XRR VERRE ..."): kept as a word, the notation behind it is read
    } else {
      return;
    }
  }
}

/** Sizes and four-digit vintages written in the middle of a label. */
function middle(toks: readonly string[], st: State, now: Date): void {
  toks.forEach((t, i) => {
    if (st.used[i]) return;
    const size = readSize(t);
    if (size !== null) {
      st.sizes.push(size);
      st.formatCl ??= size;
      st.used[i] = true;
    } else if (t === '1/2' && toks[i + 1] !== 'SEC') {
      setServing(st, { serving: 'half', formatCl: 37.5 }, t);
      st.used[i] = true;
    } else if (st.vintage === null && /^\d{4}$/.test(t) && readVintage(t, now)) {
      if (NAME_NUMBER_CONTEXT.has(toks[i - 1] ?? '')) return;
      st.vintage = Number(t);
      st.vintageToken = t;
      st.used[i] = true;
    }
  });
}

/** Size and serving imply each other when only one is written. */
function settleServing(st: State): void {
  // "VER BIB 5L ... 12CL": a glass is the small size
  if (st.serving === 'glass' && st.sizes.length > 1) st.formatCl = Math.min(...st.sizes);
  if (st.formatCl === null) st.formatCl = st.servingCl;
  const f = st.formatCl;
  if (f === null) return;
  if (st.serving === null)
    st.serving = f === 37.5 ? 'half' : f === 150 ? 'magnum' : f < 20 ? 'glass' : 'bottle';
  else if (st.serving === 'bottle' && f === 37.5) st.serving = 'half';
  else if (st.serving === 'bottle' && f === 150) st.serving = 'magnum';
}

const EFFERVESCENT: readonly [RegExp, string][] = [
  [/\bextra brut\b/, 'extra brut'],
  [/\bbrut nature\b|\bzero dosage\b|\bdosage zero\b/, 'brut nature'],
  [/\bbrut\b/, 'brut'],
  [/\bbdb\b|\bblanc de blancs?\b|\bbl de bl\b/, 'blanc de blancs'],
  [/\bbdn\b|\bblanc de noirs?\b/, 'blanc de noirs'],
  [/\bdemi sec\b|\b1 2 sec\b/, 'demi-sec'],
];

/** `learnt`: till words taught by lessons or the catalogue (a family code), stepped over like colour words. */
export function parseLabel(
  label: string,
  now: Date = new Date(),
  learnt: (word: string) => boolean = () => false,
): ParsedLabel {
  const raw = label.slice(0, MAX_LABEL_CHARS);
  const toks = surfaceTokens(raw);
  const st: State = {
    serving: null,
    servingCl: null,
    servingWord: null,
    formatCl: null,
    vintage: null,
    vintageToken: null,
    nonVintage: false,
    sizes: [],
    used: toks.map(() => false),
  };
  const idx = toks.map((_, i) => i);
  walk(toks, st, idx, now, true, learnt);
  walk(toks, st, [...idx].reverse(), now, false, learnt);
  middle(toks, st, now);
  settleServing(st);
  const rest = toks.filter((_, i) => !st.used[i]).join(' ');
  const tokens = toLabelTokens(rest);
  const colour: Colour | null = tokens.find((t) => t.colour !== null)?.colour ?? null;
  const text = normalise(rest);
  return {
    raw,
    normalised: normalise(raw),
    serving: st.serving,
    servingWord: st.servingWord,
    formatCl: st.formatCl,
    vintage: st.vintage,
    nonVintage: st.nonVintage,
    vintageToken: st.vintageToken,
    colour,
    effervescent: EFFERVESCENT.filter(([re]) => re.test(text)).map(([, hint]) => hint),
    identityText: tokens
      .filter((t) => t.colour === null)
      .map((t) => t.text)
      .join(' '),
    tokens,
  };
}
