// Text normalisation shared by the parser and the index.

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ø: 'o', Ø: 'O' };

/** Accents, ligatures and combining marks removed; case kept. */
export function stripAccents(text: string): string {
  if (!/[^ -~]/.test(text)) return text; // plain ASCII: nothing to strip (most till text)
  return text
    .replace(/[œŒæÆßøØ]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Lower-case ASCII words separated by single spaces; idempotent. */
export function normalise(text: string): string {
  return stripAccents(text)
    .replace(/(^|[^\d])0[,.]0(?!\d)/g, '$100') // 0,0 % (alcohol-free) is written 00 on tills
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalised words (empty array for empty text). */
export function words(text: string): string[] {
  const n = normalise(text);
  return n === '' ? [] : n.split(' ');
}

/** "V.V." → "VV", "J.M." → "JM": dotted initials read as one word on both sides of a match. */
function collapseInitials(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/\b([A-Za-z])\.(?=[A-Za-z]\b\.?)/g, '$1');
}

/** Words of a library or label text, with dotted initials collapsed first. */
export function identityWords(text: string): string[] {
  return words(collapseInitials(text));
}
