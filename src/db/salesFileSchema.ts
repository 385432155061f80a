import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

// Tables of a till's exported sales files: the file-only tills, the saved mappings and each upload.
interface SalesFileTillTable {
  establishment_id: string;
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

interface SalesFilePresetTable {
  establishment_id: string;
  name: string;
  mapping: unknown;
  updated_at: Timestamp;
}

interface SalesFileUploadTable {
  establishment_id: string;
  id: Generated<string>;
  till_id: string;
  file_name: string;
  size_bytes: number;
  sha256: string;
  format: string;
  encoding: string;
  preset_name: string | null;
  lines: number;
  bad_lines: number;
  warnings: number;
  revenue_cents: number;
  days: unknown;
  bad: unknown;
  account_id: string | null;
  created_at: Timestamp;
}

export interface SalesFileDatabase {
  sales_file_till: SalesFileTillTable;
  sales_file_preset: SalesFilePresetTable;
  sales_file_upload: SalesFileUploadTable;
}
