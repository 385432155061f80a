// Till notation recognised by its shape: serving-word shortenings and words glued to numbers or marks.
import { SERVING_WORDS, VINTAGE_MARKERS, type ServingWord } from './servingWords.ts';
import { toLabelTokens } from './labelTokens.ts';
import { readSize, readVintage } from './parseNumbers.ts';
import type { ParsedLabel } from './types.ts';

/** Full serving words whose shortenings a till may use (BOUT, BTLLE, VRR, CRFE, PCHT, MGNM…). */
const FULL_SERVING: readonly [string, ServingWord][] = [
  ['BOUTEILLE', { serving: 'bottle', formatCl: null }],
  ['VERRE', { serving: 'glass', formatCl: null }],
  ['CARAFE', { serving: 'carafe', formatCl: null }],
  ['PICHET', { serving: 'carafe', formatCl: null }],
  ['MAGNUM', { serving: 'magnum', formatCl: 150 }],
  ['FILLETTE', { serving: 'half', formatCl: 37.5 }],
  ['CANETTE', { serving: 'can', formatCl: null }],
];
const VOWELS = /[AEIOUY]/;

function isSubsequence(short: string, full: string): boolean {
  let j = 0;
  for (const c of full) if (c === short[j]) j++;
  return j === short.length;
}

/** The consonant skeleton of a full word ("BTLL" of BOUTEILLE), holding its first two consonants. */
function isSkeleton(t: string, full: string): boolean {
  if (t.length < 3 || t[0] !== full[0]) return false;
  const body = t.endsWith('E') ? t.slice(1, -1) : t.slice(1);
  if (body === '' || VOWELS.test(body)) return false;
  const second = [...full.slice(1)].find((c) => !VOWELS.test(c));
  return body[0] === second && isSubsequence(t, full);
}

const shapeCache = new Map<string, ServingWord | null>();

/** A serving word from the list, or a shortening of a full serving word by prefix (≥ 4) or skeleton. */
export function servingByShape(t: string): ServingWord | null {
  const listed = SERVING_WORDS[t];
  if (listed) return listed;
  if (t.length < 3 || t.length > 9 || !/^[A-Z]+$/.test(t)) return null;
  const cached = shapeCache.get(t);
  if (cached !== undefined) return cached;
  let found: ServingWord | null = null;
  for (const [full, w] of FULL_SERVING) {
    const prefix = t.length >= 4 && full.startsWith(t);
    if (prefix || isSkeleton(t, full)) {
      found = w;
      break;
    }
  }
  if (shapeCache.size < 10_000) shapeCache.set(t, found);
  return found;
}

const GLUED_NUMBER = /^((?:[A-Z]')?[A-Z]+)(['/`’:#]?)(\d{1,4}(?:\.\d{1,3})?)(CL|ML|LTR|LT|L|C)?$/;
const SIZE_THEN_WORD = /^(\d{1,4}(?:\.\d{1,3})?(?:CL|ML|L))([A-Z]{2,})$/;
const NUMBER_THEN_SERVING = /^(\d{1,3}(?:\.\d)?|1\/2)([A-Z]{2,})$/;

/**
 * Splits a word glued to a number: a serving code and its size (VRE12, BTL75CL, 12CLVRE, 1/2BTL), a vintage
 * behind a mark or a word (MILL15, MARGAUX'15, MARGAUX2015), a word and its size (MARGAUX75CL).
 */
export function splitGlued(t: string): string[] {
  if (/^[A-Z']+$/.test(t) || /^[\d./'`’]+$/.test(t) || readSize(t) !== null) return [t];
  const m = GLUED_NUMBER.exec(t);
  if (m) {
    const [, word = '', mark = '', digits = '', unit = ''] = m;
    const letters = word.replace(/^[A-Z]'/, ''); // D'ARGENCE21: the elided article is not the word
    if (unit !== '') return word.length >= 2 ? [word, digits + unit] : [t];
    if (servingByShape(word) || VINTAGE_MARKERS.has(word)) return [word, digits];
    // short letter-digit groups are codes (B16, VZ19); a year glued to a real word is split
    const yearShaped = digits.length === 4 ? letters.length >= 2 : digits.length === 2 && letters.length >= 4;
    // gluing is itself the mark: VENTOUX21 reads like VENTOUX '21 (a vintage even next to a code)
    if (yearShaped || (mark !== '' && (digits.length === 2 || digits.length === 4)))
      return [word, mark === '' && digits.length === 2 ? `'${digits}` : `${mark}${digits}`];
    return [t];
  }
  const s = SIZE_THEN_WORD.exec(t);
  if (s?.[1] && s[2]) return [s[2], s[1]];
  const n = NUMBER_THEN_SERVING.exec(t);
  if (n?.[1] && n[2] && (servingByShape(n[2]) || n[1] === '1/2'))
    return n[1] === '1/2' ? [n[1], n[2]] : [n[2], n[1]];
  return [t];
}

const SHORT_GLUED_YEAR = /^([a-z]{2,3}|1er)(\d{2})$/;

/**
 * A two-digit year glued to a short word the library reads (CDR20, GC04, CRU19, 1ER18): the parser alone keeps
 * such groups whole (B16, BDN18 are names), `known` tells which are library or lexicon words.
 */
export function readShortGluedYear(
  parsed: ParsedLabel,
  now: Date,
  known: (word: string) => boolean,
): ParsedLabel {
  if (parsed.vintage !== null) return parsed;
  const at = parsed.tokens.findIndex((t) => {
    const m = SHORT_GLUED_YEAR.exec(t.text);
    return m?.[1] && m[2] && !known(t.text) && known(m[1]) && readVintage(m[2], now) !== null;
  });
  const m = SHORT_GLUED_YEAR.exec(parsed.tokens[at]?.text ?? '');
  if (!m?.[1] || !m[2]) return parsed;
  const word = m[1];
  const tokens = toLabelTokens(parsed.tokens.map((t, i) => (i === at ? word : t.text)).join(' '));
  return {
    ...parsed,
    vintage: readVintage(m[2], now)?.year ?? null,
    vintageToken: m[2],
    tokens,
    colour: parsed.colour ?? tokens.find((t) => t.colour !== null)?.colour ?? null,
    identityText: tokens
      .filter((t) => t.colour === null)
      .map((t) => t.text)
      .join(' '),
  };
}
