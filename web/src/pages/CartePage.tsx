import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { isAbort } from '../api/client.ts';
import { carteApi, type WineList, type WineListView } from '../api/carte.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { CarteAddDrinks } from '../components/CarteAddDrinks.tsx';
import { CarteEntries } from '../components/CarteEntries.tsx';
import { CarteSectionOrder } from '../components/CarteSectionOrder.tsx';
import { CarteSettings } from '../components/CarteSettings.tsx';
import { ErrorBanner, Loading, SubmitButton } from '../components/Feedback.tsx';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Carte: the establishment's wine lists, composed from the cellar, priced by the till. Managers edit. */
export function CartePage({ establishment }: { establishment: Establishment }) {
  const { t } = useI18n();
  const eid = establishment.id;
  const canManage = establishment.role === 'owner' || establishment.role === 'manager';
  const [lists, setLists] = useState<WineList[] | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<WineListView | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    carteApi
      .lists(eid, controller.signal)
      .then((r) => {
        setLists(r.items);
        setSelected((s) => s ?? r.items[0]?.id ?? null);
        setError(null);
      })
      .catch((err: unknown) => !isAbort(err) && setError(err));
    return () => controller.abort();
  }, [eid, attempt]);

  useEffect(() => {
    if (!selected) return setView(undefined);
    const controller = new AbortController();
    carteApi
      .get(eid, selected, controller.signal)
      .then((v) => setView(v))
      .catch((err: unknown) => !isAbort(err) && setError(err));
    return () => controller.abort();
  }, [eid, selected]);

  /** Every write answers with the new view (or list): the page shows what the server holds. */
  const apply = useCallback((next: WineListView) => {
    setView(next);
    setLists((ls) => ls?.map((l) => (l.id === next.list.id ? next.list : l)));
  }, []);
  const applyList = useCallback((list: WineList) => {
    setLists((ls) => ls?.map((l) => (l.id === list.id ? list : l)));
    setView((v) => (v && v.list.id === list.id ? { ...v, list } : v));
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const list = await carteApi.create(eid, { name: name.trim() });
      setLists((ls) => [...(ls ?? []), list]);
      setSelected(list.id);
      setName('');
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  const removed = (id: string) => {
    setLists((ls) => ls?.filter((l) => l.id !== id));
    setSelected(lists?.find((l) => l.id !== id)?.id ?? null);
  };

  return (
    <main className="page carte-page">
      <div className="page-head">
        <div>
          <h1>{t('carte.title')}</h1>
          <p className="muted">{t('carte.intro')}</p>
        </div>
      </div>
      <ErrorBanner error={error} onRetry={() => setAttempt((a) => a + 1)} />
      {lists === undefined ? (
        <Loading />
      ) : (
        <>
          <nav className="subtabs" aria-label={t('carte.title')}>
            {lists.length === 0 && <p className="empty">{t('carte.none')}</p>}
            {lists.map((l) => (
              <button
                key={l.id}
                type="button"
                className={`subtabs__tab${l.id === selected ? ' subtabs__tab--active' : ''}`}
                aria-current={l.id === selected ? 'page' : undefined}
                onClick={() => setSelected(l.id)}
              >
                {l.name}
                {l.published ? ' ●' : ''}
              </button>
            ))}
          </nav>
          {canManage && (
            <form className="form-row form-row--end carte-new" onSubmit={(e) => void create(e)}>
              <Field label={t('carte.newName')}>
                {(p) => (
                  <input
                    {...p}
                    value={name}
                    maxLength={80}
                    required
                    placeholder={t('carte.newPlaceholder')}
                    onChange={(e) => setName(e.target.value)}
                  />
                )}
              </Field>
              <SubmitButton pending={pending} label={t('carte.create')} pendingLabel={t('common.saving')} />
            </form>
          )}
        </>
      )}
      {selected && !view && <Loading />}
      {view && (
        <>
          <CarteSettings
            key={view.list.id}
            eid={eid}
            list={view.list}
            canManage={canManage}
            onSaved={applyList}
            onDeleted={removed}
          />
          {canManage && <CarteSectionOrder eid={eid} view={view} onChange={apply} />}
          {canManage && <CarteAddDrinks eid={eid} view={view} onChange={apply} />}
          <CarteEntries eid={eid} view={view} canManage={canManage} onChange={apply} />
        </>
      )}
    </main>
  );
}
