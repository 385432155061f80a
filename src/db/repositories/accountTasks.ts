import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export type StoredTask = {
  id: string;
  accountId: string;
  kind: string;
  targetEstablishment: string | null;
  state: string;
  done: number;
  total: number;
  params: unknown;
  result: unknown;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const columns = [
  'id',
  'account_id',
  'kind',
  'target_establishment',
  'state',
  'done',
  'total',
  'params',
  'result',
  'error',
  'created_at',
  'updated_at',
] as const;

export async function insertTask(
  db: Db,
  values: {
    accountId: string;
    kind: string;
    targetEstablishment: string | null;
    params: unknown;
    input: Uint8Array | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('account_task')
    .values({
      account_id: values.accountId,
      kind: values.kind,
      target_establishment: values.targetEstablishment,
      params: JSON.stringify(values.params),
      input: values.input,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findTask(db: Db, id: string): Promise<StoredTask | undefined> {
  const row = await db.selectFrom('account_task').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toTask(row);
}

/** The task's file, read by the job only. */
export async function findTaskInput(db: Db, id: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('account_task').select('input').where('id', '=', id).executeTakeFirst();
  return row?.input ?? null;
}

export async function updateTask(
  db: Db,
  id: string,
  patch: {
    state?: string;
    done?: number;
    total?: number;
    result?: unknown;
    error?: string | null;
    targetEstablishment?: string;
    dropInput?: boolean;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('account_task')
    .set({
      updated_at: now,
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.done !== undefined ? { done: patch.done } : {}),
      ...(patch.total !== undefined ? { total: patch.total } : {}),
      ...(patch.result !== undefined ? { result: JSON.stringify(patch.result) } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.targetEstablishment !== undefined ? { target_establishment: patch.targetEstablishment } : {}),
      ...(patch.dropInput ? { input: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

function toTask(row: {
  id: string;
  account_id: string;
  kind: string;
  target_establishment: string | null;
  state: string;
  done: number;
  total: number;
  params: unknown;
  result: unknown;
  error: string | null;
  created_at: Date;
  updated_at: Date;
}): StoredTask {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    targetEstablishment: row.target_establishment,
    state: row.state,
    done: row.done,
    total: row.total,
    params: row.params,
    result: row.result,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
