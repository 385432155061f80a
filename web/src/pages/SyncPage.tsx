import { useEffect, useRef, useState } from 'react';
import { useIgnore, useImportOverview, useWorkList } from '../api/queries.ts';
import type { Drink, Establishment, TillProduct, WorkListStatus } from '../../../src/http/contract.ts';
import { ErrorBanner, Loading, Notice } from '../components/Feedback.tsx';
import { ImportStateNote } from '../components/ImportStateNote.tsx';
import { NotDrinkBanner } from '../components/NotDrinkBanner.tsx';
import { drinkTitle } from '../components/format.ts';
import { Pagination } from '../components/Pagination.tsx';
import { ProposalPanel } from '../components/proposal/ProposalPanel.tsx';
import { TillBanner, tillsInUse } from '../components/TillBanner.tsx';
import { SoldIcon } from '../components/TillIcons.tsx';
import { euros, groupSameWine } from '../components/tillFormat.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, paths, useLocation } from '../router.tsx';
import { TillSource } from '../components/TillSource.tsx';
import { withParam } from './drinkListQuery.ts';

const PAGE_SIZE = 100;
const VIEWS: WorkListStatus[] = ['unlinked', 'ignored', 'linked'];

/** Boissons à synchroniser: the till products to link, with their sales; "+" opens the proposal panel. */
export function SyncPage({ establishment }: { establishment: Establishment }) {
  const { t, tn, num, money, date } = useI18n();
  const eid = establishment.id;
  const { pathname, search } = useLocation();
  const view: WorkListStatus = (VIEWS as string[]).includes(search.get('vue') ?? '')
    ? (search.get('vue') as WorkListStatus)
    : 'unlinked';
  const family = search.get('famille') ?? '';
  const sold = search.get('vendus');
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const [text, setText] = useState(search.get('q') ?? '');
  const debounced = useDebounced(text.trim(), 300);
  const ignoring = useIgnore(eid);
  const [open, setOpen] = useState<TillProduct | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // State, not a ref: a write settles after the list has loaded again, and setting it must still run the effect.
  const [focusAfterLoad, setFocusAfterLoad] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const setParam = (key: string, value: string | null) =>
    navigate(pathname + withParam(search, key, value), { replace: key !== 'page' });

  useEffect(() => {
    const current = new URLSearchParams(window.location.search);
    if ((current.get('q') ?? '') === debounced) return;
    navigate(window.location.pathname + withParam(current, 'q', debounced || null), { replace: true });
  }, [debounced]);

  const q = search.get('q') ?? '';
  const work = useWorkList(eid, {
    status: view,
    ...(family ? { family } : {}),
    ...(sold === 'true' || sold === 'false' ? { sold: sold === 'true' } : {}),
    ...(q ? { q } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const data = work.data;
  const loading = work.isFetching;
  const overview = useImportOverview(eid);
  const tills = tillsInUse(overview.data);
  // Writes reload the work list before they settle (write.ts); this is the explicit "Réessayer".
  const reload = () => void work.refetch();
  const rows = data ? groupSameWine(data.items) : [];
  const labelOf = new Map((data?.items ?? []).map((i) => [i.id, i.label]));

  // After a link or an ignore: the next product's "+" takes the focus, to link dozens in a row.
  useEffect(() => {
    const id = focusAfterLoad;
    if (!id || loading) return;
    setFocusAfterLoad(null);
    const target =
      list.current?.querySelector<HTMLElement>(`[data-plus="${CSS.escape(id)}"]`) ??
      list.current?.querySelector<HTMLElement>('[data-plus]');
    target?.focus();
  }, [data, loading, focusAfterLoad]);

  const nextAfter = (id: string) => {
    const index = rows.findIndex((r) => r.item.id === id);
    return rows[index + 1]?.item.id ?? rows[index - 1]?.item.id ?? null;
  };

  const onLinked = (product: TillProduct, drink: Drink) => {
    setNotice(t('sync.linked', { label: product.label, drink: drinkTitle(drink, t('drinks.unnamed')) }));
    setFocusAfterLoad(nextAfter(product.id));
    setOpen(null);
  };

  const ignore = (product: TillProduct, ignored: boolean) =>
    ignoring.mutate(
      { tillProductId: product.id, ignored },
      {
        onSuccess: () => {
          setNotice(t(ignored ? 'sync.ignoredOne' : 'sync.restoredOne', { label: product.label }));
          setFocusAfterLoad(nextAfter(product.id));
        },
      },
    );

  const ignoreFamily = (ignored: boolean) => {
    if (!family) return;
    ignoring.mutate(
      { family, ignored },
      {
        onSuccess: () => setNotice(t(ignored ? 'sync.ignoredFamily' : 'sync.restoredFamily', { family })),
      },
    );
  };

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <main className="page">
      <Link to={paths.drinks(eid)} className="back">
        ‹ {t('sheet.back')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{t('sync.title')}</h1>
          {data && (
            <p className="sync-summary">
              <span>{tn('sync.count', data.unlinked)}</span>
              <span>
                {t('sync.unsyncedRevenue')} <strong>{money(euros(data.unlinkedRevenueCents))}</strong>
              </span>
            </p>
          )}
        </div>
        <div className="page-head__actions">
          <Link to={paths.syncSafe(eid)} className="btn btn--primary">
            {t('sync.safe')}
          </Link>
        </div>
      </div>
      <TillBanner eid={eid} tills={tills} quiet />

      <nav className="subtabs" aria-label={t('sync.views')}>
        {VIEWS.map((v) => (
          <Link
            key={v}
            to={pathname + withParam(search, 'vue', v === 'unlinked' ? null : v)}
            replace
            className={`subtabs__tab${view === v ? ' subtabs__tab--active' : ''}`}
            aria-current={view === v ? 'page' : undefined}
          >
            {t(`sync.view.${v}`)}
          </Link>
        ))}
      </nav>

      <section className="filters filters--open" role="search" aria-label={t('sync.filters')}>
        <label className="filters__search">
          <span className="visually-hidden">{t('sync.search')}</span>
          <input
            type="search"
            placeholder={t('sync.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label={t('sync.search')}
          />
        </label>
        <div className="filters__row filters__row--open">
          <label>
            {t('sync.family')}
            <select value={family} onChange={(e) => setParam('famille', e.target.value || null)}>
              <option value="">{t('filter.any')}</option>
              {family && !data?.families.includes(family) && <option value={family}>{family}</option>}
              {(data?.families ?? []).map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sync.sold')}
            <select value={sold ?? ''} onChange={(e) => setParam('vendus', e.target.value || null)}>
              <option value="">{t('filter.any')}</option>
              <option value="true">{t('sync.soldOnly')}</option>
              <option value="false">{t('sync.catalogueOnly')}</option>
            </select>
          </label>
          {family && view === 'unlinked' && (
            <button
              type="button"
              className="btn btn--small"
              disabled={ignoring.isPending}
              onClick={() => ignoreFamily(true)}
            >
              {t('sync.ignoreFamily')}
            </button>
          )}
          {family && view === 'ignored' && (
            <button
              type="button"
              className="btn btn--small"
              disabled={ignoring.isPending}
              onClick={() => ignoreFamily(false)}
            >
              {t('sync.restoreFamily')}
            </button>
          )}
        </div>
      </section>

      <ErrorBanner error={overview.error} onRetry={() => void overview.refetch()} />
      {view === 'unlinked' && (
        <NotDrinkBanner eid={eid} onIgnored={(n) => setNotice(t('sync.notDrinks.done', { n }))} />
      )}
      <ErrorBanner error={work.error} onRetry={reload} />
      <ErrorBanner error={ignoring.error} />
      {notice && <Notice>{notice}</Notice>}
      <div className="list-status">
        {data && <p className="muted">{tn('sync.shown', data.total)}</p>}
        {loading && <Loading />}
      </div>

      {data && rows.length === 0 && !loading && data.tillProducts === 0 && (
        <ImportStateNote eid={eid} imports={data.imports} />
      )}
      {data && rows.length === 0 && !loading && data.tillProducts > 0 && (
        <p className="empty">{t(`sync.empty.${view}`)}</p>
      )}
      {rows.length > 0 && (
        <ul className={`sync-list${loading ? ' stale' : ''}`} ref={list} aria-label={t(`sync.view.${view}`)}>
          {rows.map(({ item, grouped }) => {
            const siblings = item.sameWineAs.map((id) => labelOf.get(id)).filter((l): l is string => !!l);
            return (
              <li
                key={item.id}
                className={`sync-row${grouped ? ' sync-row--grouped' : ''}${siblings.length > 0 ? ' sync-row--same' : ''}`}
                data-testid="till-product"
              >
                <div className="sync-row__main">
                  <span className="sync-row__label">
                    {item.hasSales && <SoldIcon label={t('sync.soldIcon')} />}
                    <strong>{item.label}</strong>
                    {!item.active && <span className="badge">{t('sync.inactive')}</span>}
                  </span>
                  <span className="sync-row__meta">
                    <span>{item.family ?? t('sync.noFamily')}</span>
                    <TillSource name={item.tillName} removed={item.tillRemoved} />
                    {item.hasSales ? (
                      <span>
                        {t('sync.soldQty', { n: num(item.quantitySold) })} · {money(euros(item.revenueCents))}
                      </span>
                    ) : (
                      <span>{t('sync.notSold')}</span>
                    )}
                    {item.firstSoldOn && item.lastSoldOn && (
                      <span>
                        {t('sync.seen', {
                          first: date(`${item.firstSoldOn}T12:00:00`),
                          last: date(`${item.lastSoldOn}T12:00:00`),
                        })}
                      </span>
                    )}
                    {item.labelChangedOn && (
                      <span className="badge badge--warn">
                        {t('sync.labelChanged', { date: date(`${item.labelChangedOn}T12:00:00`) })}
                      </span>
                    )}
                  </span>
                  {siblings.length > 0 && (
                    <span className="sync-row__same">
                      {t('sync.sameWine', { labels: siblings.join(', ') })}
                    </span>
                  )}
                </div>
                <div className="sync-row__actions">
                  {view === 'unlinked' && (
                    <>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        disabled={ignoring.isPending}
                        onClick={() => ignore(item, true)}
                        aria-label={t('sync.ignoreLabel', { label: item.label })}
                      >
                        {t('sync.ignore')}
                      </button>
                      <button
                        type="button"
                        className="btn btn--primary sync-row__plus"
                        data-plus={item.id}
                        onClick={() => {
                          setNotice(null);
                          setOpen(item);
                        }}
                        aria-label={t('sync.plus', { label: item.label })}
                      >
                        +
                      </button>
                    </>
                  )}
                  {view === 'ignored' && (
                    <button
                      type="button"
                      className="btn btn--small"
                      data-plus={item.id}
                      disabled={ignoring.isPending}
                      onClick={() => ignore(item, false)}
                      aria-label={t('sync.restoreLabel', { label: item.label })}
                    >
                      {t('sync.restore')}
                    </button>
                  )}
                  {view === 'linked' && item.linkedDrinkId && (
                    <Link to={paths.drinkSales(eid, item.linkedDrinkId)} className="btn btn--small">
                      {t('sync.seeDrink')}
                    </Link>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && <Pagination page={page} pages={pages} onPage={(p) => setParam('page', String(p))} />}
      {open && (
        <ProposalPanel
          eid={eid}
          product={open}
          onClose={() => {
            const id = open.id;
            setOpen(null);
            window.setTimeout(
              () => list.current?.querySelector<HTMLElement>(`[data-plus="${CSS.escape(id)}"]`)?.focus(),
              0,
            );
          }}
          onLinked={(drink) => onLinked(open, drink)}
        />
      )}
    </main>
  );
}
