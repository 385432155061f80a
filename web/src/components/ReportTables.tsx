import type { BevCost } from '../api/counts.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { displayDate } from './dateText.ts';

type Margin = BevCost['drinks'][number];

/** A period of days reads 22/11/2026 → 27/11/2026; one between two inventaires keeps their names. */
function periodLabel(bev: BevCost): string {
  if (bev.label !== `${bev.fromDay} → ${bev.toDay}`) return bev.label;
  return `${displayDate(bev.fromDay)} → ${displayDate(bev.toDay)}`;
}

function MarginTable({ title, rows, exportHref }: { title: string; rows: Margin[]; exportHref: string }) {
  const { t, num, money } = useI18n();
  return (
    <section className="report-table">
      <h2>{title}</h2>
      <a className="btn btn--small" href={exportHref} download>
        {t('rep.csv')}
      </a>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('rep.name')}</th>
              <th scope="col">{t('rep.quantitySold')}</th>
              <th scope="col">{t('rep.revenueExcl')}</th>
              <th scope="col">{t('rep.cost')}</th>
              <th scope="col">{t('rep.margin')}</th>
              <th scope="col">{t('rep.coefficient')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.key}>
                <th scope="row">{m.name}</th>
                <td>{num(m.quantitySold)}</td>
                <td>{money(m.revenueExclTax)}</td>
                <td>{money(m.cost)}</td>
                <td>{money(m.margin)}</td>
                <td>{m.coefficient === null ? '—' : num(m.coefficient, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Coût matière summary, margins per category and per drink, dormant stock: each with its CSV. */
export function ReportTables({ bev, csv }: { bev: BevCost; csv: (table: number) => string }) {
  const { t, num, money } = useI18n();
  const cat = (c: string) => t(`type.${c}` as MessageKey);
  return (
    <>
      <section className="card bev-summary" aria-labelledby="bev-title">
        <h2 id="bev-title">{t('rep.bevTitle', { label: periodLabel(bev) })}</h2>
        <dl className="facts">
          <dt>{t('rep.opening')}</dt>
          <dd>{money(bev.openingValue)}</dd>
          <dt>{t('rep.purchases')}</dt>
          <dd>{money(bev.purchases)}</dd>
          <dt>{t('rep.closing')}</dt>
          <dd>{money(bev.closingValue)}</dd>
          <dt>{t('rep.consumption')}</dt>
          <dd data-testid="consumption">{money(bev.consumption)}</dd>
          <dt>{t('rep.linkedRevenue')}</dt>
          <dd data-testid="linked-revenue">{money(bev.linkedRevenueExclTax)}</dd>
          <dt>{t('rep.unlinkedRevenue')}</dt>
          <dd>{money(bev.unlinkedRevenueExclTax)}</dd>
          <dt>{t('rep.bevPercent')}</dt>
          <dd data-testid="bev-percent">
            {bev.bevCostPercent === null ? '—' : `${num(bev.bevCostPercent, 1)} %`}
          </dd>
        </dl>
        <a className="btn btn--small" href={csv(0)} download>
          {t('rep.csv')}
        </a>
      </section>
      <MarginTable
        title={t('rep.byCategory')}
        rows={bev.categories.map((c) => ({ ...c, name: cat(c.category) }))}
        exportHref={csv(2)}
      />
      <MarginTable title={t('rep.byDrink')} rows={bev.drinks} exportHref={csv(1)} />
      <section className="report-table">
        <h2>{t('rep.dormant', { days: bev.dormant.days, value: money(bev.dormant.value) })}</h2>
        <a className="btn btn--small" href={csv(3)} download>
          {t('rep.csv')}
        </a>
        <ul>
          {bev.dormant.items.map((d) => (
            <li key={d.drinkId}>
              {d.name} : {num(d.quantity)} · {money(d.value)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
