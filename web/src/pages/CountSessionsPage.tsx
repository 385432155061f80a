import { useState } from 'react';
import { useCountSessions } from '../api/countQueries.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { CountSessionForm } from '../components/CountSessionForm.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, paths } from '../router.tsx';

/** Inventaires: the sessions, newest first, and a new one. */
export function CountSessionsPage({ establishment }: { establishment: Establishment }) {
  const { t, date } = useI18n();
  const eid = establishment.id;
  const list = useCountSessions(eid);
  const [creating, setCreating] = useState(false);
  const manager = establishment.role === 'owner' || establishment.role === 'manager';

  return (
    <main className="page page--narrow">
      <h1>{t('count.title')}</h1>
      <p className="muted">{t('count.lead')}</p>
      <p>
        <Link to={paths.inventory(eid)}>{t('count.quick')}</Link>
      </p>
      {manager && !creating && (
        <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
          {t('count.new')}
        </button>
      )}
      {creating && <CountSessionForm eid={eid} onCreated={(s) => navigate(paths.countSheet(eid, s.id))} />}
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('count.noSessions')}</p>
          ) : (
            <ul className="session-list">
              {data.items.map((s) => (
                <li key={s.id} className="session-list__item">
                  <Link to={paths.countSheet(eid, s.id)} className="session-list__name">
                    {s.name}
                  </Link>
                  <span className="muted">
                    {t('count.cutoff', { at: date(s.cutoffAt, true) })} ·{' '}
                    {t(s.status === 'open' ? 'count.status.open' : 'count.status.closed')}
                  </span>
                  {s.status === 'closed' && (
                    <Link to={paths.variance(eid, s.id)}>{t('count.seeVariance')}</Link>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </main>
  );
}
