import type { Task } from '../../../src/http/contract.ts';
import { taskApi } from '../api/endpoints.ts';
import { useI18n } from '../i18n/i18n.tsx';

const POLL_MS = 600;

/** Follows a task until it ends, reporting each state read; resolves with the finished task. */
export async function followTask(taskId: string, onUpdate: (task: Task) => void): Promise<Task> {
  for (;;) {
    const task = await taskApi.get(taskId);
    onUpdate(task);
    if (task.state === 'succeeded' || task.state === 'failed') return task;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A task's French state and its progress bar (done / total once the total is known). */
export function TaskProgress({ task }: { task: Task }) {
  const { t, num } = useI18n();
  const known = task.total > 0;
  return (
    <div className="task-progress" role="status" aria-live="polite">
      <span className="task-progress__state">{task.stateLabel}</span>
      {known && (
        <>
          {' '}
          <progress value={task.done} max={task.total} aria-label={task.stateLabel} />{' '}
          <span className="muted">
            {t('task.progress', { done: num(task.done), total: num(task.total) })}
          </span>
        </>
      )}
      {task.state === 'failed' && task.error && <p className="field__error">{task.error}</p>}
    </div>
  );
}
