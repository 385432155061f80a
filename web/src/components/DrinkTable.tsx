import type { Drink, Establishment } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { drinkTitle, formatCl, isLowStock } from './format.ts';

/** The cellar table; under 640 px the CSS turns each row into a card (labels come from data-label). */
export function DrinkTable({ establishment, drinks }: { establishment: Establishment; drinks: Drink[] }) {
  const { t, num, money } = useI18n();
  return (
    <table className="drink-table">
      <thead>
        <tr>
          <th scope="col">{t('col.name')}</th>
          <th scope="col">{t('col.appellation')}</th>
          <th scope="col">{t('col.vintage')}</th>
          <th scope="col">{t('col.format')}</th>
          <th scope="col" className="num">
            {t('col.stock')}
          </th>
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
                {d.archivedAt && <span className="badge">{t('drinks.archived')}</span>}
              </td>
              <td data-label={t('col.appellation')}>{d.appellation ?? t('common.none')}</td>
              <td data-label={t('col.vintage')}>{d.vintage ?? t('drinks.nv')}</td>
              <td data-label={t('col.format')}>{formatCl(d.formatCl, num)}</td>
              <td data-label={t('col.stock')} className="num" data-testid="stock">
                {num(d.stock)}
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
