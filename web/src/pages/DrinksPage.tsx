import { useEffect, useRef, useState } from 'react';
import { useDrinkList, useImportOverview, useRegions, useWorkList } from '../api/queries.ts';
import { COLOURS, DRINK_SORTS, DRINK_TYPES } from '../../../src/domain/drink.ts';
import type { Establishment, TillState } from '../../../src/http/contract.ts';
import { DrinkTable } from '../components/DrinkTable.tsx';
import { ErrorBanner, Loading } from '../components/Feedback.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { TillBanner, tillsInUse } from '../components/TillBanner.tsx';
import { useDebounced } from '../components/useDebounced.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, paths, useLocation } from '../router.tsx';
import { PAGE_SIZE, queryFromSearch, rememberDrinkSearch, withParam } from './drinkListQuery.ts';

/** Boissons: the cellar list, paginated by the server (fast with tens of thousands of drinks). */
export function DrinksPage({ establishment }: { establishment: Establishment }) {
  const { t, tn } = useI18n();
  const { pathname, search } = useLocation();
  const query = queryFromSearch(search);
  const list = useDrinkList(establishment.id, query);
  const { data } = list;
  const loading = list.isFetching;
  const regionsQuery = useRegions(establishment.id);
  const regions = regionsQuery.data ?? [];
  const [text, setText] = useState(search.get('q') ?? '');
  const [showFilters, setShowFilters] = useState(false);
  const debounced = useDebounced(text, 300);
  const eid = establishment.id;
  const overview = useImportOverview(eid);
  const tills = overview.isError ? [] : tillsInUse(overview.data);

  const setParam = (key: string, value: string | null) =>
    navigate(pathname + withParam(search, key, value), { replace: key !== 'page' });

  // The URL changed from elsewhere (a tab link, the back button): show its search text.
  const urlQ = search.get('q') ?? '';
  const debouncedRef = useRef(debounced);
  debouncedRef.current = debounced;
  useEffect(() => {
    if (urlQ !== debouncedRef.current.trim()) setText(urlQ);
  }, [urlQ]);

  useEffect(() => {
    const current = new URLSearchParams(window.location.search);
    if ((current.get('q') ?? '') === debounced.trim()) return;
    navigate(window.location.pathname + withParam(current, 'q', debounced.trim() || null), { replace: true });
  }, [debounced]);

  const searchString = search.toString();
  useEffect(() => rememberDrinkSearch(eid, searchString), [eid, searchString]);

  const refetchSide = () => Promise.all([overview.refetch(), regionsQuery.refetch()]);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const activeFilters = ['colour', 'type', 'region', 'stock', 'archived', 'sort', 'order'].filter((k) =>
    search.has(k),
  ).length;
  const filtered = ['q', 'colour', 'type', 'region', 'stock', 'archived'].some((k) => search.has(k));

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('drinks.title')}</h1>
        <div className="page-head__slot" data-slot="sync">
          <SyncLink eid={eid} tills={tills} />
        </div>
        <Link to={paths.drinkNew(eid)} className="btn btn--primary">
          + {t('drinks.add')}
        </Link>
      </div>

      <TillBanner eid={eid} tills={tills} quiet />
      <section
        className={`filters${showFilters ? ' filters--open' : ''}`}
        role="search"
        aria-label={t('drinks.filters')}
      >
        <label className="filters__search">
          <span className="visually-hidden">{t('drinks.search')}</span>
          <input
            type="search"
            placeholder={t('drinks.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label={t('drinks.search')}
          />
        </label>
        <button
          type="button"
          className="btn btn--small filters__toggle"
          aria-expanded={showFilters}
          aria-controls="drink-filters"
          onClick={() => setShowFilters((v) => !v)}
        >
          {t('drinks.filters')}
          {activeFilters > 0 ? ` (${activeFilters})` : ''}
        </button>
        <div className="filters__row" id="drink-filters">
          <label>
            {t('filter.colour')}
            <select value={query.colour ?? ''} onChange={(e) => setParam('colour', e.target.value)}>
              <option value="">{t('filter.any')}</option>
              {COLOURS.map((c) => (
                <option key={c} value={c}>
                  {t(`colour.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter.type')}
            <select value={query.type ?? ''} onChange={(e) => setParam('type', e.target.value)}>
              <option value="">{t('filter.any')}</option>
              {DRINK_TYPES.map((c) => (
                <option key={c} value={c}>
                  {t(`type.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter.region')}
            <select value={query.region ?? ''} onChange={(e) => setParam('region', e.target.value)}>
              <option value="">{t('filter.any')}</option>
              {query.region && !regions.includes(query.region) && (
                <option value={query.region}>{query.region}</option>
              )}
              {regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter.stock')}
            <select value={search.get('stock') ?? ''} onChange={(e) => setParam('stock', e.target.value)}>
              <option value="">{t('filter.any')}</option>
              <option value="in">{t('filter.inStock')}</option>
              <option value="out">{t('filter.outOfStock')}</option>
            </select>
          </label>
          <label>
            {t('sort.label')}
            <select
              value={query.sort}
              onChange={(e) => setParam('sort', e.target.value === 'name' ? null : e.target.value)}
            >
              {DRINK_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('order.label')}
            <select
              value={query.order}
              onChange={(e) => setParam('order', e.target.value === 'asc' ? null : e.target.value)}
            >
              <option value="asc">{t('order.asc')}</option>
              <option value="desc">{t('order.desc')}</option>
            </select>
          </label>
          <label className="filters__check">
            <input
              type="checkbox"
              checked={query.archived === true}
              onChange={(e) => setParam('archived', e.target.checked ? 'true' : null)}
            />
            {t('filter.showArchived')}
          </label>
          {filtered && (
            <button
              type="button"
              className="btn btn--link"
              onClick={() => {
                setText('');
                navigate(pathname, { replace: true });
              }}
            >
              {t('drinks.resetFilters')}
            </button>
          )}
        </div>
      </section>

      <ErrorBanner error={list.error} onRetry={() => void list.refetch()} />
      <ErrorBanner error={overview.error ?? regionsQuery.error} onRetry={() => void refetchSide()} />
      <div className="list-status">
        {data && <p className="muted">{tn('drinks.count', data.total)}</p>}
        {loading && <Loading />}
      </div>
      {data && data.items.length > 0 && (
        <div className={loading ? 'stale' : undefined}>
          <DrinkTable
            establishment={establishment}
            drinks={data.items}
            sort={query.sort ?? 'name'}
            order={query.order ?? 'asc'}
            onSort={(key) => {
              const order = key === query.sort && query.order === 'asc' ? 'desc' : 'asc';
              const next = new URLSearchParams(search);
              if (key === 'name') next.delete('sort');
              else next.set('sort', key);
              if (order === 'asc') next.delete('order');
              else next.set('order', order);
              next.delete('page');
              const qs = next.toString();
              navigate(pathname + (qs ? `?${qs}` : ''), { replace: true });
            }}
          />
          {pages > 1 && (
            <Pagination page={query.page ?? 1} pages={pages} onPage={(p) => setParam('page', String(p))} />
          )}
        </div>
      )}
      {data && data.items.length === 0 && !loading && (
        <>
          <p className="empty">{filtered || data.total > 0 ? t('drinks.empty') : t('drinks.emptyCellar')}</p>
          {data.total > 0 && (
            <Pagination page={query.page ?? 1} pages={pages} onPage={(p) => setParam('page', String(p))} />
          )}
        </>
      )}
    </main>
  );
}

/** "N boissons à synchroniser": the way into the work list, once a till is connected. */
function SyncLink({ eid, tills }: { eid: string; tills: TillState[] | undefined }) {
  const { tn, t } = useI18n();
  const connected = (tills?.length ?? 0) > 0;
  const work = useWorkList(eid, { pageSize: 1 }, connected);
  const summary = work.data;
  if (work.isError)
    return (
      <button type="button" className="btn btn--link sync-link" onClick={() => void work.refetch()}>
        {t('common.retry')}
      </button>
    );
  if (!connected || summary === undefined) return null;
  const { unlinked } = summary;
  // Nothing came from the till yet: that is not "all linked".
  if (summary.tillProducts === 0)
    return (
      <Link to={paths.sync(eid)} className="sync-link">
        {t('sync.noSales.short')}
      </Link>
    );
  if (unlinked === 0)
    return (
      <Link to={paths.sync(eid)} className="sync-link sync-link--done">
        {t('sync.allLinked')}
      </Link>
    );
  return (
    <Link to={paths.sync(eid)} className="sync-link">
      {tn('sync.toLink', unlinked)}
    </Link>
  );
}
