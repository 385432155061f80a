// Turning verdicts into a decision, a calibrated score, and type-aware serving/vintage answers.
import type { LibraryEntry, ParsedLabel, Serving } from './types.ts';
import { FUZZ_WEIGHT, type Verdict } from './verify.ts';

/** Best must beat the runner-up by this much rank (half a neutral word) to be the unique explanation. */
const MIN_MARGIN = 0.3;
/** Typos and cut words allowed in a confident match (1 - quality, summed). */
const MAX_FUZZ = 0.9;

/** A till code left unexplained is tolerated only when the rest names one wine this clearly. */
const CODE_MARGIN = 1;
const CODE_MIN_EXPLAINED = 2;
const CODE_MAX_FUZZ = 0.5;

const VINTAGE_TYPES = new Set(['wine', 'sparkling', 'champagne', 'fortified']);

/** Candidate words a label may leave out, given how many words it gives. */
function maxExtras(explained: number): number {
  return explained <= 1 ? 0.5 : 1 + 1.5 * explained;
}

export function isConfident(best: Verdict | undefined, second: Verdict | undefined): boolean {
  if (!best) return false;
  const margin = best.rank - (second?.rank ?? -99);
  // a typo costs more margin next to an unexplained code: both together are how an unknown wine looks too
  // (a hand alias such as CH or 1ER is no typo); one word beside a code must be exact and miss nothing
  const codeOk =
    best.codes === 0 ||
    (best.codes <= 1 &&
      margin >= CODE_MARGIN + FUZZ_WEIGHT * best.typoFuzz - 1e-9 &&
      (best.explained >= CODE_MIN_EXPLAINED || (best.fuzz === 0 && best.extras === 0)) &&
      best.fuzz <= CODE_MAX_FUZZ &&
      (!best.trailingCode || best.extras === 0));
  return (
    best.unexplained - best.codes === 0 &&
    codeOk &&
    best.fuzz <= MAX_FUZZ &&
    best.distinctive &&
    margin >= MIN_MARGIN &&
    best.extras <= maxExtras(best.explained)
  );
}

/** Score in [0, 1]: 1 for a label fully explained with nothing missing; the runner-up gap lowers it. */
export function scoreOf(v: Verdict, margin: number): number {
  const base = Math.exp(v.rank / 3);
  const gap = Math.min(1, 0.5 + margin);
  return Math.round(Math.max(0, Math.min(1, base * gap)) * 1000) / 1000;
}

type Attributes = { serving: Serving | null; formatCl: number | null; vintage: number | null };

/** Serving and vintage readings that depend on what the drink turned out to be. */
export function settleAttributes(
  parsed: ParsedLabel,
  entry: LibraryEntry | undefined,
  numberInName: boolean,
): Attributes {
  let { serving, formatCl, vintage } = parsed;
  if (!entry) return { serving, formatCl, vintage };
  const wineLike = VINTAGE_TYPES.has(entry.type);
  if (!wineLike && parsed.vintageToken?.length === 2) vintage = null;
  if (numberInName) vintage = null;
  const beerLike = entry.type === 'beer' || entry.type === 'cider';
  if (beerLike && parsed.servingWord === 'DEMI') {
    serving = 'glass';
    if (formatCl === 37.5) formatCl = 25;
  }
  // half bottles and magnums are wine sizes; a 37.5 cl or 150 cl soft drink or spirit is a bottle
  if (!wineLike && (serving === 'magnum' || serving === 'half') && parsed.servingWord === null)
    serving = 'bottle';
  // a spirit bottle is its standard size (70 cl in Europe) unless the label says otherwise
  if (entry.type === 'spirit' && serving === 'bottle' && formatCl === null) {
    formatCl =
      entry.formatsCl.length === 0 || entry.formatsCl.includes(70) ? 70 : Math.max(...entry.formatsCl);
  }
  if (serving === 'can' && wineLike) serving = null; // "CAN RAFOLS": a Catalan estate, not a can
  return { serving, formatCl, vintage };
}

/** Identity right but the written vintage or container size is not one the library knows for it. */
export function isPresque(entry: LibraryEntry, a: Attributes): boolean {
  if (a.vintage !== null && entry.vintages.length > 0 && !entry.vintages.includes(a.vintage)) return true;
  const container =
    a.serving === 'bottle' || a.serving === 'half' || a.serving === 'magnum' || a.serving === 'can';
  return (
    a.formatCl !== null && container && entry.formatsCl.length > 0 && !entry.formatsCl.includes(a.formatCl)
  );
}

/** Rank within which a candidate of another colour makes an unexplained code ambiguous (one missing word and a half). */
const CODE_COLOUR_GAP = 1.5;

/**
 * A till code often carries the colour (a family per colour): cold, it cannot pick between two colours of
 * a wine that both explain every other word, so the code is not tolerated then.
 */
export function codeMayBeColour(
  verdicts: readonly Verdict[],
  colourOf: (entry: number) => string | null | undefined,
): boolean {
  const [best] = verdicts;
  if (!best || best.codes === 0) return false;
  const colour = colourOf(best.entry);
  if (!colour) return false;
  return verdicts.some(
    (v) =>
      v !== best &&
      best.rank - v.rank < CODE_COLOUR_GAP &&
      v.unexplained === v.codes &&
      (colourOf(v.entry) ?? colour) !== colour,
  );
}
