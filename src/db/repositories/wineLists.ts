import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export type WineList = {
  id: string;
  establishmentId: string;
  name: string;
  slug: string;
  published: boolean;
  headerName: string;
  headerAddress: string | null;
  lowStockThreshold: number | null;
  sectionOrder: string[];
  manualOrder: boolean;
  hasLogo: boolean;
  itemCount: number;
  updatedAt: Date;
};

export type WineListPatch = Partial<{
  name: string;
  slug: string;
  published: boolean;
  headerName: string;
  headerAddress: string | null;
  lowStockThreshold: number | null;
  sectionOrder: string[];
  manualOrder: boolean;
}>;

const listColumns = [
  'w.id',
  'w.establishment_id',
  'w.name',
  'w.slug',
  'w.published',
  'w.header_name',
  'w.header_address',
  'w.low_stock_threshold',
  'w.section_order',
  'w.manual_order',
  'w.updated_at',
  sql<boolean>`w.logo_png is not null`.as('has_logo'),
  sql<number>`(select count(*) from wine_list_item i where i.establishment_id = w.establishment_id and i.wine_list_id = w.id)`.as(
    'item_count',
  ),
] as const;

type ListRow = {
  id: string;
  establishment_id: string;
  name: string;
  slug: string;
  published: boolean;
  header_name: string;
  header_address: string | null;
  low_stock_threshold: number | null;
  section_order: string[];
  manual_order: boolean;
  updated_at: Date;
  has_logo: boolean;
  item_count: number;
};

const toWineList = (r: ListRow): WineList => ({
  id: r.id,
  establishmentId: r.establishment_id,
  name: r.name,
  slug: r.slug,
  published: r.published,
  headerName: r.header_name,
  headerAddress: r.header_address,
  lowStockThreshold: r.low_stock_threshold === null ? null : Number(r.low_stock_threshold),
  sectionOrder: r.section_order,
  manualOrder: r.manual_order,
  hasLogo: r.has_logo,
  itemCount: Number(r.item_count),
  updatedAt: r.updated_at,
});

export async function insertWineList(
  db: Db,
  establishmentId: string,
  values: { name: string; slug: string; headerName: string; headerAddress: string | null },
): Promise<string> {
  const row = await db
    .insertInto('wine_list')
    .values({
      establishment_id: establishmentId,
      name: values.name,
      slug: values.slug,
      header_name: values.headerName,
      header_address: values.headerAddress,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listWineLists(db: Db, establishmentId: string): Promise<WineList[]> {
  const rows = await db
    .selectFrom('wine_list as w')
    .select(listColumns)
    .where('w.establishment_id', '=', establishmentId)
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute();
  return rows.map(toWineList);
}

export async function findWineList(db: Db, establishmentId: string, id: string): Promise<WineList | null> {
  const row = await db
    .selectFrom('wine_list as w')
    .select(listColumns)
    .where('w.establishment_id', '=', establishmentId)
    .where('w.id', '=', id)
    .executeTakeFirst();
  return row ? toWineList(row) : null;
}

/** The published list behind a public slug; nothing for an unknown or unpublished one. */
export async function findPublishedBySlug(db: Db, slug: string): Promise<WineList | null> {
  const row = await db
    .selectFrom('wine_list as w')
    .select(listColumns)
    .where('w.slug', '=', slug)
    .where('w.published', '=', true)
    .executeTakeFirst();
  return row ? toWineList(row) : null;
}

export async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const row = await db
    .selectFrom('wine_list')
    .select('id')
    .where('slug', '=', slug)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId ?? ''))
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateWineList(
  db: Db,
  establishmentId: string,
  id: string,
  patch: WineListPatch,
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('wine_list')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      ...(patch.published !== undefined ? { published: patch.published } : {}),
      ...(patch.headerName !== undefined ? { header_name: patch.headerName } : {}),
      ...(patch.headerAddress !== undefined ? { header_address: patch.headerAddress } : {}),
      ...(patch.lowStockThreshold !== undefined ? { low_stock_threshold: patch.lowStockThreshold } : {}),
      ...(patch.sectionOrder !== undefined ? { section_order: patch.sectionOrder } : {}),
      ...(patch.manualOrder !== undefined ? { manual_order: patch.manualOrder } : {}),
      updated_at: at,
    })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function deleteWineList(db: Db, establishmentId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('wine_list')
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function setWineListLogo(
  db: Db,
  establishmentId: string,
  id: string,
  png: Buffer | null,
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('wine_list')
    .set({ logo_png: png, updated_at: at })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function publishedLogo(db: Db, slug: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('wine_list')
    .select('logo_png')
    .where('slug', '=', slug)
    .where('published', '=', true)
    .executeTakeFirst();
  return row?.logo_png ? Buffer.from(row.logo_png) : null;
}

/** The establishment's change counter, bumped by triggers on every table the public list reads. */
export async function readCarteStamp(db: Db, establishmentId: string): Promise<number> {
  const row = await db
    .selectFrom('carte_stamp')
    .select('version')
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}
