export const SEPARATORS = [';', ',', '\t', '|'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** Counts a separator outside double quotes in one line. */
function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === sep) n++;
  }
  return n;
}

/**
 * The separator that splits the first lines most consistently: the one appearing the same number of times
 * on most lines, then the most often. French exports use `;` because `,` is the decimal comma.
 */
export function detectSeparator(text: string): Separator {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  let best: { sep: Separator; score: number } = { sep: ';', score: -1 };
  for (const sep of SEPARATORS) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeLines] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    // Consistency dominates; the number of columns breaks ties.
    const score = modeLines * 1000 + mode;
    if (score > best.score) best = { sep, score };
  }
  return best.sep;
}
