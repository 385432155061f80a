// Turning verdicts into a decision, a calibrated score, and type-aware serving/vintage answers.
import type { LibraryEntry, ParsedLabel, Serving } from './types.ts';
import type { Verdict } from './verify.ts';

/** Best must beat the runner-up by this much rank (half a neutral word) to be the unique explanation. */
export const MIN_MARGIN = 0.3;
/** Typos and cut words allowed in a confident match (1 - quality, summed). */
export const MAX_FUZZ = 0.9;

const VINTAGE_TYPES = new Set(['wine', 'sparkling', 'champagne', 'fortified']);

/** Candidate words a label may leave out, given how many words it gives. */
function maxExtras(explained: number): number {
  return explained <= 1 ? 0.5 : 1 + 1.5 * explained;
}

export function isConfident(best: Verdict | undefined, second: Verdict | undefined): boolean {
  if (!best) return false;
  const margin = best.rank - (second?.rank ?? -99);
  return (
    best.unexplained === 0 &&
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

export type Attributes = { serving: Serving | null; formatCl: number | null; vintage: number | null };

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
