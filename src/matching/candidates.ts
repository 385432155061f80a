// Candidate generation: entries sharing the label's rarer words, weighted by rarity and match quality.
import type { MatchIndex } from './matchIndex.ts';
import type { QueryToken } from './query.ts';

/** Posting lists longer than this share of the library are too common to seed candidates. */
const COMMON_SHARE = 0.04;
const COMMON_FLOOR = 800;

/** Reused score buffers: generation is called once per label, never concurrently (pure sync code). */
let scores = new Float64Array(0);
let marks = new Int32Array(0);
let stamp = 0;

export function generateCandidates(index: MatchIndex, query: readonly QueryToken[], k: number): number[] {
  const n = index.size;
  if (scores.length < n) {
    scores = new Float64Array(Math.max(n, scores.length * 2));
    marks = new Int32Array(scores.length).fill(-1);
  }
  const common = Math.max(COMMON_FLOOR, Math.floor(n * COMMON_SHARE));
  const touched: number[] = [];
  const lists = query.map((qt) => seedLists(index, qt));
  const anyRare = lists.some((ls) => ls.some((l) => l.list.length <= common));
  for (const ls of lists) {
    stamp++;
    // best quality first so that each entry gets this word's best contribution only once
    ls.sort((a, b) => b.w - a.w);
    for (const { list, w } of ls) {
      if (anyRare && list.length > common) continue;
      for (const e of list) {
        if (marks[e] === stamp) continue;
        marks[e] = stamp;
        if (scores[e] === 0) touched.push(e);
        scores[e] = (scores[e] ?? 0) + w;
      }
    }
  }
  addGeneric(index, query, touched);
  const out = topK(touched, k);
  for (const e of touched) scores[e] = 0;
  return out;
}

type Seed = { list: readonly number[]; w: number };

function seedLists(index: MatchIndex, qt: QueryToken): Seed[] {
  const out: Seed[] = [];
  for (const [id, q] of qt.single) out.push({ list: index.postings[id] ?? [], w: index.idf(id) * q });
  for (const alt of qt.multi) {
    // the rarest word of the phrase seeds it
    let best: readonly number[] | null = null;
    let w = 0;
    for (const id of alt.ids) {
      const l = index.postings[id] ?? [];
      w += index.idf(id);
      if (best === null || l.length < best.length) best = l;
    }
    if (best) out.push({ list: best, w: w * alt.q });
  }
  return out;
}

/** House wines: generic identities whose appellation words the label names always compete. */
function addGeneric(index: MatchIndex, query: readonly QueryToken[], touched: number[]): void {
  for (const qt of query) {
    const ids = [...qt.single.keys(), ...qt.multi.flatMap((a) => a.ids)];
    for (const id of ids) {
      for (const e of index.genericPostings.get(id) ?? []) {
        if (scores[e] === 0) {
          touched.push(e);
          scores[e] = 1e-6;
        }
        scores[e] = (scores[e] ?? 0) + 0.5;
      }
    }
  }
}

/** Histogram buckets over (0, best score]: one counting pass finds a cut that keeps about k candidates. */
const BUCKETS = 64;
const hist = new Int32Array(BUCKETS);

/** The k best-scored entries, best first (ties in touched order), without sorting every touched entry. */
function topK(touched: readonly number[], k: number): number[] {
  if (touched.length <= k) return [...touched];
  let max = 0;
  for (const e of touched) max = Math.max(max, scores[e] ?? 0);
  const bucket = (s: number): number => (s >= max ? BUCKETS - 1 : Math.floor((s / max) * BUCKETS));
  hist.fill(0);
  for (const e of touched) {
    const b = bucket(scores[e] ?? 0);
    hist[b] = (hist[b] ?? 0) + 1;
  }
  let cut = 0;
  for (let b = BUCKETS - 1, seen = 0; b >= 0; b--) {
    seen += hist[b] ?? 0;
    if (seen >= k) {
      cut = b;
      break;
    }
  }
  const pool = touched.filter((e) => bucket(scores[e] ?? 0) >= cut);
  return pool.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)).slice(0, k);
}
