// Another till's habits, to measure learning on notation the engine has never seen (test data only).
import type { LibraryEntry } from '../../src/matching/index.ts';
import type { Case } from './data.ts';

const COLOUR_WORD = /\b(ROUGE|RGE|RG|BLANC|BLC|BL|ROSE|RSE|RS)\b/i;
const FROM_WORD: Record<string, string> = { R: 'rouge', B: 'blanc' };

/**
 * Rewrites labels as a till with its own conventions would: the colour as a family code in front (random
 * letters from the seed, unknown to any lexicon), the vintage behind an apostrophe, words joined by dots.
 */
export function withTillHabits(cases: readonly Case[], lib: readonly LibraryEntry[], seed: number): Case[] {
  let s = seed >>> 0 || 1;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) % 1;
  const letter = (): string => String.fromCharCode(81 + Math.floor(rnd() * 9)); // Q..Y
  const base = letter() + letter();
  const codes: Record<string, string> = { rouge: `${base}R`, blanc: `${base}B`, rosé: `${base}S` };
  const colourOf = new Map(lib.map((e) => [e.id, e.colour]));
  return cases.map((c) => {
    let label = c.label.toUpperCase();
    const written = COLOUR_WORD.exec(label)?.[1]?.toUpperCase();
    const colour =
      colourOf.get(c.wineId) ??
      (written ? (FROM_WORD[written[0] ?? ''] ?? (written.startsWith('RO') ? 'rouge' : 'rosé')) : null);
    if (colour && c.kind !== 'not-a-drink') {
      label = `${codes[colour] ?? ''} ${label.replace(COLOUR_WORD, ' ')}`.replace(/\s+/g, ' ').trim();
    }
    // only the written vintage (a trailing "75" may be a size)
    label = label.replace(/ (\d{2}|\d{4})$/, (all, y: string) =>
      c.vintage !== '' && c.vintage.endsWith(y) ? ` '${y.slice(-2)}` : all,
    );
    if (rnd() < 0.3) label = label.replace(/ /g, '.');
    return { ...c, label };
  });
}
