// match(): parse, apply what was learnt, expand, generate, verify, decide.
import { generateCandidates } from './candidates.ts';
import { codeMayBeColour, isConfident, isPresque, scoreOf, settleAttributes } from './decide.ts';
import { NO_KNOWLEDGE, type Knowledge, type LearntWord } from './knowledge.ts';
import type { MatchIndex } from './matchIndex.ts';
import { parseLabel } from './parse.ts';
import { readShortGluedYear } from './shapes.ts';
import { expandToken, markEdgeCodes, type QueryToken } from './query.ts';
import type { LabelToken, MatchAnswer, MatchOptions, ParsedLabel } from './types.ts';
import { inverseQuery, verify, whyList, type Verdict } from './verify.ts';

/** Candidates verified per label: enough for recall, small enough for a few ms at 100k entries. */
const VERIFY_K = 200;

export function match(index: MatchIndex, label: string, options: MatchOptions = {}): MatchAnswer {
  return matchDetailed(index, label, options).answer;
}

/** The identity words of a parsed label: the key a lesson about this label is stored under. */
export function labelKey(parsed: ParsedLabel): string {
  return parsed.tokens.map((t) => t.text).join(' ');
}

/** Learnt colour words read as colours; learnt serving words give the serving the label did not state. */
function applyKnowledge(parsed: ParsedLabel, k: Knowledge): { parsed: ParsedLabel; learnt: LearntWord[] } {
  const learnt: LearntWord[] = [];
  let serving = parsed.serving;
  const tokens: LabelToken[] = parsed.tokens.map((t) => {
    const w = k.words.get(t.text);
    if (!w || t.colour !== null) return t;
    learnt.push(w);
    if (w.kind === 'serving') serving ??= w.serving;
    return w.kind === 'colour' ? { ...t, colour: w.colour } : t;
  });
  if (learnt.length === 0) return { parsed, learnt };
  const colour = parsed.colour ?? tokens.find((t) => t.colour !== null)?.colour ?? null;
  return { parsed: { ...parsed, tokens, serving, colour }, learnt };
}

/** match() plus the verdicts behind it (for tuning and for explaining a decision in the UI). */
function matchDetailed(
  index: MatchIndex,
  label: string,
  options: MatchOptions = {},
): { answer: MatchAnswer; verdicts: Verdict[] } {
  const limit = Math.max(1, Math.min(options.limit ?? 5, 50));
  const k = options.knowledge ?? NO_KNOWLEDGE;
  const text = typeof label === 'string' ? label : '';
  const now = options.now ?? new Date();
  const learntWord = k.words.size > 0 ? (w: string) => k.words.has(w) : undefined;
  const raw = readShortGluedYear(parseLabel(text, now, learntWord), now, (w) => index.reads(w));
  // lessons are keyed on the plain reading (as learnLesson sees the label)
  const remembering = k.labels.size > 0 || k.refused.size > 0;
  const key = remembering ? labelKey(learntWord ? parseLabel(text, now) : raw) : '';
  const { parsed, learnt } = applyKnowledge(raw, k);
  const query: QueryToken[] = parsed.tokens.map((t) => {
    const w = k.words.get(t.text);
    return expandToken(index, t, false, w && (t.colour === null || w.kind === 'colour') ? w : undefined);
  });
  markEdgeCodes(index, query);
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
  const remembered = k.labels.get(key);
  if (!query.some((q) => !q.optional) && !remembered) return { answer, verdicts: [] };
  const inverse = inverseQuery(query);
  const verdicts = generateCandidates(index, query, VERIFY_K)
    .filter((e) => index.entryAt(e) !== undefined)
    .map((e) => tieBreak(index, verify(index, e, query, inverse), parsed.vintage, parsed.formatCl))
    .sort((a, b) => b.rank - a.rank);
  // a label the establishment (or enough others) already linked: its drink comes first, whatever the words say
  const at = remembered ? index.position(remembered.id) : undefined;
  if (at !== undefined) {
    const i = verdicts.findIndex((x) => x.entry === at);
    const [found] = i >= 0 ? verdicts.splice(i, 1) : [];
    verdicts.unshift(found ?? verify(index, at, query, inverse));
  }
  const [best, second] = verdicts;
  if (!best) return { answer, verdicts };
  const margin = best.rank - (second?.rank ?? -99);
  const entry = index.entryAt(best.entry);
  const confident =
    at !== undefined ||
    (isConfident(best, second) &&
      !k.refused.has(key) &&
      !codeMayBeColour(verdicts, (e) => index.entryAt(e)?.colour));
  const attrs = settleAttributes(parsed, entry, confident && best.numberSeen);
  answer.serving = attrs.serving;
  answer.formatCl = attrs.formatCl;
  answer.vintage = attrs.vintage;
  const taught = new Set<string>(learnt.map((w) => whyOf(w.source)));
  if (remembered && at !== undefined) taught.add(whyOf(remembered.source));
  answer.candidates = verdicts.slice(0, limit).map((v, i) => ({
    id: index.entryAt(v.entry)?.id ?? '',
    score: at !== undefined && i === 0 ? 1 : scoreOf(v, i === 0 ? margin : 0),
    why: i === 0 ? [...whyList(v.srcBits, v.colourOk), ...taught] : whyList(v.srcBits, v.colourOk),
  }));
  if (confident && entry) answer.decision = isPresque(entry, attrs) ? 'presque' : 'oui';
  return { answer, verdicts };
}

function whyOf(source: LearntWord['source']): string {
  return source === 'lesson' ? 'learnt' : source === 'shared' ? 'shared' : 'catalogue';
}

/** Equal explanations: prefer the entry the library knows in the written vintage and size. */
function tieBreak(index: MatchIndex, v: Verdict, vintage: number | null, formatCl: number | null): Verdict {
  const e = index.entryAt(v.entry);
  if (!e) return v;
  // v is verify's fresh verdict: adjusted in place (200 copies per label would feed the GC)
  if (vintage !== null && e.vintages.includes(vintage)) v.rank += 0.04;
  if (formatCl !== null && e.formatsCl.includes(formatCl)) v.rank += 0.02;
  return v;
}
