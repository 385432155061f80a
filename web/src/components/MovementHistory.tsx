import type { Movement } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function MovementHistory({ movements }: { movements: Movement[] }) {
  const { t, num, date } = useI18n();
  if (movements.length === 0) return <p className="empty">{t('mv.empty')}</p>;
  const sorted = [...movements].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.seq - a.seq);
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
        {sorted.map((m) => (
          <tr key={m.id} className={`mv mv--${m.kind}`}>
            <td>{date(m.occurredAt, true)}</td>
            <td>{t(`mv.kind.${m.kind}`)}</td>
            <td className="num">
              {m.kind === 'receipt'
                ? '+'
                : m.kind === 'loss'
                  ? '−'
                  : m.kind === 'adjustment' && m.quantity > 0
                    ? '+'
                    : ''}
              {m.kind === 'count' ? '= ' : ''}
              {num(m.kind === 'adjustment' && m.quantity < 0 ? m.quantity : Math.abs(m.quantity))}
            </td>
            <td>{m.accountEmail ?? t('common.none')}</td>
            <td>{m.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
