import { useState, type FormEvent } from 'react';
import { varianceApi, type VarianceReason } from '../api/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

/** The establishment's list of reasons (casse, offert, staff…): add, rename, archive. */
export function VarianceReasons({
  eid,
  reasons,
  onChange,
}: {
  eid: string;
  reasons: VarianceReason[];
  onChange: (items: VarianceReason[]) => void;
}) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<unknown>(null);
  const run = async (p: Promise<{ items: VarianceReason[] }>) => {
    setError(null);
    try {
      onChange((await p).items);
    } catch (err) {
      setError(err);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return;
    void run(varianceApi.addReason(eid, label.trim())).then(() => setLabel(''));
  };
  return (
    <details className="card reasons-editor">
      <summary>{t('var.reasons')}</summary>
      <ErrorBanner error={error} />
      <ul>
        {reasons.map((r) => (
          <li key={r.id} className={r.archived ? 'muted' : ''}>
            <input
              aria-label={t('var.reasonLabel', { label: r.label })}
              defaultValue={r.label}
              maxLength={80}
              onBlur={(e) => {
                const next = e.target.value.trim();
                if (next && next !== r.label) void run(varianceApi.editReason(eid, r.id, { label: next }));
              }}
            />
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => void run(varianceApi.editReason(eid, r.id, { archived: !r.archived }))}
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
        <button type="submit" className="btn btn--small">
          {t('var.addReason')}
        </button>
      </form>
    </details>
  );
}
