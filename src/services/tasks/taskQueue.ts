/** Long work a member starts, run by the job queue (src/jobs/definitions.ts), never inside the request. */
export const TASK_KINDS = ['supplier-catalogue', 'create-demo'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** Declared where the use cases need it; the embedded queue and pg-boss implement it. */
export interface TaskQueue {
  enqueueTask(kind: TaskKind, taskId: string): Promise<void>;
}
