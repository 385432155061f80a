// match(): parse, expand, generate, verify, decide.
import { generateCandidates } from './candidates.ts';
import { isConfident, isPresque, scoreOf, settleAttributes } from './decide.ts';
import type { MatchIndex } from './matchIndex.ts';
import { parseLabel } from './parse.ts';
import { expandToken, type QueryToken } from './query.ts';
import type { MatchAnswer, MatchOptions } from './types.ts';
import { inverseQuery, verify, whyList, type Verdict } from './verify.ts';

/** Candidates verified per label: enough for recall, small enough for a few ms at 100k entries. */
const VERIFY_K = 200;

export function match(index: MatchIndex, label: string, options: MatchOptions = {}): MatchAnswer {
  return matchDetailed(index, label, options).answer;
}

/** match() plus the verdicts behind it (for tuning and for explaining a decision in the UI). */
export function matchDetailed(
  index: MatchIndex,
  label: string,
  options: MatchOptions = {},
): { answer: MatchAnswer; verdicts: Verdict[] } {
  const limit = Math.max(1, Math.min(options.limit ?? 5, 50));
  const parsed = parseLabel(typeof label === 'string' ? label : '', options.now ?? new Date());
  const query: QueryToken[] = parsed.tokens.map((t) => expandToken(index, t));
  if (parsed.vintageToken) {
    const text = parsed.vintageToken;
    query.push(expandToken(index, { text, colour: null, number: true, last: false }, true));
  }
  const answer: MatchAnswer = {
    serving: parsed.serving,
    formatCl: parsed.formatCl,
    vintage: parsed.vintage,
    colour: parsed.colour,
    identityText: parsed.identityText,
    candidates: [],
    decision: 'non',
  };
  if (!query.some((q) => !q.optional)) return { answer, verdicts: [] };
  const inverse = inverseQuery(query);
  const verdicts = generateCandidates(index, query, VERIFY_K)
    .filter((e) => index.entryAt(e) !== undefined)
    .map((e) => tieBreak(index, verify(index, e, query, inverse), parsed.vintage, parsed.formatCl))
    .sort((a, b) => b.rank - a.rank);
  const [best, second] = verdicts;
  if (!best) return { answer, verdicts };
  const margin = best.rank - (second?.rank ?? -99);
  const entry = index.entryAt(best.entry);
  const confident = isConfident(best, second);
  const attrs = settleAttributes(parsed, entry, confident && best.numberSeen);
  answer.serving = attrs.serving;
  answer.formatCl = attrs.formatCl;
  answer.vintage = attrs.vintage;
  answer.candidates = verdicts.slice(0, limit).map((v, i) => ({
    id: index.entryAt(v.entry)?.id ?? '',
    score: scoreOf(v, i === 0 ? margin : 0),
    why: whyList(v.srcBits, v.colourOk),
  }));
  if (confident && entry) answer.decision = isPresque(entry, attrs) ? 'presque' : 'oui';
  return { answer, verdicts };
}

/** Equal explanations: prefer the entry the library knows in the written vintage and size. */
function tieBreak(index: MatchIndex, v: Verdict, vintage: number | null, formatCl: number | null): Verdict {
  const e = index.entryAt(v.entry);
  if (!e) return v;
  let bonus = 0;
  if (vintage !== null && e.vintages.includes(vintage)) bonus += 0.04;
  if (formatCl !== null && e.formatsCl.includes(formatCl)) bonus += 0.02;
  return bonus ? { ...v, rank: v.rank + bonus } : v;
}
