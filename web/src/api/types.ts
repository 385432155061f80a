/** The API's DTOs, as the SPA receives them (dates are ISO strings, money in euros). */
export type Locale = 'fr' | 'en';
export type Role = 'owner' | 'manager' | 'staff';

export type Account = {
  id: string;
  email: string;
  displayName: string | null;
  locale: Locale;
  createdAt: string;
};

export type Establishment = {
  id: string;
  name: string;
  timeZone: string;
  dayCutoffHour: number;
  isDemo: boolean;
  createdAt: string;
  role: Role;
};

export type Member = {
  accountId: string;
  email: string;
  displayName: string | null;
  role: Role;
  since: string;
};
export type Invitation = { id: string; email: string; role: Role; createdAt: string };

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

export type Drink = {
  id: string;
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
  purchasePrice: number | null;
  salePrice: number | null;
  location: string | null;
  minStock: number | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  stock: number;
  lastCountAt: string | null;
  stockValue: number | null;
};

export type DrinkInput = {
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
  purchasePrice: number | null;
  salePrice: number | null;
  location: string | null;
  minStock: number | null;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const DRINK_SORTS = ['name', 'appellation', 'vintage', 'stock', 'updated'] as const;
export type DrinkSort = (typeof DRINK_SORTS)[number];

export type DrinkQuery = {
  q?: string;
  colour?: Colour;
  type?: DrinkType;
  region?: string;
  inStock?: boolean;
  archived?: boolean;
  sort?: DrinkSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
};

export const MOVEMENT_KINDS = ['receipt', 'loss', 'adjustment', 'count'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type Movement = {
  id: string;
  drinkId: string;
  kind: MovementKind;
  quantity: number;
  occurredAt: string;
  seq: number;
  accountId: string | null;
  accountEmail: string | null;
  note: string | null;
  createdAt: string;
};

export type Appellation = {
  id: string;
  name: string;
  sign: string;
  wineRegion: string | null;
  colours: string[];
};
