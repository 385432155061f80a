import { useState } from 'react';
import { useLinkSafe, useSafeProposals } from '../api/queries.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { ErrorBanner, Notice } from '../components/Feedback.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { formatCl } from '../components/format.ts';
import { factorText } from '../components/tillFormat.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';

/** "Valider les propositions sûres": the Oui proposals, all checked; confirm links them in one go. */
export function SafeProposalsPage({ establishment }: { establishment: Establishment }) {
  const { t, tn, num } = useI18n();
  const eid = establishment.id;
  const proposals = useSafeProposals(eid);
  // Until the user chooses, every safe proposal is checked.
  const [choice, setChecked] = useState<Set<string> | null>(null);
  const checked = choice ?? new Set(proposals.data?.map((p) => p.tillProduct.id));
  const linkSafe = useLinkSafe(eid);
  const pending = linkSafe.isPending;
  const [result, setResult] = useState<{ linked: number; skipped: number } | null>(null);

  const confirm = () =>
    linkSafe.mutate([...checked], {
      onSuccess: (r) => {
        setResult({ linked: r.linked.length, skipped: r.skipped.length });
        setChecked(new Set());
      },
    });

  const toggle = (id: string, on: boolean) =>
    setChecked(() => {
      const next = new Set(checked);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <main className="page page--narrow">
      <Link to={paths.sync(eid)} className="back">
        ‹ {t('safe.back')}
      </Link>
      <h1>{t('safe.title')}</h1>
      <p className="muted">{t('safe.lead')}</p>
      <ErrorBanner error={linkSafe.error} />
      {result && (
        <Notice>
          {t('safe.done', { linked: result.linked, skipped: result.skipped })}{' '}
          <Link to={paths.sync(eid)}>{t('safe.back')}</Link>
        </Notice>
      )}
      <QueryState query={proposals}>
        {(items) =>
          items.length === 0 ? (
            <p className="empty">{t('safe.empty')}</p>
          ) : (
            <>
              <div className="safe-tools">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={checked.size === items.length}
                    onChange={(e) =>
                      setChecked(e.target.checked ? new Set(items.map((p) => p.tillProduct.id)) : new Set())
                    }
                  />
                  {t('safe.all')}
                </label>
              </div>
              <ul className="safe-list">
                {items.map((p) => {
                  const e = p.best?.entry;
                  const name = e
                    ? [e.producer, e.cuvee].filter(Boolean).join(' · ') || e.name
                    : t('common.none');
                  return (
                    <li key={p.tillProduct.id}>
                      <label className="safe-item">
                        <input
                          type="checkbox"
                          checked={checked.has(p.tillProduct.id)}
                          onChange={(ev) => toggle(p.tillProduct.id, ev.target.checked)}
                          aria-label={t('safe.check', { label: p.tillProduct.label })}
                        />
                        <span className="safe-item__text">
                          <strong>{p.tillProduct.label}</strong>
                          <span>
                            → {name}
                            {e?.appellation ? ` · ${e.appellation}` : ''} ·{' '}
                            {p.best?.vintage ?? t('drinks.nv')} · {formatCl(p.best?.formatCl ?? 75, num)}
                          </span>
                          <span className="muted">
                            {t('sync.factor')} : {factorText(p.factor.factor, num)}
                          </span>
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
              <div className="sticky-actions">
                <span className="muted">{tn('safe.selected', checked.size)}</span>
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={pending || checked.size === 0}
                  aria-busy={pending}
                  onClick={confirm}
                >
                  {t('safe.confirm', { n: checked.size })}
                </button>
              </div>
            </>
          )
        }
      </QueryState>
    </main>
  );
}
