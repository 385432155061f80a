import type { NotDrinkProposal } from '../../../src/http/contract.ts';
import { useIgnoreMany, useNotDrinks } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

/**
 * "N produits semblent ne pas être des boissons": what the matcher reads as dishes, coffees or services, listed
 * by family; one click marks them all, or one family. Nothing is hidden until the user asks.
 */
export function NotDrinkBanner({ eid, onIgnored }: { eid: string; onIgnored: (n: number) => void }) {
  const { t, tn } = useI18n();
  const proposals = useNotDrinks(eid);
  const ignoring = useIgnoreMany(eid);
  const pending = ignoring.isPending;

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

  const ignore = (chosen: NotDrinkProposal[]) =>
    ignoring.mutate(
      chosen.map((i) => i.id),
      { onSuccess: (r) => onIgnored(r.updated) },
    );

  return (
    <section className="banner banner--info not-drinks" aria-labelledby="not-drinks-title">
      <div className="not-drinks__head">
        <strong id="not-drinks-title">{tn('sync.notDrinks.title', items.length)}</strong>
        <button type="button" className="btn btn--small" disabled={pending} onClick={() => ignore(items)}>
          {tn('sync.notDrinks.all', items.length)}
        </button>
      </div>
      <ErrorBanner error={ignoring.error} />
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
              onClick={() => ignore(list)}
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
