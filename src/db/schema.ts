import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface AccountTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  display_name: string | null;
  locale: Generated<string>;
  created_at: CreatedAt;
}

export interface SessionTable {
  id: string;
  account_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface LoginFailureTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
}

export interface EstablishmentTable {
  id: Generated<string>;
  name: string;
  time_zone: Generated<string>;
  day_cutoff_hour: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export type Role = 'owner' | 'manager' | 'staff';

export interface MembershipTable {
  establishment_id: string;
  account_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface InvitationTable {
  establishment_id: string;
  id: Generated<string>;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: CreatedAt;
  accepted_at: Timestamp | null;
}

export interface AppellationTable {
  id: string;
  name: string;
  sign: string;
  wine_region: string | null;
  colours: string[];
  alt_names: string[];
  search_text: string;
}

export interface DrinkTable {
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

export interface StockMovementTable {
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
}

export interface Database {
  account: AccountTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  establishment: EstablishmentTable;
  membership: MembershipTable;
  invitation: InvitationTable;
  appellation: AppellationTable;
  drink: DrinkTable;
  stock_movement: StockMovementTable;
}

export type DrinkRow = Selectable<DrinkTable>;
export type EstablishmentRow = Selectable<EstablishmentTable>;
