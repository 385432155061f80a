import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

// Tables of the wine lists and their public pages' freshness stamp (migration 20261205T2350_wine_lists).
interface WineListTable {
  establishment_id: string;
  id: Generated<string>;
  name: string;
  slug: string;
  published: Generated<boolean>;
  header_name: string;
  header_address: string | null;
  low_stock_threshold: number | null;
  manual_order: Generated<boolean>;
  section_order: Generated<string[]>;
  logo_png: Buffer | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

interface WineListItemTable {
  establishment_id: string;
  wine_list_id: string;
  drink_id: string;
  section: string | null;
  position: number;
  note: string | null;
  manual_price_cents: number | null;
  created_at: CreatedAt;
}

interface CarteStampTable {
  establishment_id: string;
  version: number;
}

export interface CarteDatabase {
  wine_list: WineListTable;
  wine_list_item: WineListItemTable;
  carte_stamp: CarteStampTable;
}
