import type { Proposal } from '../../../../src/http/contract.ts';
import {
  EMPTY_DRINK,
  OTHER_FORMAT,
  STANDARD_FORMATS,
  type DrinkFormValues,
} from '../../pages/drinkFormValues.ts';
import { asColour, asType } from './entry.ts';

const titleCase = (s: string) =>
  s.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());

/** The Non form, prefilled from what the label says and the closest candidates. */
export function prefill(p: Proposal): DrinkFormValues {
  const a = p.answer;
  const top = a.candidates[0] ? a.entries[a.candidates[0].id] : undefined;
  // An appellation guess: one that the closest candidates agree on, or none.
  const appellations = a.candidates
    .map((c) => a.entries[c.id]?.appellation)
    .filter((x): x is string => !!x)
    .slice(0, 3);
  const appellation =
    appellations.length > 0 && appellations.every((x) => x === appellations[0]) ? appellations[0] : '';
  const formatCl = p.best?.formatCl ?? (a.serving === 'magnum' ? 150 : a.serving === 'half' ? 37.5 : 75);
  const standard = (STANDARD_FORMATS as readonly number[]).includes(formatCl);
  return {
    ...EMPTY_DRINK,
    type: asType(top?.type),
    colour: asColour(a.colour ?? top?.colour),
    producer: a.identityText ? titleCase(a.identityText) : '',
    appellation: appellation ?? '',
    region: top && appellation ? (top.region ?? '') : '',
    country: top && appellation ? (top.country ?? '') : '',
    vintage: a.vintage === null ? '' : String(a.vintage),
    nonVintage: a.vintage === null,
    format: standard ? String(formatCl) : OTHER_FORMAT,
    formatCustom: standard ? '' : String(formatCl).replace('.', ','),
  };
}
