import { fitLabel, twoDigitVintage } from './labels.ts';
import type { Library } from './library.ts';
import { MENU, type Category, type Family } from './menu.ts';
import { addDays, dayFromNumber, dayNumber } from './paris.ts';
import { int, pick, rngFor, sample } from './prng.ts';
import type { SimRestaurant } from './restaurants.ts';
import { frenchWines, houseDrafts, wineDrafts, type Draft } from './wines.ts';

/** A product as the simulated till stores it; label and price may change over time (see versionAt). */
export type SimProduct = {
  id: string;
  family: Family;
  vatRate: number;
  category: Category;
  /** Relative popularity within its category. */
  weight: number;
  createdOn: string;
  /** From this day the product is inactive (still listed, no longer sold). */
  retiredOn: string | null;
  label: string;
  priceCents: number;
  /** Periodic edits: a new vintage keyed in, or a price rise, every `periodDays`. */
  edit: { kind: 'vintage' | 'price'; periodDays: number; phase: number } | null;
  vintageParts: Draft['vintageParts'] | null;
};

const EPOCH_DAY = '2020-01-01';
const WEEKLY_WINDOW_DAYS = 70;
const WEEKLY_LIFE_DAYS = 42;
// 1970-01-05 was a Monday: weekly products are numbered from there.
const weekOf = (day: string): number => Math.floor((dayNumber(day) - 4) / 7);

function toProduct(seed: number, kml: string, id: string, draft: Draft, createdOn: string): SimProduct {
  const rng = rngFor(seed, kml, 'product', id);
  const roll = rng();
  const canVintage = draft.vintageParts !== undefined && draft.category === 'wine_btl';
  const edit =
    canVintage && roll < 0.2
      ? { kind: 'vintage' as const, periodDays: int(rng, 45, 150), phase: int(rng, 0, 149) }
      : roll > 0.88
        ? { kind: 'price' as const, periodDays: int(rng, 30, 120), phase: int(rng, 0, 119) }
        : null;
  return {
    id,
    family: draft.family,
    vatRate: draft.vat,
    category: draft.category,
    weight: (0.2 + rng()) / Math.sqrt(Math.max(1, draft.euros / 10)),
    createdOn,
    retiredOn: null,
    label: draft.label,
    priceCents: Math.round(draft.euros * 100),
    edit,
    vintageParts: draft.vintageParts ?? null,
  };
}

/** The products a restaurant has had since the epoch, in a seed-stable order and numbering. */
export function buildBaseCatalogue(r: SimRestaurant, seed: number, library: Library): SimProduct[] {
  const rng = rngFor(seed, r.kmlcode, 'catalogue');
  const wines = sample(rng, frenchWines(library), r.wineCount);
  const drafts: Draft[] = [
    ...wines.flatMap((w) => wineDrafts(rng, w, r.glassShare, r.priceLevel)),
    ...houseDrafts(rng, library),
    ...MENU.filter((m) => m.category === 'coffee' || m.category === 'water' || rng() < 0.8).map((m) => ({
      ...m,
    })),
  ];
  const seen = new Set<string>();
  return drafts
    .filter((d) => !seen.has(d.label) && seen.add(d.label))
    .map((d, i) => toProduct(seed, r.kmlcode, String(1001 + i), d, EPOCH_DAY));
}

/** One new wine button a week, so that the work list always has something created recently. */
function weeklyProduct(r: SimRestaurant, seed: number, library: Library, week: number): SimProduct {
  const rng = rngFor(seed, r.kmlcode, 'weekly', week);
  const wine = pick(rng, frenchWines(library));
  const [bottle] = wineDrafts(rng, wine, 0, r.priceLevel);
  const createdOn = dayFromNumber(4 + week * 7 + int(rng, 0, 6));
  const product = toProduct(
    seed,
    r.kmlcode,
    String(200000 + week),
    bottle ?? { ...MENU[0]!, vat: 20 },
    createdOn,
  );
  return { ...product, retiredOn: addDays(createdOn, WEEKLY_LIFE_DAYS) };
}

/** The catalogue as the till shows it on `day`: created on or before it, recent weekly buttons included. */
export function catalogueAt(
  r: SimRestaurant,
  seed: number,
  library: Library,
  base: SimProduct[],
  day: string,
): SimProduct[] {
  const weekly: SimProduct[] = [];
  const current = weekOf(day);
  for (let w = current - Math.ceil(WEEKLY_WINDOW_DAYS / 7); w <= current; w += 1) {
    const p = weeklyProduct(r, seed, library, w);
    const age = dayNumber(day) - dayNumber(p.createdOn);
    if (age >= 0 && age < WEEKLY_WINDOW_DAYS) weekly.push(p);
  }
  return [...base.filter((p) => p.createdOn <= day), ...weekly];
}

export const isActiveOn = (p: SimProduct, day: string): boolean => p.retiredOn === null || day < p.retiredOn;

/** Label and price on a given day: what a ticket line of that day carries. */
export function versionAt(p: SimProduct, day: string): { label: string; priceCents: number } {
  if (p.edit === null) return { label: p.label, priceCents: p.priceCents };
  const k = Math.floor((dayNumber(day) + p.edit.phase) / p.edit.periodDays) % 3;
  if (p.edit.kind === 'price')
    return { label: p.label, priceCents: Math.round((p.priceCents * (1 + 0.05 * k)) / 10) * 10 };
  const parts = p.vintageParts;
  if (!parts) return { label: p.label, priceCents: p.priceCents };
  return {
    label: fitLabel(parts.prefix, parts.body, twoDigitVintage(String(parts.vintage + k))),
    priceCents: p.priceCents,
  };
}
