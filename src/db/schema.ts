import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CarteDatabase } from './carteSchema.ts';
import type { CountsDatabase } from './countsSchema.ts';
import type { SalesFileDatabase } from './salesFileSchema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

interface AccountTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  display_name: string | null;
  locale: Generated<string>;
  created_at: CreatedAt;
}

interface AccountTaskTable {
  id: Generated<string>;
  account_id: string;
  kind: string;
  target_establishment: string | null;
  state: Generated<string>;
  done: Generated<number>;
  total: Generated<number>;
  params: ColumnType<unknown, string | undefined, string>;
  input: Uint8Array | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface SessionTable {
  id: string;
  account_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

interface LoginFailureTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
}

interface RateLimitTable {
  key: string;
  hits: number;
  expires_at: Timestamp;
}

interface EstablishmentTable {
  id: Generated<string>;
  name: string;
  time_zone: Generated<string>;
  day_cutoff_hour: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export type Role = 'owner' | 'manager' | 'staff';

interface MembershipTable {
  establishment_id: string;
  account_id: string;
  role: Role;
  created_at: CreatedAt;
}

interface InvitationTable {
  establishment_id: string;
  id: Generated<string>;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: CreatedAt;
  accepted_at: Timestamp | null;
}

interface AppellationTable {
  id: string;
  name: string;
  sign: string;
  wine_region: string | null;
  colours: string[];
  alt_names: string[];
  search_text: string;
}

interface DrinkTable {
  establishment_id: string;
  id: Generated<string>;
  library_entry_id: string | null;
  type: string;
  colour: string | null;
  producer: string | null;
  cuvee: string | null;
  appellation_id: string | null;
  appellation: string | null;
  region: string | null;
  country: string | null;
  grapes: string[];
  vintage: number | null;
  format_cl: number;
  purchase_price_cents: number | null;
  sale_price_cents: number | null;
  location: string | null;
  min_stock: number | null;
  search_text: string;
  archived_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type MovementKind = 'receipt' | 'loss' | 'adjustment' | 'count';

interface StockMovementTable {
  establishment_id: string;
  id: Generated<string>;
  seq: Generated<number>;
  drink_id: string;
  kind: MovementKind;
  quantity: number;
  occurred_at: Timestamp;
  account_id: string | null;
  note: string | null;
  created_at: CreatedAt;
  unit_cost_cents: Generated<number | null>;
  supplier: Generated<string | null>;
  count_session_id: Generated<string | null>;
}

/** Kept by triggers (migration 20261206T0004): the §4 rule evaluated at each write, read by the cellar. */
interface DrinkStockTable {
  establishment_id: string;
  drink_id: string;
  stock: number;
  last_count_at: Timestamp | null;
}

export interface Database extends CountsDatabase, CarteDatabase, SalesFileDatabase {
  account: AccountTable;
  session: SessionTable;
  account_task: AccountTaskTable;
  login_failure: LoginFailureTable;
  rate_limit: RateLimitTable;
  establishment: EstablishmentTable;
  membership: MembershipTable;
  invitation: InvitationTable;
  appellation: AppellationTable;
  drink: DrinkTable;
  stock_movement: StockMovementTable;
  drink_stock: DrinkStockTable;
  till_connection: TillConnectionTable;
  till_product: TillProductTable;
  till_product_label: TillProductLabelTable;
  sale_line: SaleLineTable;
  sale_product_day: SaleProductDayTable;
  sale_product_total: SaleProductTotalTable;
  sale_product_month: SaleProductMonthTable;
  sale_quarantine: SaleQuarantineTable;
  import_run: ImportRunTable;
  till_link: TillLinkTable;
  till_link_event: TillLinkEventTable;
  library_entry: LibraryEntryTable;
  match_lesson: MatchLessonTable;
  till_catalogue_profile: TillCatalogueProfileTable;
}

export type DrinkRow = Selectable<DrinkTable>;
export type TillConnectionStatus = 'untested' | 'ok' | 'failing' | 'refused';

export interface TillConnectionTable {
  establishment_id: string;
  id: Generated<string>;
  /** Shown wherever the till is named: "Bar", "Restaurant". */
  name: Generated<string>;
  /** A removed till: no longer imported, its products, links and sales kept read-only. */
  archived_at: Timestamp | null;
  till_type: 'asterio' | 'hubrise';
  domain: string;
  kmlcode: string;
  site_code: string;
  identifier: string;
  password_encrypted: string;
  is_simulator: Generated<boolean>;
  status: Generated<TillConnectionStatus>;
  status_code: string | null;
  status_message: string | null;
  site_name: string | null;
  last_tested_at: Timestamp | null;
  last_import_at: Timestamp | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface TillProductTable {
  establishment_id: string;
  id: Generated<string>;
  till_id: string;
  external_id: string;
  label: string;
  family: string | null;
  vat_rate: number | null;
  price_cents: number | null;
  active: Generated<boolean>;
  first_seen_on: string;
  last_seen_on: string;
  label_changed_on: string | null;
  ignored_at: Timestamp | null;
  created_at: CreatedAt;
}

interface TillProductLabelTable {
  establishment_id: string;
  till_product_id: string;
  label: string;
  valid_from: string;
}

interface SaleLineTable {
  establishment_id: string;
  till_id: string;
  business_day: string;
  ticket_id: string;
  line_id: string;
  till_product_id: string;
  sold_at: Timestamp;
  label: string;
  quantity: number;
  amount_cents: number;
  amount_excl_tax_cents: number | null;
  discount_cents: number | null;
  import_run_id: string | null;
}

/** Kept by triggers on sale_line (migration 20261206T0610): never written by the application. */
interface SaleProductDayTable {
  establishment_id: string;
  till_product_id: string;
  business_day: string;
  label: string;
  quantity: number;
  amount_cents: number;
  amount_excl_tax_cents: number | null;
  discount_cents: number;
  lines: number;
  first_sold_at: Date;
  last_sold_at: Date;
}

/** Kept by triggers on sale_product_day (migration 20261206T0732): never written by the application. */
interface SaleProductTotalTable {
  establishment_id: string;
  till_product_id: string;
  quantity: number;
  amount_cents: number;
  lines: number;
  first_day: string | null;
  last_day: string | null;
}

/** Kept by triggers on sale_product_day (migration 20261206T0950): never written by the application. */
interface SaleProductMonthTable {
  establishment_id: string;
  till_product_id: string;
  month: string;
  quantity: number;
  amount_cents: number;
  /** Σ of the days' amounts before tax given by the till (lines without one add theirs from the VAT when read). */
  amount_excl_tax_cents: number;
  days: number;
  first_sold_at: Date;
  last_sold_at: Date;
}

interface SaleQuarantineTable {
  establishment_id: string;
  id: Generated<string>;
  till_id: string;
  business_day: string;
  ticket_id: string | null;
  line_id: string | null;
  reason: string;
  raw: unknown;
  import_run_id: string | null;
  created_at: CreatedAt;
}

export type ImportStatus = 'running' | 'succeeded' | 'partial' | 'waiting' | 'failed';

export interface ImportRunTable {
  establishment_id: string;
  id: Generated<string>;
  /** The till read; null only for runs older than several tills whose till was gone. */
  till_id: string | null;
  business_day: string;
  trigger: string;
  status: ImportStatus;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  duration_ms: number | null;
  products_new: Generated<number>;
  products_changed: Generated<number>;
  tickets: Generated<number>;
  lines: Generated<number>;
  lines_new: Generated<number>;
  lines_changed: Generated<number>;
  lines_removed: Generated<number>;
  quarantined: Generated<number>;
  depleted: Generated<number>;
  revenue_cents: Generated<number>;
  error_code: string | null;
  error_message: string | null;
}

interface TillLinkTable {
  establishment_id: string;
  till_product_id: string;
  drink_id: string;
  factor: number;
  linked_by: string | null;
  created_at: CreatedAt;
}

export type LinkEventKind = 'link' | 'relink' | 'factor' | 'unlink';
interface TillLinkEventTable {
  establishment_id: string;
  id: Generated<string>;
  till_product_id: string;
  kind: LinkEventKind;
  drink_id: string | null;
  previous_drink_id: string | null;
  factor: number | null;
  previous_factor: number | null;
  account_id: string | null;
  at: CreatedAt;
}

export interface LibraryEntryTable {
  id: string;
  establishment_id: string | null;
  source: 'xwines' | 'generic' | 'establishment' | 'supplier';
  type: string;
  colour: string | null;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  region: string | null;
  country: string | null;
  grapes: string[];
  vintages: number[];
  formats_cl: number[];
  name: string;
  subtype: string | null;
  search_text: string;
  created_at: CreatedAt;
}

/** One answer per establishment and label identity: what the matcher learnt from it (see src/matching/knowledge.ts). */
interface MatchLessonTable {
  establishment_id: string;
  label_key: string;
  library_entry_id: string | null;
  words: ColumnType<Record<string, unknown>, string, string>;
  taught_by: string | null;
  updated_at: Generated<Timestamp>;
}

/** A till connection's catalogue profile, rebuilt when a newer import has run. */
interface TillCatalogueProfileTable {
  till_id: string;
  establishment_id: string;
  catalogue_version: string;
  profile: ColumnType<Record<string, unknown>, string, string>;
  built_at: Generated<Timestamp>;
}
