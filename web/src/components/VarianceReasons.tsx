import { useState, type FormEvent } from 'react';
import { useEditReason } from '../api/countQueries.ts';
import type { VarianceReason } from '../api/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

/** The establishment's list of reasons (casse, offert, staff…): add, rename, archive. */
export function VarianceReasons({ eid, reasons }: { eid: string; reasons: VarianceReason[] }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const edit = useEditReason(eid);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return;
    edit.mutate({ label: label.trim() }, { onSuccess: () => setLabel('') });
  };
  return (
    <details className="card reasons-editor">
      <summary>{t('var.reasons')}</summary>
      <ErrorBanner error={edit.error} />
      <ul>
        {reasons.map((r) => (
          <li key={r.id} className={r.archived ? 'muted' : ''}>
            <input
              aria-label={t('var.reasonLabel', { label: r.label })}
              defaultValue={r.label}
              maxLength={80}
              onBlur={(e) => {
                const next = e.target.value.trim();
                if (next && next !== r.label) edit.mutate({ id: r.id, label: next });
              }}
            />
            <button
              type="button"
              className="btn btn--small btn--ghost"
              disabled={edit.isPending}
              onClick={() => edit.mutate({ id: r.id, archived: !r.archived })}
            >
              {r.archived ? t('var.unarchive') : t('var.archive')}
            </button>
          </li>
        ))}
      </ul>
      <form className="form-row" onSubmit={add}>
        <input
          aria-label={t('var.newReason')}
          placeholder={t('var.newReason')}
          value={label}
          maxLength={80}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="btn btn--small" disabled={edit.isPending}>
          {t('var.addReason')}
        </button>
      </form>
    </details>
  );
}
