// Word table of the library: ids, document frequencies, a sorted view for prefixes, a typo index.
import { deletions, withinOneEdit } from './fuzzy.ts';

export class Vocab {
  readonly words: string[] = [];
  readonly df: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly deletes = new Map<string, number[]>();
  private sorted: number[] | null = null;

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Id of word, created (and typo-indexed) when new. */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.words.push(word);
    this.df.push(0);
    this.ids.set(word, id);
    this.sorted = null;
    if (word.length >= 4 && !/^\d+$/.test(word)) {
      for (const d of deletions(word)) {
        const list = this.deletes.get(d);
        if (list) list.push(id);
        else this.deletes.set(d, [id]);
      }
    }
    return id;
  }

  /** Words one typo away from a label word (symmetric deletes, then checked). */
  typoNeighbours(word: string): number[] {
    const found = new Set<number>();
    const probe = (key: string): void => {
      const direct = this.ids.get(key);
      if (direct !== undefined && key !== word) found.add(direct);
      for (const id of this.deletes.get(key) ?? []) found.add(id);
    };
    probe(word);
    for (const d of deletions(word)) probe(d);
    return [...found].filter((id) => id !== this.ids.get(word) && withinOneEdit(word, this.words[id] ?? ''));
  }

  /** Words starting with prefix (not the prefix itself); null when more than max exist. */
  withPrefix(prefix: string, max: number): number[] | null {
    const sorted = this.sortedIds();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.words[sorted[mid] ?? 0] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const id = sorted[i] ?? 0;
      const w = this.words[id] ?? '';
      if (!w.startsWith(prefix)) break;
      if (w === prefix) continue;
      if (out.length >= max) return null;
      out.push(id);
    }
    return out;
  }

  private sortedIds(): number[] {
    this.sorted ??= this.words
      .map((_, i) => i)
      .sort((a, b) => ((this.words[a] ?? '') < (this.words[b] ?? '') ? -1 : 1));
    return this.sorted;
  }
}
