/** The API's DTOs, as the SPA receives them (dates are ISO strings, money in euros). */
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

/* From the server's zod schemas (src/http/contract.ts): one contract. */
import type {
  Account,
  Drink,
  DrinkInput,
  Establishment,
  Invitation,
  Locale,
  Member,
  Role,
} from '../../../src/http/contract.ts';
export type { Account, Drink, DrinkInput, Establishment, Invitation, Locale, Member, Role };

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

/* The till (caisse): connection, imports, synchronisation. Money from the till is in cents. */
export type TillStatus = 'untested' | 'ok' | 'failing' | 'refused';

export type TillConnection = {
  tillType: 'asterio';
  domain: string;
  kmlcode: string;
  siteCode: string;
  identifier: string;
  hasPassword: true;
  status: TillStatus;
  statusCode: string | null;
  statusMessage: string | null;
  siteName: string | null;
  lastTestedAt: string | null;
  lastImportAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  updatedAt: string;
  isSimulator: boolean;
};

export type TillTestCode =
  | 'auth_refused'
  | 'unknown_site'
  | 'unreachable'
  | 'timeout'
  | 'unexpected_response'
  | 'rate_limited'
  | 'server_error'
  | 'too_large';

export type TillTest =
  | { ok: true; siteName: string | null; productCount: number }
  | { ok: false; code: TillTestCode; message: string };

export type TillConnectionInput = {
  tillType: 'asterio';
  domain: string;
  kmlcode: string;
  siteCode?: string;
  identifier: string;
  password?: string;
};

export type ImportRunStatus = 'running' | 'succeeded' | 'partial' | 'waiting' | 'failed';

export type ImportRun = {
  id: string;
  businessDay: string;
  trigger: string;
  status: ImportRunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  productsNew: number;
  productsChanged: number;
  tickets: number;
  lines: number;
  linesNew: number;
  linesChanged: number;
  linesRemoved: number;
  quarantined: number;
  depleted: number;
  revenueCents: number;
  errorCode: string | null;
  errorMessage: string | null;
};

export type QuarantineItem = {
  id: string;
  businessDay: string;
  ticketId: string | null;
  lineId: string | null;
  reason: string;
  raw: unknown;
  createdAt: string;
};

/** The connection's state as every member sees it: the identifiers are for owners, in the till settings. */
export type TillState = Omit<
  TillConnection,
  'domain' | 'kmlcode' | 'siteCode' | 'identifier' | 'hasPassword'
>;

export type ImportOverview = {
  connection: TillState | null;
  runs: ImportRun[];
  pending: string[];
  quarantine: QuarantineItem[];
  lastClosedDay: string;
};

export type TillProduct = {
  id: string;
  externalId: string;
  label: string;
  family: string | null;
  active: boolean;
  priceCents: number | null;
  firstSeenOn: string | null;
  lastSeenOn: string | null;
  labelChangedOn: string | null;
  ignoredAt: string | null;
  quantitySold: number;
  revenueCents: number;
  saleLines: number;
  firstSoldOn: string | null;
  lastSoldOn: string | null;
  linkedDrinkId: string | null;
  hasSales: boolean;
  sameWineAs: string[];
};

export type WorkListStatus = 'unlinked' | 'ignored' | 'linked';

export type WorkListQuery = {
  status?: WorkListStatus;
  family?: string;
  sold?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
};

export type WorkList = {
  items: TillProduct[];
  total: number;
  unlinked: number;
  unlinkedRevenueCents: number;
  families: string[];
};

export type Serving = 'bottle' | 'half' | 'magnum' | 'glass' | 'carafe' | 'can' | 'bib';

export type LibraryEntry = {
  id: string;
  type: string;
  colour: string | null;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  region: string | null;
  country: string | null;
  grapes: string[];
  vintages: number[];
  formatsCl: number[];
  name: string;
  subtype: string | null;
  source: string;
};

export type MatchCandidate = { id: string; score: number; why: string[] };

export type MatchAnswer = {
  serving: Serving | null;
  formatCl: number | null;
  vintage: number | null;
  colour: string | null;
  identityText: string | null;
  candidates: MatchCandidate[];
  decision: 'oui' | 'presque' | 'non';
  entries: Record<string, LibraryEntry>;
};

export type DrinkThatFits = {
  id: string;
  libraryEntryId: string | null;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  vintage: number | null;
  formatCl: number;
  colour: string | null;
};

export type Proposal = {
  tillProduct: { id: string; label: string; family: string | null };
  answer: MatchAnswer;
  best: { entry: LibraryEntry; vintage: number | null; formatCl: number } | null;
  factor: { pourCl: number; factor: number };
  drinksThatFit: DrinkThatFits[];
};

export type LinkTarget =
  | { kind: 'drink'; drinkId: string }
  | { kind: 'library'; libraryEntryId: string; vintage: number | null; formatCl: number }
  | { kind: 'new'; drink: DrinkInput };

export type TillLink = {
  tillProductId: string;
  drinkId: string;
  factor: number;
  label: string;
  family: string | null;
  labelChangedOn: string | null;
  active: boolean;
  createdAt: string;
};

export type DrinkSales = {
  links: TillLink[];
  days: { day: string; tillProductId: string; label: string; quantity: number; revenueCents: number }[];
  totals: { quantity: number; revenueCents: number; depletion: number };
  from: string;
  to: string;
};
