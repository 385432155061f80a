import { useArchiveDrink, useDrink, useMovements } from '../api/queries.ts';
import type { Drink, Establishment } from '../../../src/http/contract.ts';
import { ErrorBanner, Loading } from '../components/Feedback.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { drinkTitle, formatCl, isLowStock } from '../components/format.ts';
import { MovementForm } from '../components/MovementForm.tsx';
import { BottleStock } from '../components/BottleStock.tsx';
import { MovementHistory } from '../components/MovementHistory.tsx';
import { DrinkSales } from '../components/DrinkSales.tsx';
import { TillLinkedIcon } from '../components/TillIcons.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths, type DrinkTab } from '../router.tsx';
import { drinkListPath } from './drinkListQuery.ts';

type Props = { establishment: Establishment; drinkId: string; tab: DrinkTab };

/** The drink sheet: identity, prices, stock; tabs Fiche, Mouvements and Ventes (the till's sales). */
export function DrinkPage({ establishment, drinkId, tab }: Props) {
  const { t, num, money, date } = useI18n();
  const eid = establishment.id;
  const drinkQuery = useDrink(eid, drinkId);
  const drink = drinkQuery.data;
  const movementsQuery = useMovements(eid, drinkId, tab === 'movements');
  const archive = useArchiveDrink(eid);
  const loadDrink = () => void drinkQuery.refetch();

  if (!drink)
    return (
      <main className="page">
        <Link to={drinkListPath(eid)} className="back">
          ‹ {t('sheet.back')}
        </Link>
        {drinkQuery.isError ? <ErrorBanner error={drinkQuery.error} onRetry={loadDrink} /> : <Loading />}
      </main>
    );

  const low = isLowStock(drink);
  const tabs = [
    { id: 'info', label: t('sheet.tab.info'), to: paths.drink(eid, drink.id) },
    { id: 'movements', label: t('sheet.tab.movements'), to: paths.drinkMovements(eid, drink.id) },
    { id: 'sales', label: t('sheet.tab.sales'), to: paths.drinkSales(eid, drink.id) },
  ] as const;

  return (
    <main className="page">
      <Link to={drinkListPath(eid)} className="back">
        ‹ {t('sheet.back')}
      </Link>
      <div className="page-head">
        <div>
          <h1>
            {drinkTitle(drink, t('drinks.unnamed'))}{' '}
            <span className="muted">{drink.vintage ?? t('drinks.nv')}</span>
            {drink.tillLinked && (
              <>
                {' '}
                <TillLinkedIcon label={t('till.linkedIcon')} />
              </>
            )}
          </h1>
          <p className="muted">
            {[drink.appellation, drink.colour && t(`colour.${drink.colour}`), formatCl(drink.formatCl, num)]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="page-head__actions">
          <Link to={paths.drinkEdit(eid, drink.id)} className="btn">
            {t('sheet.edit')}
          </Link>
          <button
            type="button"
            className="btn"
            onClick={() => archive.mutate({ drinkId: drink.id, archived: drink.archivedAt === null })}
            disabled={archive.isPending}
            aria-busy={archive.isPending}
          >
            {drink.archivedAt ? t('sheet.unarchive') : t('sheet.archive')}
          </button>
        </div>
      </div>
      {drink.archivedAt && (
        <p className="banner banner--info">{t('sheet.archivedOn', { date: date(drink.archivedAt) })}</p>
      )}
      <ErrorBanner error={archive.error} />

      <section className={`stock-card${low ? ' stock-card--low' : ''}`} aria-label={t('sheet.stockTitle')}>
        <div>
          <span className="stock-card__label">{t('sheet.stock')}</span>
          <strong className="stock-card__value" data-testid="drink-stock">
            <BottleStock drink={drink} />
          </strong>
          {low && <span className="badge badge--warn">{t('drinks.lowStock')}</span>}
        </div>
        <div>
          <span className="stock-card__label">{t('sheet.stockValue')}</span>
          <strong>{money(drink.stockValue)}</strong>
        </div>
        <div>
          <span className="stock-card__label">{t('sheet.lastCount')}</span>
          <strong>{drink.lastCountAt ? date(drink.lastCountAt, true) : t('sheet.never')}</strong>
        </div>
        {tab === 'info' && (
          <Link
            to={paths.drinkMovements(eid, drink.id)}
            replace
            className="btn btn--primary stock-card__action"
          >
            {t('sheet.recordMovement')}
          </Link>
        )}
      </section>

      <nav className="subtabs" aria-label={t('sheet.tabs')}>
        {tabs.map((item) => (
          <Link
            key={item.id}
            to={item.to}
            replace
            className={`subtabs__tab${tab === item.id ? ' subtabs__tab--active' : ''}`}
            aria-current={tab === item.id ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>

      {tab === 'info' ? (
        <DrinkDetails drink={drink} />
      ) : tab === 'sales' ? (
        <DrinkSales eid={eid} drinkId={drink.id} />
      ) : (
        <div className="movements">
          <MovementForm eid={eid} drink={drink} />
          <section aria-labelledby="mv-history">
            <h2 id="mv-history">{t('mv.history')}</h2>
            <QueryState query={movementsQuery}>
              {(history) => <MovementHistory history={history} />}
            </QueryState>
          </section>
        </div>
      )}
    </main>
  );
}

function DrinkDetails({ drink }: { drink: Drink }) {
  const { t, num, money } = useI18n();
  const none = t('common.none');
  const rows: [string, string][] = [
    [t('form.type'), t(`type.${drink.type}`)],
    [t('form.colour'), drink.colour ? t(`colour.${drink.colour}`) : none],
    [t('form.producer'), drink.producer ?? none],
    [t('form.cuvee'), drink.cuvee ?? none],
    [t('form.appellation'), drink.appellation ?? none],
    [t('form.region'), drink.region ?? none],
    [t('form.country'), drink.country ?? none],
    [t('form.grapes'), drink.grapes.length > 0 ? drink.grapes.join(', ') : none],
    [t('form.vintage'), drink.vintage === null ? t('form.nonVintage') : String(drink.vintage)],
    [t('form.format'), formatCl(drink.formatCl, num)],
  ];
  const prices: [string, string][] = [
    [t('form.purchasePrice'), money(drink.purchasePrice)],
    [t('form.salePrice'), money(drink.salePrice)],
    [t('form.location'), drink.location ?? none],
    [t('form.minStock'), drink.minStock === null ? none : num(drink.minStock)],
  ];
  return (
    <div className="details">
      <section className="card">
        <h2>{t('sheet.identity')}</h2>
        <dl className="deflist">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card">
        <h2>{t('sheet.prices')}</h2>
        <dl className="deflist">
          {prices.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
