import type { DrinkSort } from '../../../src/domain/drink.ts';
import type { Drink, Establishment } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { drinkTitle, formatCl, isLowStock } from './format.ts';
import { BottleStock } from './BottleStock.tsx';
import { TillLinkedIcon } from './TillIcons.tsx';

/** The cellar table; under 640 px the CSS turns each row into a card (labels come from data-label). */
type Props = {
  establishment: Establishment;
  drinks: Drink[];
  sort: DrinkSort;
  order: 'asc' | 'desc';
  onSort: (sort: DrinkSort) => void;
};

export function DrinkTable({ establishment, drinks, sort, order, onSort }: Props) {
  const { t, num, money } = useI18n();
  const header = (label: string, key: DrinkSort, className?: string) => (
    <th
      scope="col"
      className={className}
      aria-sort={sort === key ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="th-sort" onClick={() => onSort(key)}>
        {label}
        <span aria-hidden="true">{sort === key ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  return (
    <table className="drink-table">
      <thead>
        <tr>
          {header(t('col.name'), 'name')}
          {header(t('col.appellation'), 'appellation')}
          {header(t('col.vintage'), 'vintage')}
          <th scope="col">{t('col.format')}</th>
          {header(t('col.stock'), 'stock', 'num')}
          <th scope="col" className="num">
            {t('col.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {drinks.map((d) => {
          const low = isLowStock(d);
          return (
            <tr key={d.id} className={low ? 'row--low' : undefined}>
              <td className="drink-table__name">
                {d.colour && (
                  <span
                    className={`dot dot--${d.colour === 'rosé' ? 'rose' : d.colour}`}
                    aria-hidden="true"
                  />
                )}
                <Link to={paths.drink(establishment.id, d.id)}>{drinkTitle(d, t('drinks.unnamed'))}</Link>
                {d.tillLinked && <TillLinkedIcon label={t('till.linkedIcon')} />}
                {d.archivedAt && <span className="badge">{t('drinks.archived')}</span>}
              </td>
              <td data-label={t('col.appellation')}>{d.appellation ?? t('common.none')}</td>
              <td data-label={t('col.vintage')}>{d.vintage ?? t('drinks.nv')}</td>
              <td data-label={t('col.format')}>{formatCl(d.formatCl, num)}</td>
              <td data-label={t('col.stock')} className="num" data-testid="stock">
                <BottleStock drink={d} />
                {low && <span className="badge badge--warn">{t('drinks.lowStock')}</span>}
              </td>
              <td data-label={t('col.value')} className="num">
                {money(d.stockValue)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
