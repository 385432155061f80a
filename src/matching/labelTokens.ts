// Identity words of a label: stop words out, colour words flagged, two-word short forms joined.
import { BIGRAM_ALIASES, STOPWORDS } from './lexicon.ts';
import { identityWords } from './normalise.ts';
import type { Colour, LabelToken } from './types.ts';

const COLOURS: Readonly<Record<string, Colour>> = {
  rouge: 'rouge',
  rge: 'rouge',
  rg: 'rouge',
  r: 'rouge',
  blanc: 'blanc',
  blc: 'blanc',
  bl: 'blanc',
  b: 'blanc',
  rose: 'rosé',
  rse: 'rosé',
  rs: 'rosé',
  // till families are named in the plural: VINS ROUGES, BLANCS, ROSES
  rouges: 'rouge',
  blancs: 'blanc',
  roses: 'rosé',
};
export const COLOUR_WORDS_TYPED = new Set(Object.keys(COLOURS));
const ONE_LETTER = new Set(['r', 'b']);
const PLURAL = new Set(['rouges', 'blancs', 'roses']);

export function toLabelTokens(text: string): LabelToken[] {
  const ws = identityWords(text);
  const merged: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const pair = `${ws[i]} ${ws[i + 1] ?? ''}`;
    const joined = BIGRAM_ALIASES[pair];
    if (joined) {
      merged.push(...joined.split(' '));
      i++;
    } else merged.push(ws[i] ?? '');
  }
  // "N45", "NO5": a numbered cuvée, written N°45 in the library
  const split = merged.flatMap((w) => {
    const m = /^(n|no|nr)(\d+)$/.exec(w);
    if (m?.[2]) return ['no', m[2]];
    const age = /^(\d{1,2})(yo|y|ans|an|yrs?|years?)$/.exec(w); // "12YO", "12ANS": an age glued to its unit
    return age?.[1] && age[2] ? [age[1], age[2]] : [w];
  });
  const kept = split.filter((w) => w !== '' && !STOPWORDS.has(w));
  return kept.map((w, i) => {
    const atEdge = i === 0 || i === kept.length - 1;
    // a plural names a family at the edge (VINS ROUGES …), inside it is a name's word (BLANC DE BLANCS)
    const family = atEdge || /^vins?$/.test(kept[i - 1] ?? '');
    const colour = (ONE_LETTER.has(w) || PLURAL.has(w)) && !family ? null : (COLOURS[w] ?? null);
    return { text: w, colour, number: /^\d+$/.test(w), last: i === kept.length - 1 };
  });
}
