import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

// Tables of count sessions, variance reasons and CMUP history (migration 20261205T2356_counts).
export type CountScopeKind = 'all' | 'location' | 'categories';
export type CountStatus = 'open' | 'closed';

interface CountSessionTable {
  establishment_id: string;
  id: Generated<string>;
  name: string;
  cutoff_at: Timestamp;
  scope_kind: CountScopeKind;
  scope_location: string | null;
  scope_types: string[];
  blind: Generated<boolean>;
  uncounted_zero: Generated<boolean>;
  reason_threshold_cents: Generated<number>;
  status: CountStatus;
  created_by: string | null;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

interface CountLineTable {
  establishment_id: string;
  session_id: string;
  drink_id: string;
  location: string;
  quantity: number;
  counted_by: string | null;
  counted_at: Timestamp;
  previous_quantity: number | null;
  previous_by: string | null;
}

interface CountEventTable {
  establishment_id: string;
  seq: Generated<number>;
  session_id: string;
  kind: string;
  drink_id: string | null;
  account_id: string | null;
  at: Timestamp;
  detail: ColumnType<unknown, string | undefined, string>;
}

interface VarianceReasonTable {
  establishment_id: string;
  id: Generated<string>;
  label: string;
  position: number;
  archived_at: Timestamp | null;
}

interface CountVarianceNoteTable {
  establishment_id: string;
  session_id: string;
  drink_id: string;
  reason_id: string;
  comment: string | null;
  account_id: string | null;
  at: Timestamp;
}

interface DrinkCostTable {
  establishment_id: string;
  seq: Generated<number>;
  drink_id: string;
  valid_from: Timestamp;
  unit_cost_cents: number;
  stock_before: number;
  received: number;
  receipt_price_cents: number;
}

export interface CountsDatabase {
  count_session: CountSessionTable;
  count_line: CountLineTable;
  count_event: CountEventTable;
  variance_reason: VarianceReasonTable;
  count_variance_note: CountVarianceNoteTable;
  drink_cost: DrinkCostTable;
}
