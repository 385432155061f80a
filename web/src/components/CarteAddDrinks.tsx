import { useState } from 'react';
import type { WineListView } from '../api/carte.ts';
import { useCarteEntries } from '../api/carteQueries.ts';
import { useDrinkList } from '../api/queries.ts';
import type { Drink } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner, Loading } from './Feedback.tsx';
import { Field } from './Field.tsx';
import { drinkTitle } from './format.ts';
import { useDebounced } from './useDebounced.ts';

/** Search the cellar and put drinks on the list, one tap each. */
export function CarteAddDrinks({ eid, view }: { eid: string; view: WineListView }) {
  const { t, num } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useDrinkList(eid, { q: q || undefined, pageSize: 20, sort: 'name' });
  const items: Drink[] = found.data?.items ?? [];
  const entries = useCarteEntries(eid, view.list.id);
  const busy = entries.isPending;
  const onList = new Set(view.sections.flatMap((s) => s.entries.map((e) => e.drinkId)));

  const add = (drinkId: string) => entries.mutate({ set: drinkId, body: {} });

  return (
    <section className="card" aria-labelledby="carte-add">
      <h2 id="carte-add">{t('carte.add')}</h2>
      <Field label={t('carte.search')}>
        {(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <ErrorBanner error={entries.error} />
      <ErrorBanner error={found.error} onRetry={() => void found.refetch()} />
      {found.isPending && <Loading />}
      <ul className="carte-candidates">
        {items.map((d) => (
          <li key={d.id}>
            <span>
              {drinkTitle(d, t('common.none'))}
              {d.vintage ? ` ${d.vintage}` : ''} <span className="muted">{num(d.formatCl)} cl</span>
            </span>
            {onList.has(d.id) ? (
              <span className="muted">{t('carte.onList')}</span>
            ) : (
              <button
                type="button"
                className="btn btn--small"
                disabled={busy}
                aria-label={`${t('carte.addOne')} ${drinkTitle(d, '')}`}
                onClick={() => add(d.id)}
              >
                {t('carte.addOne')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
