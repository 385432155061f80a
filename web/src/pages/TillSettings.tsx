import { useEffect, useState } from 'react';
import { useRemoveTill, useRequestImport, useTills } from '../api/queries.ts';
import type { Establishment, TillConnection } from '../../../src/http/contract.ts';
import { ErrorBanner, Loading } from '../components/Feedback.tsx';
import { TillForm } from '../components/TillForm.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, paths } from '../router.tsx';
import { saveProgress, startProgress } from './importProgress.ts';

export { TEST_TITLES } from '../components/TillForm.tsx';

const NEW = 'new';

/**
 * Paramètres › Caisse: the establishment's tills (a bar and a restaurant, or an old and a new till), each named;
 * the owner adds an Astério or HubRise till, tests it, imports it, or removes it (its history stays, read-only).
 */
export function TillSettings({ establishment }: { establishment: Establishment }) {
  const { t, date } = useI18n();
  const eid = establishment.id;
  const canManage = establishment.role === 'owner';
  const tillsQuery = useTills(eid, canManage);
  const tills = tillsQuery.data;
  const inUse = (tills ?? []).filter((c) => c.archivedAt === null);
  const removed = (tills ?? []).filter((c) => c.archivedAt !== null);
  const [chosen, setChosen] = useState<string | null>(null);
  // The form is rebuilt when the owner picks another till, not when the one on screen is saved (its test stays).
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string | null) => {
    setChosen(id);
    setFormKey((k) => k + 1);
  };
  const [removing, setRemoving] = useState<string | null>(null);
  const removeTill = useRemoveTill(eid);
  const requestImport = useRequestImport(eid);
  // The first till in use is open by default; none yet: the form of a new one.
  const selected = chosen ?? inUse[0]?.id ?? NEW;
  const till = inUse.find((c) => c.id === selected) ?? null;

  useEffect(() => {
    if (window.location.hash === '#caisse')
      document.getElementById('caisse')?.scrollIntoView({ block: 'start' });
  }, [tills]);

  if (!canManage)
    return (
      <section className="card" id="caisse" aria-labelledby="set-till">
        <h2 id="set-till">{t('till.title')}</h2>
        <p className="muted">{t('till.managersOnly')}</p>
      </section>
    );

  // The save has reloaded the tills before it settles (write.ts): the saved one stays open.
  const saved = (c: TillConnection) => setChosen(c.id);
  const remove = (c: TillConnection) => {
    requestImport.reset();
    removeTill.mutate(c.id, {
      onSuccess: () => {
        setRemoving(null);
        choose(null);
      },
    });
  };
  const importNow = (c: TillConnection) => {
    removeTill.reset();
    requestImport.mutate(
      { tillId: c.id },
      {
        onSuccess: ({ days, before }) => {
          saveProgress(eid, startProgress(days, before));
          navigate(paths.imports(eid));
        },
      },
    );
  };

  return (
    <section className="card" id="caisse" aria-labelledby="set-till">
      <h2 id="set-till">{t('till.title')}</h2>
      {tillsQuery.isPending && <Loading />}
      <ErrorBanner error={tillsQuery.error} onRetry={() => void tillsQuery.refetch()} />
      <ErrorBanner error={removeTill.error ?? requestImport.error} />
      {tills && tills.length > 0 && (
        <ul className="till-list" aria-label={t('till.listLabel')}>
          {inUse.map((c) => (
            <li
              key={c.id}
              className={c.id === selected ? 'till-list__item till-list__item--open' : 'till-list__item'}
            >
              <span>
                <strong>{c.name}</strong> · {c.tillType === 'hubrise' ? 'HubRise' : 'Astério'} ·{' '}
                <span>{t(`till.status.${c.status}`)}</span>
              </span>
              <span className="till-list__actions">
                {c.id !== selected && (
                  <button type="button" className="btn btn--link btn--small" onClick={() => choose(c.id)}>
                    {t('till.open', { name: c.name })}
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn--link btn--small"
                  disabled={requestImport.isPending}
                  onClick={() => importNow(c)}
                >
                  {t('till.importNow', { name: c.name })}
                </button>
                {removing === c.id ? (
                  <span role="group" aria-label={t('till.removeConfirmLabel', { name: c.name })}>
                    <span className="muted">{t('till.removeWarning')}</span>{' '}
                    <button
                      type="button"
                      className="btn btn--danger btn--small"
                      disabled={removeTill.isPending}
                      onClick={() => remove(c)}
                    >
                      {t('till.removeConfirm', { name: c.name })}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn btn--link btn--small"
                      onClick={() => setRemoving(null)}
                    >
                      {t('till.removeCancel')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="btn btn--link btn--small"
                    onClick={() => setRemoving(c.id)}
                  >
                    {t('till.remove', { name: c.name })}
                  </button>
                )}
              </span>
            </li>
          ))}
          {removed.map((c) => (
            <li key={c.id} className="till-list__item till-list__item--removed muted">
              <strong>{c.name}</strong> · {c.tillType === 'hubrise' ? 'HubRise' : 'Astério'} ·{' '}
              {t('till.removedOn', { date: date(c.archivedAt ?? '') })}
            </li>
          ))}
        </ul>
      )}
      {tills && inUse.length > 0 && selected !== NEW && (
        <button type="button" className="btn btn--ghost" onClick={() => choose(NEW)}>
          {t('till.add')}
        </button>
      )}
      {tills && (
        <>
          {selected === NEW && inUse.length > 0 && <h3>{t('till.newTitle')}</h3>}
          {till && inUse.length > 1 && <h3>{till.name}</h3>}
          <TillForm key={formKey} eid={eid} till={till} onSaved={saved} />
        </>
      )}
    </section>
  );
}
