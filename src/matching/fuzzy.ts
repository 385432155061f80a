// Cheap word comparisons: one-slip typos, consonant-skeleton abbreviations.

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** All strings made by deleting one character (the symmetric-delete typo index). */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * "BGNE" for bourgogne, "CTES" for côtes, "MTN" for mouton: same first letter, letters in order,
 * clearly shorter than the word.
 */
export function isSkeletonOf(abbrev: string, word: string): boolean {
  if (abbrev.length < 2 || abbrev.length >= word.length || abbrev[0] !== word[0]) return false;
  if (/\d/.test(abbrev)) return false;
  let j = 1;
  for (let i = 1; i < abbrev.length; i++) {
    const c = abbrev[i];
    while (j < word.length && word[j] !== c) j++;
    if (j === word.length) return false;
    j++;
  }
  return true;
}
