import type { Drink } from '../../../src/http/contract.ts';

/** Parses a decimal typed by a French user: "12,50", "12.5", " 3 ". NaN when it is not a number. */
export function parseDecimal(text: string): number {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (cleaned === '' || !/^[-+]?\d*\.?\d+$|^[-+]?\d+\.$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

export const hasDecimals = (v: number, n: number) => Math.abs(Math.round(v * 10 ** n) - v * 10 ** n) < 1e-6;

export function drinkName(d: Pick<Drink, 'producer' | 'cuvee'>, fallback: string): string {
  const parts = [d.producer, d.cuvee].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length > 0 ? parts.join(' · ') : fallback;
}

/** The heading of a drink: producer · cuvée, or the appellation when neither is known. */
export function drinkTitle(d: Pick<Drink, 'producer' | 'cuvee' | 'appellation'>, fallback: string): string {
  return drinkName(d, d.appellation ?? fallback);
}

export function formatCl(cl: number, num: (v: number) => string): string {
  return `${num(cl)} cl`;
}

export const isLowStock = (d: Pick<Drink, 'stock' | 'minStock'>) =>
  d.minStock !== null && d.stock < d.minStock;
