import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export type SalesFileTill = { id: string; name: string; createdAt: Date };

export async function listSalesFileTills(db: Db, establishmentId: string): Promise<SalesFileTill[]> {
  const rows = await db
    .selectFrom('sales_file_till')
    .select(['id', 'name', 'created_at'])
    .where('establishment_id', '=', establishmentId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

/** The till a file is imported into, created on first use; its id scopes the products and lines of the file. */
export async function findOrCreateSalesFileTill(
  db: Db,
  establishmentId: string,
  name: string,
  now: Date,
): Promise<SalesFileTill> {
  await db
    .insertInto('sales_file_till')
    .values({ establishment_id: establishmentId, name, created_at: now })
    .onConflict((oc) => oc.columns(['establishment_id', 'name']).doNothing())
    .execute();
  const r = await db
    .selectFrom('sales_file_till')
    .select(['id', 'name', 'created_at'])
    .where('establishment_id', '=', establishmentId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return { id: r.id, name: r.name, createdAt: r.created_at };
}

export async function findSalesFileTillByName(
  db: Db,
  establishmentId: string,
  name: string,
): Promise<SalesFileTill | undefined> {
  const r = await db
    .selectFrom('sales_file_till')
    .select(['id', 'name', 'created_at'])
    .where('establishment_id', '=', establishmentId)
    .where('name', '=', name)
    .executeTakeFirst();
  return r && { id: r.id, name: r.name, createdAt: r.created_at };
}

type SavedPreset = { name: string; mapping: unknown; updatedAt: Date };

export async function listSalesFilePresets(db: Db, establishmentId: string): Promise<SavedPreset[]> {
  const rows = await db
    .selectFrom('sales_file_preset')
    .select(['name', 'mapping', 'updated_at'])
    .where('establishment_id', '=', establishmentId)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((r) => ({ name: r.name, mapping: r.mapping, updatedAt: r.updated_at }));
}

export async function saveSalesFilePreset(
  db: Db,
  establishmentId: string,
  name: string,
  mapping: unknown,
  now: Date,
): Promise<void> {
  const json = JSON.stringify(mapping);
  await db
    .insertInto('sales_file_preset')
    .values({ establishment_id: establishmentId, name, mapping: json, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['establishment_id', 'name']).doUpdateSet({ mapping: json, updated_at: now }),
    )
    .execute();
}

export async function deleteSalesFilePreset(db: Db, establishmentId: string, name: string): Promise<boolean> {
  const res = await db
    .deleteFrom('sales_file_preset')
    .where('establishment_id', '=', establishmentId)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** For each day, whether this till already has lines on it (the preview says which days will be replaced). */
export async function countLinesByDay(
  db: Db,
  establishmentId: string,
  tillId: string,
  days: readonly string[],
): Promise<Map<string, number>> {
  if (days.length === 0) return new Map();
  const rows = await db
    .selectFrom('sale_line')
    .select(['business_day', (eb) => eb.fn.countAll<number>().as('n')])
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('business_day', 'in', [...days])
    .groupBy('business_day')
    .execute();
  return new Map(rows.map((r) => [String(r.business_day), Number(r.n)]));
}

export type UploadDay = {
  day: string;
  status: 'new' | 'replaced' | 'unchanged';
  lines: number;
  added: number;
  changed: number;
  removed: number;
  revenueCents: number;
};

export type UploadRecord = {
  id: string;
  tillId: string;
  tillName: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  format: string;
  encoding: string;
  presetName: string | null;
  lines: number;
  badLines: number;
  warnings: number;
  revenueCents: number;
  days: UploadDay[];
  bad: { lineNo: number; reason: string }[];
  createdAt: Date;
};

export async function insertUpload(
  db: Db,
  establishmentId: string,
  u: Omit<UploadRecord, 'id' | 'tillName'> & { accountId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('sales_file_upload')
    .values({
      establishment_id: establishmentId,
      till_id: u.tillId,
      file_name: u.fileName,
      size_bytes: u.sizeBytes,
      sha256: u.sha256,
      format: u.format,
      encoding: u.encoding,
      preset_name: u.presetName,
      lines: u.lines,
      bad_lines: u.badLines,
      warnings: u.warnings,
      revenue_cents: u.revenueCents,
      days: JSON.stringify(u.days),
      bad: JSON.stringify(u.bad),
      account_id: u.accountId,
      created_at: u.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listUploads(db: Db, establishmentId: string, limit = 50): Promise<UploadRecord[]> {
  const rows = await db
    .selectFrom('sales_file_upload as u')
    .innerJoin('sales_file_till as t', (j) =>
      j.onRef('t.establishment_id', '=', 'u.establishment_id').onRef('t.id', '=', 'u.till_id'),
    )
    .selectAll('u')
    .select('t.name as till_name')
    .where('u.establishment_id', '=', establishmentId)
    .orderBy('u.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tillId: r.till_id,
    tillName: r.till_name,
    fileName: r.file_name,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    format: r.format,
    encoding: r.encoding,
    presetName: r.preset_name,
    lines: r.lines,
    badLines: r.bad_lines,
    warnings: r.warnings,
    revenueCents: Number(r.revenue_cents),
    days: r.days as UploadDay[],
    bad: r.bad as { lineNo: number; reason: string }[],
    createdAt: r.created_at,
  }));
}

/** Which till (and its kind) each till id of an establishment is: for naming the source of a product. */
