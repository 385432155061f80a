import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { carteApi, type WineList, type WineListView } from '../api/carte.ts';
import { carteKeys, useWineListView, useWineLists } from '../api/carteQueries.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { CarteAddDrinks } from '../components/CarteAddDrinks.tsx';
import { CarteEntries } from '../components/CarteEntries.tsx';
import { CarteSectionOrder } from '../components/CarteSectionOrder.tsx';
import { CarteSettings } from '../components/CarteSettings.tsx';
import { ErrorBanner, SubmitButton } from '../components/Feedback.tsx';
import { Field } from '../components/Field.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Carte: the establishment's wine lists, composed from the cellar, priced by the till. Managers edit. */
export function CartePage({ establishment }: { establishment: Establishment }) {
  const { t } = useI18n();
  const eid = establishment.id;
  const canManage = establishment.role === 'owner' || establishment.role === 'manager';
  const queryClient = useQueryClient();
  const listsQuery = useWineLists(eid);
  const lists = listsQuery.data;
  const [picked, setSelected] = useState<string | null>(null);
  const selected = lists?.some((l) => l.id === picked) ? picked : (lists?.[0]?.id ?? null);
  const viewQuery = useWineListView(eid, selected);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);

  const setLists = (update: (ls: WineList[]) => WineList[]) =>
    queryClient.setQueryData<WineList[]>(carteKeys.lists(eid), (ls) => ls && update(ls));
  /** Every write answers with the new view (or list): the page shows what the server holds. */
  const apply = (next: WineListView) => {
    queryClient.setQueryData(carteKeys.view(eid, next.list.id), next);
    setLists((ls) => ls.map((l) => (l.id === next.list.id ? next.list : l)));
  };
  const applyList = (list: WineList) => {
    setLists((ls) => ls.map((l) => (l.id === list.id ? list : l)));
    queryClient.setQueryData<WineListView>(carteKeys.view(eid, list.id), (v) => v && { ...v, list });
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const list = await carteApi.create(eid, { name: name.trim() });
      setLists((ls) => [...ls, list]);
      setSelected(list.id);
      setName('');
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  const removed = (id: string) => {
    setLists((ls) => ls.filter((l) => l.id !== id));
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
      <ErrorBanner error={error} />
      <QueryState query={listsQuery}>
        {(lists) => (
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
      </QueryState>
      {selected && (
        <QueryState query={viewQuery}>
          {(view) => (
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
        </QueryState>
      )}
    </main>
  );
}
