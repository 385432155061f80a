// The engine in the three situations: cold, with the till's catalogue, and online (answers fed back).
import {
  buildMatchIndex,
  learnCatalogue,
  learnLesson,
  LessonBook,
  match,
  type Knowledge,
  type Lesson,
  type LibraryEntry,
  type MatchIndex,
  type Serving,
} from '../../src/matching/index.ts';
import type { Case } from './data.ts';
import { score, type Prediction, type Scores } from './score.ts';
import { heapMb, percentile, timed } from './timing.ts';

export type Mode = 'cold' | 'catalogue' | 'online';

export type Figures = Scores & {
  p50ms: number;
  p99ms: number;
  buildMs: number;
  heapMb: number;
  entries: number;
};

export const NOW = new Date('2025-06-01T00:00:00Z'); // fixed: two-digit vintages are read against this date
export const progress = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};

const toPrediction = (a: ReturnType<typeof match>): Prediction => ({
  id: a.candidates[0]?.id ?? '',
  accepted: a.decision !== 'non',
  top5: a.candidates.map((x) => x.id),
  vintage: a.vintage,
  formatCl: a.formatCl,
  serving: a.serving,
});

/** The gold answer fed back as the user's: a link (Oui), a Non, or an ignored product. */
function lessonOf(index: MatchIndex, c: Case): Lesson {
  const entryId = c.kind === 'in-library' ? c.wineId : null;
  const serving = c.serving === '' ? null : (c.serving as Serving);
  return learnLesson(index, c.label, { entryId, serving, now: NOW });
}

function feedBack(index: MatchIndex, book: LessonBook, c: Case): void {
  book.set(lessonOf(index, c));
}

/** Learning one answer, timed once and as the best of 3 (learnLesson is pure; the book takes it once). */
function learnTimed(index: MatchIndex, book: LessonBook, c: Case): { once: number; best: number } {
  const first = timed(() => lessonOf(index, c));
  let best = first.ms;
  for (let r = 0; r < 2; r++) best = Math.min(best, timed(() => lessonOf(index, c)).ms);
  const set = timed(() => book.set(first.value)).ms;
  return { once: first.ms + set, best: best + set };
}

export function runEngine(
  lib: readonly LibraryEntry[],
  cases: readonly Case[],
  mode: Mode,
): { fig: Figures & Record<string, unknown>; preds: Prediction[] } {
  progress(`engine (${mode}) on ${lib.length} entries`);
  const before = heapMb();
  const cpu0 = process.cpuUsage();
  const { value: index, ms: buildMs } = timed(() => buildMatchIndex(lib));
  const cpu = process.cpuUsage(cpu0);
  const heap = heapMb() - before;
  // warm-up: JIT-compile the hot paths before timing (a server matches labels all day)
  for (const c of cases.slice(0, 300)) {
    match(index, c.label, { now: NOW });
    if (mode === 'online') feedBack(index, new LessonBook(), c);
  }
  const extra: Record<string, unknown> = {};
  let knowledge: Knowledge | undefined;
  if (mode === 'catalogue') {
    const { value: profile, ms } = timed(() =>
      learnCatalogue(
        index,
        cases.map((c) => c.label),
        NOW,
      ),
    );
    knowledge = new LessonBook([], profile).knowledge();
    extra.catalogueMs = Math.round(ms);
    extra.catalogueWords = Object.keys(profile.words).length;
  }
  const book = new LessonBook();
  const times: number[] = [];
  const best3: number[] = [];
  const preds = cases.map((c) => {
    const k = mode === 'online' ? book.knowledge() : knowledge;
    const { value: a, ms } = timed(() => match(index, c.label, { now: NOW, knowledge: k }));
    // the machine is shared: the best of 3 runs per label removes other processes' preemption and GC noise
    let best = ms;
    for (let r = 0; r < 2; r++)
      best = Math.min(best, timed(() => match(index, c.label, { now: NOW, knowledge: k })).ms);
    const learning = mode === 'online' ? learnTimed(index, book, c) : { once: 0, best: 0 };
    times.push(ms + learning.once);
    best3.push(best + learning.best);
    return toPrediction(a);
  });
  if (mode === 'online') extra.lessons = book.size;
  const fig = {
    ...score(cases, preds, true),
    ...extra,
    buildCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    p99msBestOf3: percentile(best3, 99),
    p50ms: percentile(times, 50),
    p99ms: percentile(times, 99),
    buildMs,
    heapMb: heap,
    entries: lib.length,
  };
  return { fig, preds };
}
