import { foldText } from '../../domain/text.ts';

/**
 * The till product id of a file line: its code when the till exported one, otherwise a stable id made from the
 * normalised label (case, accents, punctuation and spacing folded), so the same product keeps one id across files.
 */
export function productKey(code: string | null, label: string): string | null {
  const c = code?.trim() ?? '';
  if (c !== '') return c.slice(0, 64);
  const folded = foldText(label);
  return folded === '' ? null : `libelle:${folded}`.slice(0, 200);
}
