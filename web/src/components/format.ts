import type { Drink, Locale } from '../../../src/http/contract.ts';
import { formatNumber, translate } from '../i18n/i18n.tsx';

/** Parses a decimal typed by a French user: "12,50", "12.5", " 3 ". NaN when it is not a number. */
export function parseDecimal(text: string): number {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (cleaned === '' || !/^[-+]?\d*\.?\d+$|^[-+]?\d+\.$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

export const hasDecimals = (v: number, n: number) => Math.abs(Math.round(v * 10 ** n) - v * 10 ** n) < 1e-6;

function drinkName(d: Pick<Drink, 'producer' | 'cuvee'>, fallback: string): string {
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

/** The glass assumed when no linked glass says otherwise: 12 cl. */
const ASSUMED_GLASS_CL = 12;

/** Stock in bottles, at most one decimal, typographic minus: "−8,8 bouteilles", "1 bouteille". */
export function bottlesText(stock: number, locale: Locale): string {
  const rounded = Math.round(stock * 10) / 10 || 0;
  const digits = formatNumber(locale, Math.abs(rounded), 1);
  const n = rounded < 0 ? `−${digits}` : digits;
  const one = locale === 'fr' ? Math.abs(rounded) < 2 : Math.abs(rounded) === 1;
  return translate(locale, one ? 'stock.bottles_one' : 'stock.bottles_other', { n });
}

/** The glasses behind a stock, for a drink served by the glass; the pour is assumed when not known. */
export function glassesTitle(
  d: Pick<Drink, 'stock' | 'formatCl' | 'type'>,
  locale: Locale,
  pourCl?: number,
): string | undefined {
  if (!['wine', 'sparkling', 'champagne'].includes(d.type)) return undefined;
  const pour = pourCl ?? ASSUMED_GLASS_CL;
  if (pour <= 0 || pour >= d.formatCl) return undefined;
  const glasses = formatNumber(locale, Math.round((d.stock * d.formatCl) / pour), 0).replace('-', '−');
  return pourCl === undefined
    ? translate(locale, 'stock.glassesGuess', { n: glasses, format: formatNumber(locale, d.formatCl) })
    : translate(locale, 'stock.glasses', { n: glasses, pour: formatNumber(locale, pour) });
}
