import type { z } from 'zod';
import type { StoredTask } from '../../db/repositories/accountTasks.ts';
import type { TaskKind, TaskState } from '../../services/tasks/taskQueue.ts';
import type { taskResponse } from '../routes/tasks.schema.ts';

const STATE_LABELS: Record<TaskState, string> = {
  queued: 'En attente',
  running: 'En cours',
  succeeded: 'Terminé',
  failed: 'Échec',
};

/** A task as its account follows it; the file and the parameters stay on the server. */
export function presentTask(t: StoredTask): z.input<typeof taskResponse> {
  const state = t.state as TaskState;
  return {
    id: t.id,
    kind: t.kind as TaskKind,
    state,
    stateLabel: STATE_LABELS[state],
    done: t.done,
    total: t.total,
    establishmentId: t.targetEstablishment,
    result: (t.result ?? null) as z.input<typeof taskResponse>['result'],
    error: t.error,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}
