import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';

/**
 * Tables without a tenant key, replicated to every node by `create_reference_table` (docs/scaling.md). Any
 * other table must carry `establishment_id` and be distributed by it (`establishment` itself by `id`).
 */
export const REFERENCE_TABLES = [
  'appellation', // INAO appellations, shipped
  'library_entry', // the shipped library, plus private entries tagged with their establishment
  'account', // people sign in once and belong to several establishments
  'session',
  'account_task', // long work an account started, read back by that account (the file goes once done)
  'catalogue_staging', // a supplier catalogue's rows for one account task, moved into library_entry at the end
  'login_failure',
  'rate_limit', // counters keyed by caller, not by establishment
  'kysely_migration',
  'kysely_migration_lock',
];
export const TENANT_ROOT = 'establishment';
/**
 * Known gaps, each with its plan in docs/scaling.md. The public carte is found by its slug alone, so the slug is
 * unique across establishments: before distribution it moves to a reference table (slug → establishment).
 */
export const KNOWN_GAPS = ['wine_list_slug_key'];

type Constraint = {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
};

/** What would stop the live schema from being distributed by establishment_id (empty when ready). */
export async function distributionProblems(db: Db): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string; tenant: boolean }>`
    select c.relname as name,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'establishment_id'
        and not a.attisdropped) as tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`.execute(db);
  const { rows: constraints } = await sql<Constraint>`
    select c.relname as table, con.conname as name, con.contype as type,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
      r.relname as ref_table,
      case when con.contype = 'f' then array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) end as ref_columns
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class r on r.oid = con.confrelid
    where n.nspname = 'public' and con.contype in ('p', 'u', 'f') and not c.relispartition`.execute(db);
  const { rows: uniqueIndexes } = await sql<{ table: string; name: string; first: string | null }>`
    select c.relname as table, i.relname as name, a.attname::text as first
    from pg_index x
    join pg_class c on c.oid = x.indrelid
    join pg_class i on i.oid = x.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_attribute a on a.attrelid = c.oid and a.attnum = x.indkey[0]
    where n.nspname = 'public' and x.indisunique and not c.relispartition`.execute(db);

  const problems: string[] = [];
  const kind = new Map<string, 'tenant' | 'root' | 'reference'>();
  for (const t of tables) {
    if (t.name === TENANT_ROOT) kind.set(t.name, 'root');
    else if (REFERENCE_TABLES.includes(t.name)) kind.set(t.name, 'reference');
    else if (t.tenant) kind.set(t.name, 'tenant');
    else problems.push(`${t.name}: no establishment_id and not listed as a reference table`);
  }
  const key = (table: string) => (kind.get(table) === 'root' ? 'id' : 'establishment_id');
  for (const t of tables) {
    if (kind.get(t.name) !== 'tenant') continue;
    if (!constraints.some((c) => c.table === t.name && c.type === 'p'))
      problems.push(`${t.name}: no primary key`);
  }
  for (const u of uniqueIndexes) {
    if (kind.get(u.table) === 'tenant' && u.first !== 'establishment_id')
      problems.push(`${u.table}: unique index ${u.name} does not begin with establishment_id`);
  }
  for (const c of constraints) {
    const from = kind.get(c.table);
    if (from !== 'tenant' && from !== 'root') continue;
    if ((c.type === 'p' || c.type === 'u') && c.columns[0] !== key(c.table))
      problems.push(`${c.table}: ${c.name} does not begin with ${key(c.table)}`);
    if (c.type !== 'f' || !c.ref_table) continue;
    const to = kind.get(c.ref_table);
    if (to === 'reference') continue;
    const i = c.columns.indexOf(key(c.table));
    if (i < 0 || c.ref_columns?.[i] !== key(c.ref_table))
      problems.push(
        `${c.table}: foreign key ${c.name} to ${c.ref_table} does not join on establishment_id (co-location)`,
      );
  }
  return problems.filter((p) => !KNOWN_GAPS.some((gap) => p.includes(` ${gap} `)));
}
