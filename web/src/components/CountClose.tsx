import { useState } from 'react';
import { countApi, type CountSession } from '../api/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { ErrorBanner, Notice } from './Feedback.tsx';

/** Close (with the explicit "uncounted means zero" choice) or reopen a session: managers only. */
export function CountClose({
  eid,
  session,
  canManage,
  uncounted,
  onChanged,
}: {
  eid: string;
  session: CountSession;
  canManage: boolean;
  uncounted: number;
  onChanged: () => void;
}) {
  const { t, tn } = useI18n();
  const [zero, setZero] = useState(session.uncountedZero);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (action: () => Promise<string>) => {
    setPending(true);
    setError(null);
    try {
      setDone(await action());
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

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
              onClick={() =>
                void run(async () => {
                  await countApi.reopen(eid, session.id, reason.trim() || undefined);
                  return t('count.reopened');
                })
              }
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
        onClick={() =>
          void run(async () => {
            const r = await countApi.close(eid, session.id, zero);
            return t('count.closed', { counted: r.counted, zeroed: r.zeroed });
          })
        }
      >
        {t('count.close')}
      </button>
    </section>
  );
}
