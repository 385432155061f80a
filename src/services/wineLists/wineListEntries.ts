import type { LinkedPriceRow, WineListItemRow } from '../../db/repositories/wineListItems.ts';
import { parseLabel } from '../../matching/parse.ts';
import {
  defaultSection,
  orderedSections,
  SECTIONS,
  SERVING_ORDER,
  servingOf,
  type SectionKey,
  type Serving,
} from '../../domain/wineList.ts';

type PriceSource = 'till' | 'manual' | 'drink';
type PriceLine = {
  serving: Serving;
  volumeCl: number;
  cents: number;
  source: PriceSource;
  tillLabel: string | null;
};

type EntryWarning =
  | 'no_price'
  | 'appellation_not_registered'
  | 'no_vintage'
  | 'no_colour'
  | 'manual_price_ignored'
  | 'archived';

export type Entry = {
  drinkId: string;
  section: SectionKey;
  sectionOverride: SectionKey | null;
  position: number;
  note: string | null;
  producer: string | null;
  cuvee: string | null;
  /** As registered (INAO name and sign) when the drink is tied to an appellation, else as typed. */
  appellation: string | null;
  region: string | null;
  country: string | null;
  vintage: number | null;
  formatCl: number;
  prices: PriceLine[];
  tillLinked: boolean;
  ownPriceCents: number | null;
  manualPriceCents: number | null;
  stock: number;
  available: boolean;
  lastBottles: boolean;
  warnings: EntryWarning[];
};

const WINE_TYPES = new Set(['wine', 'champagne', 'sparkling', 'fortified']);
const asSection = (s: string | null): SectionKey | null =>
  s !== null && (SECTIONS as readonly string[]).includes(s) ? (s as SectionKey) : null;

/** The till's price by serving (one per serving and volume, the most recently seen product first). */
function tillPrices(links: readonly LinkedPriceRow[], formatCl: number): PriceLine[] {
  const out = new Map<string, PriceLine>();
  for (const link of links) {
    if (!link.active || link.priceCents === null) continue;
    const parsed = parseLabel(link.label);
    const { serving, volumeCl } = servingOf({
      parsedServing: parsed.serving,
      parsedCl: parsed.formatCl,
      factor: link.factor,
      drinkFormatCl: formatCl,
    });
    const key = `${serving}:${volumeCl}`;
    if (!out.has(key))
      out.set(key, { serving, volumeCl, cents: link.priceCents, source: 'till', tillLabel: link.label });
  }
  return [...out.values()].sort(
    (a, b) => SERVING_ORDER.indexOf(a.serving) - SERVING_ORDER.indexOf(b.serving) || a.volumeCl - b.volumeCl,
  );
}

/**
 * One item's prices, availability and warnings. The till's catalogue price wins where a product is linked; a
 * manual price only where none is; the drink's own price otherwise. The drink's own price is never changed.
 */
export function toEntry(
  item: WineListItemRow,
  links: readonly LinkedPriceRow[],
  lowStockThreshold: number | null,
): Entry {
  const tillLinked = links.length > 0;
  let prices = tillPrices(links, item.formatCl);
  if (!tillLinked) {
    const cents = item.manualPriceCents ?? item.salePriceCents;
    if (cents !== null) {
      const own = servingOf({ parsedServing: null, parsedCl: null, factor: 1, drinkFormatCl: item.formatCl });
      prices = [
        { ...own, cents, source: item.manualPriceCents !== null ? 'manual' : 'drink', tillLabel: null },
      ];
    }
  }
  const warnings: EntryWarning[] = [];
  if (item.archived) warnings.push('archived');
  if (prices.length === 0) warnings.push('no_price');
  if (tillLinked && item.manualPriceCents !== null) warnings.push('manual_price_ignored');
  if (WINE_TYPES.has(item.type) && item.appellationId === null) warnings.push('appellation_not_registered');
  if (item.type === 'wine' && item.colour === null) warnings.push('no_colour');
  if (item.type === 'wine' && item.vintage === null) warnings.push('no_vintage');
  const registered = item.registeredAppellation
    ? `${item.registeredAppellation}${item.appellationSign ? ` ${item.appellationSign}` : ''}`
    : null;
  const available = item.stock > 0 && !item.archived;
  const override = asSection(item.section);
  return {
    drinkId: item.drinkId,
    section: override ?? defaultSection(item.type, item.colour),
    sectionOverride: override,
    position: item.position,
    note: item.note,
    producer: item.producer,
    cuvee: item.cuvee,
    appellation: registered ?? item.appellation,
    region: item.region,
    country: item.country,
    vintage: item.vintage,
    formatCl: item.formatCl,
    prices,
    tillLinked,
    ownPriceCents: item.salePriceCents,
    manualPriceCents: item.manualPriceCents,
    stock: item.stock,
    available,
    lastBottles: available && lowStockThreshold !== null && item.stock <= lowStockThreshold,
    warnings,
  };
}

export type Section = { key: SectionKey; entries: Entry[] };

/** Entries grouped by section in the list's section order; within a section, by position. */
export function groupSections(entries: readonly Entry[], sectionOrder: readonly string[]): Section[] {
  const sections: Section[] = [];
  for (const key of orderedSections(sectionOrder)) {
    const inSection = entries.filter((e) => e.section === key).sort((a, b) => a.position - b.position);
    if (inSection.length > 0) sections.push({ key, entries: inSection });
  }
  return sections;
}

/** What may be shown to the public: in stock, not archived, with a price. */
export const isPublic = (e: Entry): boolean => e.available && e.prices.length > 0;
