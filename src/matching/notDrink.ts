import {
  DISH_QUALIFIERS,
  GENERIC_DRINK_WORDS,
  NOT_DRINK_FAMILY_WORDS,
  NOT_DRINK_WORDS,
  SUBTYPE_WORDS,
  TYPE_WORDS,
} from './lexicon.ts';
import { words } from './normalise.ts';
import { parseLabel } from './parse.ts';

/** Why a till product looks like no drink: its family files food or services, or its label names a dish. */
export type NotDrinkReason = 'family' | 'label';

const singular = (w: string): string => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w);

/**
 * Words that name a drink. A word that also names food or a hot drink (café, citron pressé), or that qualifies
 * a dish as well as a drink (maison, orange, thé), is no evidence.
 */
const DRINK_WORDS = new Set(
  [...Object.values(TYPE_WORDS).flat(), ...SUBTYPE_WORDS, ...GENERIC_DRINK_WORDS].filter(
    (w) => !NOT_DRINK_WORDS.has(w) && !DISH_QUALIFIERS.has(w),
  ),
);

const hasDrinkWord = (ws: string[]): boolean =>
  ws.some((w) => DRINK_WORDS.has(w) || DRINK_WORDS.has(singular(w)));

/** A family name such as "PLATS", "DESSERTS" or "BOISSONS CHAUDES"; never one that names a drink too. */
export function isNotDrinkFamily(family: string | null): boolean {
  if (!family) return false;
  const ws = words(family);
  return !hasDrinkWord(ws) && ws.some((w) => NOT_DRINK_FAMILY_WORDS.has(singular(w)));
}

/**
 * Whether a till product looks like no drink, and why; null when it may be one. Any drink evidence in the label
 * (a serving, a size in cl, a vintage, a colour, a drink word) keeps it a drink, whatever its family says.
 */
export function notDrinkReason(label: string, family: string | null): NotDrinkReason | null {
  const parsed = parseLabel(label);
  const ws = words(label);
  const evidence =
    parsed.serving !== null ||
    parsed.formatCl !== null ||
    parsed.vintage !== null ||
    parsed.colour !== null ||
    hasDrinkWord(ws);
  if (evidence) return null;
  if (isNotDrinkFamily(family)) return 'family';
  return ws.some((w) => NOT_DRINK_WORDS.has(w) || NOT_DRINK_WORDS.has(singular(w))) ? 'label' : null;
}
