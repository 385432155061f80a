import type { ImportOverview } from '../../../src/http/contract.ts';

export const busy = (o: ImportOverview | undefined) =>
  !!o && (o.pending.length > 0 || o.runs.some((r) => r.status === 'running'));

/** A request's days, and the runs that existed before it: a day is done when a new finished run names it. */
export type Progress = { days: string[]; before: Set<string>; done: number; idle: number; finished: boolean };

export function startProgress(days: string[], before: Iterable<string>): Progress {
  return { days, before: new Set(before), done: 0, idle: 0, finished: false };
}

export function advance(p: Progress, o: ImportOverview): Progress {
  const finishedRuns = o.runs.filter((r) => !p.before.has(r.id) && r.status !== 'running');
  const done = p.days.filter((d) => finishedRuns.some((r) => r.businessDay === d)).length;
  // A night that failed without a run would keep us waiting: three idle answers end the wait.
  const idle = busy(o) ? 0 : p.idle + 1;
  return { ...p, done, idle, finished: done === p.days.length || idle >= 3 };
}

const key = (eid: string) => `cellier.importProgress.${eid}`;

/** A request started elsewhere (the history offered in Paramètres › Caisse) shows its progress on Imports. */
export function saveProgress(eid: string, p: Progress | null): void {
  try {
    if (!p || p.finished) sessionStorage.removeItem(key(eid));
    else sessionStorage.setItem(key(eid), JSON.stringify({ days: p.days, before: [...p.before] }));
  } catch {
    // Without storage, the Imports page shows the queued days instead.
  }
}

export function loadProgress(eid: string): Progress | null {
  try {
    const raw = sessionStorage.getItem(key(eid));
    if (!raw) return null;
    const value = JSON.parse(raw) as { days?: unknown; before?: unknown };
    if (!Array.isArray(value.days) || !Array.isArray(value.before)) return null;
    return startProgress(value.days.map(String), value.before.map(String));
  } catch {
    return null;
  }
}
