// Every entry's profile laid out in a few flat typed arrays: verify reads ~200 random entries per label, and
// one contiguous slice per entry costs far fewer cache misses than an object holding three small arrays.
import type { Profile } from './profile.ts';

function grow<T extends Int32Array | Uint8Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class FlatProfiles {
  /** entry → first slot and word count (0 once the entry is replaced) */
  start = new Int32Array(1024);
  len = new Int32Array(1024);
  generic = new Uint8Array(1024);
  /** slot → word id, fields (S_*) and flags (F_*) */
  tok = new Int32Array(8192);
  src = new Uint8Array(8192);
  flag = new Uint8Array(8192);
  private used = 0;

  push(entry: number, p: Profile): void {
    const n = p.tok.length;
    this.start = grow(this.start, entry + 1, (k) => new Int32Array(k));
    this.len = grow(this.len, entry + 1, (k) => new Int32Array(k));
    this.generic = grow(this.generic, entry + 1, (k) => new Uint8Array(k));
    this.tok = grow(this.tok, this.used + n, (k) => new Int32Array(k));
    this.src = grow(this.src, this.used + n, (k) => new Uint8Array(k));
    this.flag = grow(this.flag, this.used + n, (k) => new Uint8Array(k));
    this.start[entry] = this.used;
    this.len[entry] = n;
    this.generic[entry] = p.generic ? 1 : 0;
    for (let j = 0; j < n; j++) {
      this.tok[this.used + j] = p.tok[j] ?? 0;
      this.src[this.used + j] = p.src[j] ?? 0;
      this.flag[this.used + j] = p.flag[j] ?? 0;
    }
    this.used += n;
  }

  retire(entry: number): void {
    if (entry < this.len.length) this.len[entry] = 0;
  }
}
