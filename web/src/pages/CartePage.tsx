import { useState, type FormEvent } from 'react';
import { useCreateWineList, useWineListView, useWineLists } from '../api/carteQueries.ts';
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
  const listsQuery = useWineLists(eid);
  const lists = listsQuery.data;
  const [picked, setSelected] = useState<string | null>(null);
  const selected = lists?.some((l) => l.id === picked) ? picked : (lists?.[0]?.id ?? null);
  const viewQuery = useWineListView(eid, selected);
  const [name, setName] = useState('');
  const create = useCreateWineList(eid);

  // Each write reloads the lists and the view on screen before it settles (carteQueries.ts).
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (list) => {
          setSelected(list.id);
          setName('');
        },
      },
    );
  };

  const removed = (id: string) => setSelected(lists?.find((l) => l.id !== id)?.id ?? null);

  return (
    <main className="page carte-page">
      <div className="page-head">
        <div>
          <h1>{t('carte.title')}</h1>
          <p className="muted">{t('carte.intro')}</p>
        </div>
      </div>
      <ErrorBanner error={create.error} />
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
              <form className="form-row form-row--end carte-new" onSubmit={submit}>
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
                <SubmitButton
                  pending={create.isPending}
                  label={t('carte.create')}
                  pendingLabel={t('common.saving')}
                />
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
                onDeleted={removed}
              />
              {canManage && <CarteSectionOrder eid={eid} view={view} />}
              {canManage && <CarteAddDrinks eid={eid} view={view} />}
              <CarteEntries eid={eid} view={view} canManage={canManage} />
            </>
          )}
        </QueryState>
      )}
    </main>
  );
}
