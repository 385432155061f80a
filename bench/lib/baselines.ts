// Off-the-shelf search libraries as baselines: same documents, same parsed identity text.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import uFuzzy from '@leeoniya/ufuzzy';
import type { LibraryEntry } from '../../src/matching/index.ts';
import { normalise } from '../../src/matching/index.ts';

export type Baseline = { name: string; search: (text: string) => string[] };

export function docText(e: LibraryEntry): string {
  return normalise([e.name, e.producer, e.appellation, e.colour].filter(Boolean).join(' '));
}

export const BASELINES: Record<string, (lib: readonly LibraryEntry[]) => Baseline> = {
  minisearch: (lib) => {
    const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
    ms.addAll(lib.map((e, i) => ({ id: i, text: docText(e) })));
    return {
      name: 'minisearch',
      search: (q) =>
        ms
          .search(q, { fuzzy: 0.2, prefix: true, combineWith: 'OR' })
          .slice(0, 5)
          .map((r) => lib[r.id as number]?.id ?? ''),
    };
  },
  flexsearch: (lib) => {
    const ix = new FlexSearch.Index({ tokenize: 'forward' });
    lib.forEach((e, i) => ix.add(i, docText(e)));
    return {
      name: 'flexsearch',
      search: (q) => (ix.search(q, { limit: 5, suggest: true }) as number[]).map((i) => lib[i]?.id ?? ''),
    };
  },
  fuse: (lib) => {
    const fuse = new Fuse(
      lib.map((e) => ({ id: e.id, text: docText(e) })),
      { keys: ['text'], threshold: 0.6, ignoreLocation: true, useExtendedSearch: false },
    );
    return { name: 'fuse', search: (q) => fuse.search(q, { limit: 5 }).map((r) => r.item.id) };
  },
  ufuzzy: (lib) => {
    const hay = lib.map(docText);
    const uf = new uFuzzy({ intraMode: 1 });
    return {
      name: 'ufuzzy',
      search: (q) => {
        const [idxs, info, order] = uf.search(hay, q, 0, 1e3);
        if (!idxs) return [];
        const ranked = order && info ? order.map((o) => info.idx[o] ?? 0) : idxs;
        return ranked.slice(0, 5).map((i) => lib[i]?.id ?? '');
      },
    };
  },
};
