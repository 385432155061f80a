import type { Variance, VarianceHistory } from '../api/counts.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';

/** Totals by category, the top losses and the likely causes Cellier can see. */
export function VarianceSummary({ report }: { report: Variance }) {
  const { t, num, money, date } = useI18n();
  const cat = (c: string) => (c === '*' ? t('var.total') : t(`type.${c}` as MessageKey));
  const c = report.causes;
  return (
    <>
      <section aria-labelledby="var-cat-title">
        <h2 id="var-cat-title">{t('var.byCategory')}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('var.category')}</th>
                <th scope="col">{t('var.drinks')}</th>
                <th scope="col">{t('var.difference')}</th>
                <th scope="col">{t('var.atCost')}</th>
                <th scope="col">{t('var.atSale')}</th>
              </tr>
            </thead>
            <tbody>
              {[...report.byCategory, report.totals].map((x) => (
                <tr key={x.category} className={x.category === '*' ? 'row--total' : ''}>
                  <th scope="row">{cat(x.category)}</th>
                  <td>{num(x.drinks)}</td>
                  <td>{num(x.difference)}</td>
                  <td data-testid={x.category === '*' ? 'total-cost' : undefined}>
                    {money(x.differenceCost)}
                  </td>
                  <td>{money(x.differenceSale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {report.topLosses.length > 0 && (
        <section aria-labelledby="var-top-title">
          <h2 id="var-top-title">{t('var.topLosses')}</h2>
          <ol className="top-losses">
            {report.topLosses.map((r) => (
              <li key={r.drinkId}>
                {r.name} : {num(r.difference ?? 0)} · {money(r.differenceCost)}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="var-causes-title">
        <h2 id="var-causes-title">{t('var.causes')}</h2>
        <ul className="causes">
          {c.unlinkedSold.length > 0 && (
            <li>
              {t('var.cause.unlinkedRevenue', { amount: money(c.unlinkedRevenue) })}
              <ul>
                {c.unlinkedSold.map((u) => (
                  <li key={u.tillProductId}>
                    {u.label} ({u.family ?? '—'}) : {num(u.quantity)} · {money(u.revenue)}
                  </li>
                ))}
              </ul>
            </li>
          )}
          {c.receiptsMissing > 0 && <li>{t('var.cause.receiptsMissing', { n: c.receiptsMissing })}</li>}
          {c.recentLinks > 0 && <li>{t('var.cause.recentLinks', { n: c.recentLinks })}</li>}
          {c.linkEvents.length > 0 && (
            <li>
              {t('var.linkLedger')}
              <ul className="link-ledger" data-testid="link-ledger">
                {c.linkEvents.map((e, i) => (
                  <li key={`${e.tillProductId}-${i}`}>
                    {date(e.at, true)} · {e.by ?? '—'} · {t(`var.link.${e.kind}`)} « {e.productLabel} »
                    {e.drinkName ? ` → ${e.drinkName}` : ''}
                    {e.factor !== null || e.previousFactor !== null
                      ? ` (${t('var.link.factor')} ${e.previousFactor === null ? '' : `${num(e.previousFactor)} → `}${e.factor === null ? '—' : num(e.factor)})`
                      : ''}
                  </li>
                ))}
              </ul>
            </li>
          )}
          {c.unlinkedSold.length === 0 && c.receiptsMissing === 0 && c.recentLinks === 0 && (
            <li>{t('var.cause.none')}</li>
          )}
        </ul>
      </section>
    </>
  );
}

/** Every closed inventaire's totals, to see whether losses grow. */
export function VarianceHistoryTable({ history }: { history: VarianceHistory }) {
  const { t, money, date } = useI18n();
  if (history.items.length === 0) return null;
  return (
    <section aria-labelledby="var-history-title">
      <h2 id="var-history-title">{t('var.history')}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('var.session')}</th>
              <th scope="col">{t('var.atCost')}</th>
              <th scope="col">{t('var.losses')}</th>
              <th scope="col">{t('var.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {history.items.map((h) => (
              <tr key={h.session.id}>
                <th scope="row">
                  {h.session.name} · {date(h.session.cutoffAt)}
                </th>
                <td>{money(h.totals.differenceCost)}</td>
                <td>{money(h.lossCost)}</td>
                <td>{h.missingReasons}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
