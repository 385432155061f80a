import type { Db } from '../../db/database.ts';
import {
  findTask,
  findTaskInput,
  insertTask,
  updateTask,
  type StoredTask,
} from '../../db/repositories/accountTasks.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import type { ColumnMapping } from '../library/importSupplierCatalogue.ts';
import type { TaskKind, TaskState } from './taskQueue.ts';

export type CatalogueParams = { mapping: ColumnMapping; separator?: string | undefined; year: number };

/** A manager's supplier file, kept with its task until the job has read it. The caller queues the task. */
export async function createCatalogueTask(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: { file: Uint8Array; mapping: ColumnMapping; separator?: string | undefined },
  clock: Clock,
): Promise<string> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const params: CatalogueParams = {
    mapping: input.mapping,
    separator: input.separator,
    year: clock.now().getFullYear(),
  };
  return insertTask(db, {
    accountId: actorId,
    kind: 'supplier-catalogue',
    targetEstablishment: establishmentId,
    params,
    input: input.file,
  });
}

/** Any signed-in account may create its demo; the job builds it in one transaction. */
export async function createDemoTask(db: Db, actorId: string): Promise<string> {
  return insertTask(db, {
    accountId: actorId,
    kind: 'create-demo',
    targetEstablishment: null,
    params: {},
    input: null,
  });
}

/** Only the account that started a task reads it; another gets 404, as for an id that does not exist. */
export async function readTask(db: Db, actorId: string, taskId: string): Promise<StoredTask> {
  const task = await findTask(db, taskId);
  if (!task || task.accountId !== actorId) throw notFound('Tâche');
  return task;
}

/** What a job needs to run a task: the task, and its file when it has one. */
export async function loadTaskForJob(
  db: Db,
  taskId: string,
  kind: TaskKind,
): Promise<{ task: StoredTask; input: Uint8Array | null }> {
  const task = await findTask(db, taskId);
  if (!task || task.kind !== kind) throw new AppError('not_found', `Tâche ${taskId} introuvable`);
  return { task, input: await findTaskInput(db, taskId) };
}

export async function recordTaskProgress(
  db: Db,
  taskId: string,
  progress: { state?: TaskState; done?: number; total?: number; targetEstablishment?: string },
  clock: Clock,
): Promise<void> {
  await updateTask(db, taskId, progress, clock.now());
}

/** The end of a task: its result, and the file dropped (it is not kept once read). */
export async function finishTask(db: Db, taskId: string, result: unknown, clock: Clock): Promise<void> {
  await updateTask(db, taskId, { state: 'succeeded', result, error: null, dropInput: true }, clock.now());
}

export async function failTask(
  db: Db,
  taskId: string,
  message: string,
  clock: Clock,
  final: boolean,
): Promise<void> {
  await updateTask(
    db,
    taskId,
    { state: 'failed', error: message, ...(final ? { dropInput: true } : {}) },
    clock.now(),
  );
}
