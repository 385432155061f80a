import type { Movement, MovementHistory as History, TillSalesDay } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Row = { at: string; seq: number; movement: Movement } | { at: string; seq: number; sales: TillSalesDay };

/** Movements and one "Ventes caisse" line per business day, newest first, so the stock explains itself. */
export function historyRows(history: History): Row[] {
  const rows: Row[] = [
    ...history.items.map((m) => ({ at: m.occurredAt, seq: m.seq, movement: m })),
    ...history.tillSales.map((s) => ({ at: s.lastSoldAt, seq: -1, sales: s })),
  ];
  return rows.sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq);
}

function signed(m: Movement, num: (v: number) => string): string {
  if (m.kind === 'count') return `= ${num(m.quantity)}`;
  if (m.kind === 'receipt') return `+${num(Math.abs(m.quantity))}`;
  if (m.kind === 'loss') return `−${num(Math.abs(m.quantity))}`;
  return m.quantity > 0 ? `+${num(m.quantity)}` : `−${num(Math.abs(m.quantity))}`;
}

export function MovementHistory({ history }: { history: History }) {
  const { t, num, date } = useI18n();
  const rows = historyRows(history);
  if (rows.length === 0) return <p className="empty">{t('mv.empty')}</p>;
  return (
    <table className="history-table">
      <thead>
        <tr>
          <th scope="col">{t('mv.col.date')}</th>
          <th scope="col">{t('mv.col.kind')}</th>
          <th scope="col" className="num">
            {t('mv.col.quantity')}
          </th>
          <th scope="col">{t('mv.col.by')}</th>
          <th scope="col">{t('mv.col.note')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          'sales' in row ? (
            <tr key={`sales-${row.sales.businessDay}`} className="mv mv--till" data-testid="mv-till-sales">
              <td>{date(row.sales.businessDay)}</td>
              <td>{t('mv.tillSales')}</td>
              <td className="num">−{num(row.sales.quantity)}</td>
              <td>{t('common.none')}</td>
              <td>{t('mv.tillSalesNote', { day: date(row.sales.businessDay) })}</td>
            </tr>
          ) : (
            <tr key={row.movement.id} className={`mv mv--${row.movement.kind}`}>
              <td>{date(row.movement.occurredAt, true)}</td>
              <td>{row.movement.initial ? t('mv.initial') : t(`mv.kind.${row.movement.kind}`)}</td>
              <td className="num">{signed(row.movement, num)}</td>
              <td>{row.movement.accountEmail ?? t('common.none')}</td>
              <td>{row.movement.note ?? ''}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
