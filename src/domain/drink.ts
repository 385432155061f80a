/** A cellar drink's identity + vintage + format, as the services and the UI see it. */
export const DRINK_TYPES = [
  'wine',
  'sparkling',
  'champagne',
  'fortified',
  'spirit',
  'beer',
  'cider',
  'soft',
  'other',
] as const;
export type DrinkType = (typeof DRINK_TYPES)[number];
export const COLOURS = ['rouge', 'blanc', 'rosé'] as const;
export type Colour = (typeof COLOURS)[number];
export const DRINK_SORTS = ['name', 'appellation', 'vintage', 'stock', 'updated'] as const;
export type DrinkSort = (typeof DRINK_SORTS)[number];

export type Drink = {
  id: string;
  establishmentId: string;
  libraryEntryId: string | null;
  type: DrinkType;
  colour: Colour | null;
  producer: string | null;
  cuvee: string | null;
  appellationId: string | null;
  appellation: string | null;
  region: string | null;
  country: string | null;
  grapes: string[];
  vintage: number | null;
  formatCl: number;
  purchasePriceCents: number | null;
  salePriceCents: number | null;
  location: string | null;
  minStock: number | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type DrinkWithStock = Drink & {
  stock: number;
  lastCountAt: Date | null;
  stockValueCents: number | null;
  /** At least one till product is linked: the yellow till icon. */
  tillLinked: boolean;
};

/** The name a person reads: producer, cuvée, appellation, vintage. */
export function drinkDisplayName(d: Pick<Drink, 'producer' | 'cuvee' | 'appellation' | 'vintage'>): string {
  const parts = [d.producer, d.cuvee, d.appellation].filter((p): p is string => !!p && p.trim() !== '');
  const name = parts.length > 0 ? parts.join(' · ') : 'Sans nom';
  return d.vintage ? `${name} ${d.vintage}` : name;
}
