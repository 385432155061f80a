import type { Task } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';

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
