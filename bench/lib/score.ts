// Scoring exactly as tools/score.py does (accepted top-1, top-5, attribute accuracies, false accepts).
import type { Case } from './data.ts';

export type Prediction = {
  id: string; // best id, '' when none
  accepted: boolean;
  top5: string[];
  vintage: number | null;
  formatCl: number | null;
  serving: string | null;
};

export type Scores = {
  top1: number;
  top5: number;
  vintage: number;
  format: number;
  serving: number;
  falseAccept: number | null;
  wrongAccept: number;
  spuriousVintage: number;
  spuriousFormat: number;
  byStyle: Record<string, number>;
  n: number;
};

const ratio = ([h, n]: [number, number]): number => (n ? Math.round((10000 * h) / n) / 10000 : 0);

export function score(cases: readonly Case[], preds: readonly Prediction[], withAccept: boolean): Scores {
  const m: Record<string, [number, number]> = {};
  const bump = (k: string, hit: boolean): void => {
    const v = (m[k] ??= [0, 0]);
    v[0] += hit ? 1 : 0;
    v[1] += 1;
  };
  const styles: Record<string, [number, number]> = {};
  cases.forEach((c, i) => {
    const p = preds[i];
    if (!p) return;
    const accepted = p.id !== '' && p.accepted;
    if (c.kind === 'in-library') {
      const hit = accepted && p.id === c.wineId;
      bump('top1', hit);
      bump('top5', (p.top5.length ? p.top5 : [p.id]).slice(0, 5).includes(c.wineId));
      bump('wrong', accepted && p.id !== c.wineId);
      const s = (styles[c.style] ??= [0, 0]);
      s[0] += hit ? 1 : 0;
      s[1] += 1;
    } else bump('fa', accepted);
    if (c.kind === 'not-a-drink') return;
    const pv = p.vintage === null ? '' : String(p.vintage);
    if (c.vintage) bump('vintage', c.vintage === pv);
    else bump('spv', pv !== '');
    if (c.formatCl) bump('format', p.formatCl !== null && Math.abs(Number(c.formatCl) - p.formatCl) < 0.05);
    else bump('spf', p.formatCl !== null);
    bump('serving', c.serving === (p.serving ?? ''));
  });
  const g = (k: string): number => ratio(m[k] ?? [0, 0]);
  return {
    top1: g('top1'),
    top5: g('top5'),
    vintage: g('vintage'),
    format: g('format'),
    serving: g('serving'),
    falseAccept: withAccept ? g('fa') : null,
    wrongAccept: g('wrong'),
    spuriousVintage: g('spv'),
    spuriousFormat: g('spf'),
    byStyle: Object.fromEntries(Object.entries(styles).map(([k, v]) => [k, ratio(v)])),
    n: cases.length,
  };
}
