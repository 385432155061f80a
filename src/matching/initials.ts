// Initials learnt from the library: "CDR" for Côtes du Rhône, "VV" for Vieilles Vignes, "BDB"...
import { STOPWORDS } from './lexicon.ts';
import { identityWords } from './normalise.ts';

/** Phrases seen fewer times than this are not trusted as an abbreviation source (appellations always are). */
const MIN_PHRASE_COUNT = 8;
const APPELLATION_WEIGHT = 1000;

export class InitialsTable {
  /** initials → phrase (content words joined by space) → weight */
  private readonly table = new Map<string, Map<string, number>>();

  /** Every multi-word appellation teaches its initials, with and without the small words. */
  learnAppellation(appellation: string | null): void {
    if (!appellation) return;
    const ws = identityWords(appellation).filter((w) => /^[a-z]/.test(w));
    if (ws.length < 2) return;
    this.addPhrase(ws, APPELLATION_WEIGHT);
  }

  /** Frequent two/three-word phrases of names and cuvées ("vieilles vignes", "blanc de blancs"). */
  learnPhrases(counts: ReadonlyMap<string, number>): void {
    for (const [phrase, n] of counts) if (n >= MIN_PHRASE_COUNT) this.addPhrase(phrase.split(' '), n);
  }

  /** Phrases (content words) a typed set of initials may stand for, most frequent first. */
  lookup(typed: string): string[][] {
    const m = this.table.get(typed);
    if (!m) return [];
    return [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([p]) => p.split(' '));
  }

  private addPhrase(ws: readonly string[], weight: number): void {
    const content = ws.filter((w) => !STOPWORDS.has(w));
    if (content.length < 2) return;
    const keys = new Set([ws.map((w) => w[0]).join(''), content.map((w) => w[0]).join('')]);
    const phrase = content.join(' ');
    for (const k of keys) {
      if (k.length < 2) continue;
      let m = this.table.get(k);
      if (!m) this.table.set(k, (m = new Map<string, number>()));
      m.set(phrase, (m.get(phrase) ?? 0) + weight);
    }
  }
}

/** Counts the 2- and 3-word phrases of a text (a small word may sit in the middle of a 3-word one). */
export function countPhrases(text: string | null, into: Map<string, number>): void {
  if (!text) return;
  const ws = identityWords(text).filter((w) => /^[a-z]+$/.test(w));
  for (let i = 0; i + 1 < ws.length; i++) {
    const a = ws[i] ?? '';
    const b = ws[i + 1] ?? '';
    const c = ws[i + 2];
    if (!STOPWORDS.has(a) && !STOPWORDS.has(b)) bump(into, `${a} ${b}`);
    if (c && !STOPWORDS.has(a) && STOPWORDS.has(b) && !STOPWORDS.has(c)) bump(into, `${a} ${b} ${c}`);
  }
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}
