import { useState } from 'react';
import type { NotDrinkProposal } from '../../../src/http/contract.ts';
import { syncApi } from '../api/endpoints.ts';
import { useNotDrinks } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

/**
 * "N produits semblent ne pas être des boissons": what the matcher reads as dishes, coffees or services, listed
 * by family; one click marks them all, or one family. Nothing is hidden until the user asks.
 */
export function NotDrinkBanner({ eid, onIgnored }: { eid: string; onIgnored: (n: number) => void }) {
  const { t, tn } = useI18n();
  const proposals = useNotDrinks(eid);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A suggestion: nothing shows while it loads, but a failure says so.
  if (proposals.isError)
    return <ErrorBanner error={proposals.error} onRetry={() => void proposals.refetch()} />;
  const items = proposals.data ?? [];
  if (items.length === 0) return null;
  const families = new Map<string, NotDrinkProposal[]>();
  for (const i of items) {
    const key = i.family ?? '';
    families.set(key, [...(families.get(key) ?? []), i]);
  }

  const ignore = async (chosen: NotDrinkProposal[]) => {
    setPending(true);
    setError(null);
    try {
      const { updated } = await syncApi.ignoreMany(
        eid,
        chosen.map((i) => i.id),
      );
      onIgnored(updated);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="banner banner--info not-drinks" aria-labelledby="not-drinks-title">
      <div className="not-drinks__head">
        <strong id="not-drinks-title">{tn('sync.notDrinks.title', items.length)}</strong>
        <button
          type="button"
          className="btn btn--small"
          disabled={pending}
          onClick={() => void ignore(items)}
        >
          {tn('sync.notDrinks.all', items.length)}
        </button>
      </div>
      <ErrorBanner error={error} />
      <ul className="not-drinks__families">
        {[...families].map(([family, list]) => (
          <li key={family} data-testid="not-drink-family">
            <span>
              <strong>{family || t('sync.noFamily')}</strong> : {list.map((i) => i.label).join(', ')}
            </span>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              disabled={pending}
              onClick={() => void ignore(list)}
              aria-label={t('sync.notDrinks.familyLabel', { family: family || t('sync.noFamily') })}
            >
              {t('sync.notDrinks.family', { n: list.length })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
