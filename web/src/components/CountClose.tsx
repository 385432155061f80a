import { useState } from 'react';
import { useCloseCount, useReopenCount } from '../api/countQueries.ts';
import type { CountSession } from '../api/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { ErrorBanner, Notice } from './Feedback.tsx';

/** Close (with the explicit "uncounted means zero" choice) or reopen a session: managers only. */
export function CountClose({
  eid,
  session,
  canManage,
  uncounted,
}: {
  eid: string;
  session: CountSession;
  canManage: boolean;
  uncounted: number;
}) {
  const { t, tn } = useI18n();
  const [zero, setZero] = useState(session.uncountedZero);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const close = useCloseCount(eid, session.id);
  const reopen = useReopenCount(eid, session.id);
  const pending = close.isPending || reopen.isPending;
  const error = close.error ?? reopen.error;

  if (session.status === 'closed')
    return (
      <section className="card count-close" aria-labelledby="count-close-title">
        <h2 id="count-close-title">{t('count.closedTitle')}</h2>
        <ErrorBanner error={error} />
        {done && <Notice>{done}</Notice>}
        <Link className="btn btn--primary" to={paths.variance(eid, session.id)}>
          {t('count.seeVariance')}
        </Link>
        {canManage && (
          <div className="form-row">
            <input
              aria-label={t('count.reopenReason')}
              placeholder={t('count.reopenReason')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
            <button
              type="button"
              className="btn"
              disabled={pending}
              onClick={() => {
                close.reset();
                reopen.mutate(reason.trim() || undefined, { onSuccess: () => setDone(t('count.reopened')) });
              }}
            >
              {t('count.reopen')}
            </button>
          </div>
        )}
      </section>
    );

  if (!canManage) return <p className="muted">{t('count.onlyManagersClose')}</p>;
  return (
    <section className="card count-close" aria-labelledby="count-close-title">
      <h2 id="count-close-title">{t('count.closeTitle')}</h2>
      <ErrorBanner error={error} />
      {done && <Notice>{done}</Notice>}
      <p className="muted">{tn('count.uncounted', uncounted)}</p>
      <fieldset className="segmented segmented--stacked">
        <legend>{t('count.uncountedChoice')}</legend>
        <label className={!zero ? 'segmented__item segmented__item--on' : 'segmented__item'}>
          <input type="radio" name="uncounted" checked={!zero} onChange={() => setZero(false)} />
          {t('count.uncountedKeep')}
        </label>
        <label className={zero ? 'segmented__item segmented__item--on' : 'segmented__item'}>
          <input type="radio" name="uncounted" checked={zero} onChange={() => setZero(true)} />
          {t('count.uncountedZero')}
        </label>
      </fieldset>
      <button
        type="button"
        className="btn btn--primary"
        disabled={pending}
        onClick={() => {
          reopen.reset();
          close.mutate(zero, {
            onSuccess: (r) => setDone(t('count.closed', { counted: r.counted, zeroed: r.zeroed })),
          });
        }}
      >
        {t('count.close')}
      </button>
    </section>
  );
}
