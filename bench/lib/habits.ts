// Another till's habits, to measure learning on notation the engine has never seen (test data only).
import type { LibraryEntry } from '../../src/matching/index.ts';
import type { Case } from './data.ts';

const COLOUR_WORD = /\b(ROUGE|RGE|RG|BLANC|BLC|BL|ROSE|RSE|RS)\b/i;
const FROM_WORD: Record<string, string> = { R: 'rouge', B: 'blanc' };

type Conventions = {
  suffix: boolean; // the family code at the end instead of the start
  mark: "'" | '/' | 'MIL' | 'glued'; // how the vintage is written: '15, /15, MIL15, MARGAUX15
  joiner: '.' | '/'; // words joined by dots or slashes on some labels
  glueSize: boolean; // a size glued to its serving word: VERRE12CL
};

const CLASSIC: Conventions = { suffix: false, mark: "'", joiner: '.', glueSize: false };

/**
 * Rewrites labels as a till with its own conventions would: the colour as a family code (random letters from
 * the seed, unknown to any lexicon), the vintage behind a mark, words joined by dots. `varied` lets the seed
 * also pick where the code stands, the vintage mark, the joiner and sizes glued to serving words.
 */
export function withTillHabits(
  cases: readonly Case[],
  lib: readonly LibraryEntry[],
  seed: number,
  varied = false,
): Case[] {
  let s = seed >>> 0 || 1;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) % 1;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const letter = (): string => String.fromCharCode(81 + Math.floor(rnd() * 9)); // Q..Y
  const base = letter() + letter();
  const conv: Conventions = varied
    ? {
        suffix: rnd() < 0.35,
        mark: pick(["'", '/', 'MIL', 'glued'] as const),
        joiner: pick(['.', '/'] as const),
        glueSize: rnd() < 0.5,
      }
    : CLASSIC;
  const codes: Record<string, string> = { rouge: `${base}R`, blanc: `${base}B`, rosé: `${base}S` };
  const colourOf = new Map(lib.map((e) => [e.id, e.colour]));
  return cases.map((c) => {
    let label = c.label.toUpperCase();
    const written = COLOUR_WORD.exec(label)?.[1]?.toUpperCase();
    const colour =
      colourOf.get(c.wineId) ??
      (written ? (FROM_WORD[written[0] ?? ''] ?? (written.startsWith('RO') ? 'rouge' : 'rosé')) : null);
    if (colour && c.kind !== 'not-a-drink') {
      const rest = label.replace(COLOUR_WORD, ' ');
      const code = codes[colour] ?? '';
      label = (conv.suffix ? `${rest} ${code}` : `${code} ${rest}`).replace(/\s+/g, ' ').trim();
    }
    // only the written vintage (a trailing "75" may be a size)
    const vintageAt = conv.suffix ? / (\d{2}|\d{4})(?= \w+$)/ : / (\d{2}|\d{4})$/;
    label = label.replace(vintageAt, (all, y: string) => {
      if (c.vintage === '' || !c.vintage.endsWith(y)) return all;
      const yy = y.slice(-2);
      return conv.mark === 'glued' ? yy : conv.mark === 'MIL' ? ` MIL${yy}` : ` ${conv.mark}${yy}`;
    });
    if (conv.glueSize)
      label = label.replace(/\b(VERRE|VRE|VER|PICHET|PICH|CARAFE|POT|BTL|BLLE) (\d+CL)\b/, '$1$2');
    if (rnd() < 0.3) label = label.replace(/ /g, conv.joiner);
    return { ...c, label };
  });
}
