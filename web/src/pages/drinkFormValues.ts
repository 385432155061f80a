import type { Colour, DrinkType } from '../../../src/domain/drink.ts';
import type { Drink, DrinkInput } from '../../../src/http/contract.ts';
import { hasDecimals, parseDecimal } from '../components/format.ts';
import type { Translate } from '../i18n/i18n.tsx';

export const STANDARD_FORMATS = [37.5, 50, 75, 150, 300] as const;
export const OTHER_FORMAT = 'other';

/** What the form holds: text as typed, converted on submit. */
export type DrinkFormValues = {
  type: DrinkType;
  colour: Colour | '';
  producer: string;
  cuvee: string;
  appellation: string;
  appellationId: string | null;
  region: string;
  country: string;
  grapes: string;
  vintage: string;
  nonVintage: boolean;
  format: string;
  formatCustom: string;
  purchasePrice: string;
  salePrice: string;
  location: string;
  minStock: string;
};

export type FormField =
  | 'type'
  | 'colour'
  | 'producer'
  | 'cuvee'
  | 'appellation'
  | 'appellationId'
  | 'region'
  | 'country'
  | 'grapes'
  | 'vintage'
  | 'formatCl'
  | 'purchasePrice'
  | 'salePrice'
  | 'location'
  | 'minStock';
export type FormErrors = Partial<Record<FormField, string>>;

export const EMPTY_DRINK: DrinkFormValues = {
  type: 'wine',
  colour: '',
  producer: '',
  cuvee: '',
  appellation: '',
  appellationId: null,
  region: '',
  country: '',
  grapes: '',
  vintage: '',
  nonVintage: false,
  format: '75',
  formatCustom: '',
  purchasePrice: '',
  salePrice: '',
  location: '',
  minStock: '',
};

const decimalText = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));
const moneyText = (v: number | null) => (v === null ? '' : v.toFixed(2).replace('.', ','));

export function valuesFromDrink(d: Drink): DrinkFormValues {
  const standard = (STANDARD_FORMATS as readonly number[]).includes(d.formatCl);
  return {
    type: d.type,
    colour: d.colour ?? '',
    producer: d.producer ?? '',
    cuvee: d.cuvee ?? '',
    appellation: d.appellation ?? '',
    appellationId: d.appellationId,
    region: d.region ?? '',
    country: d.country ?? '',
    grapes: d.grapes.join(', '),
    vintage: d.vintage === null ? '' : String(d.vintage),
    nonVintage: d.vintage === null,
    format: standard ? String(d.formatCl) : OTHER_FORMAT,
    formatCustom: standard ? '' : decimalText(d.formatCl),
    purchasePrice: moneyText(d.purchasePrice),
    salePrice: moneyText(d.salePrice),
    location: d.location ?? '',
    minStock: decimalText(d.minStock),
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

function euros(s: string): number | null | 'invalid' {
  if (s.trim() === '') return null;
  const v = parseDecimal(s.replace('€', ''));
  if (Number.isNaN(v) || v < 0 || v > 100_000 || !hasDecimals(v, 2)) return 'invalid';
  return v;
}

/** Mirrors the server's checks; the server's own field errors still land under the same fields. */
export function toInput(
  v: DrinkFormValues,
  t: Translate,
): { input: DrinkInput; errors: FormErrors } | { input?: undefined; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!text(v.producer) && !text(v.cuvee) && !text(v.appellation)) errors.producer = t('form.err.identity');
  const maxVintage = new Date().getFullYear() + 1;
  let vintage: number | null = null;
  if (!v.nonVintage) {
    const y = Number(v.vintage.trim());
    if (!/^\d{4}$/.test(v.vintage.trim()) || y < 1800 || y > maxVintage)
      errors.vintage = t('form.err.vintage', { max: String(maxVintage) });
    else vintage = y;
  }
  const formatCl = v.format === OTHER_FORMAT ? parseDecimal(v.formatCustom) : Number(v.format);
  if (Number.isNaN(formatCl) || formatCl <= 0 || formatCl > 3000) errors.formatCl = t('form.err.format');
  const purchasePrice = euros(v.purchasePrice);
  if (purchasePrice === 'invalid') errors.purchasePrice = t('form.err.price');
  const salePrice = euros(v.salePrice);
  if (salePrice === 'invalid') errors.salePrice = t('form.err.price');
  let minStock: number | null = null;
  if (v.minStock.trim() !== '') {
    minStock = parseDecimal(v.minStock);
    if (Number.isNaN(minStock) || minStock < 0 || minStock > 100_000 || !hasDecimals(minStock, 3))
      errors.minStock = t('form.err.minStock');
  }
  if (Object.keys(errors).length > 0 || purchasePrice === 'invalid' || salePrice === 'invalid')
    return { errors };
  return {
    errors,
    input: {
      type: v.type,
      colour: v.colour === '' ? null : v.colour,
      producer: text(v.producer),
      cuvee: text(v.cuvee),
      appellation: text(v.appellation),
      appellationId: text(v.appellation) ? v.appellationId : null,
      region: text(v.region),
      country: text(v.country),
      grapes: v.grapes
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
      vintage,
      formatCl,
      purchasePrice,
      salePrice,
      location: text(v.location),
      minStock,
    },
  };
}
