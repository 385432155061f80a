import { useEffect, useState, type FormEvent } from 'react';
import { useDrinkPages, useRecordCounts } from '../api/queries.ts';
import type { Drink, Establishment } from '../../../src/http/contract.ts';
import { ErrorBanner, Loading, Notice, SubmitButton } from '../components/Feedback.tsx';
import { drinkTitle, formatCl } from '../components/format.ts';
import { checkQuantity } from '../components/MovementForm.tsx';
import { parseDecimal } from '../components/format.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { useI18n } from '../i18n/i18n.tsx';

const PAGE_SIZE = 50;
type Entry = { text: string; drink: Drink };
const storageKey = (eid: string) => `cellier.count.${eid}`;

function loadEntries(eid: string): Map<string, Entry> {
  try {
    const raw = sessionStorage.getItem(storageKey(eid));
    return new Map(raw ? (JSON.parse(raw) as [string, Entry][]) : []);
  } catch {
    return new Map();
  }
}

function saveEntries(eid: string, entries: Map<string, Entry>): void {
  try {
    if (entries.size === 0) sessionStorage.removeItem(storageKey(eid));
    else sessionStorage.setItem(storageKey(eid), JSON.stringify([...entries]));
  } catch {
    // Without storage, the count lives as long as the page.
  }
}

/** Inventaire: count many drinks at once, phone first. Only the filled-in lines are sent. */
export function InventoryPage({ establishment }: { establishment: Establishment }) {
  const { t, tn, num } = useI18n();
  const eid = establishment.id;
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = useDrinkPages(eid, q, PAGE_SIZE);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const loading = list.isFetching;
  const [entries, setEntries] = useState<Map<string, Entry>>(() => loadEntries(eid));
  const [invalid, setInvalid] = useState<Set<string>>(() => new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const record = useRecordCounts(eid);

  // A count in progress survives a tap on another tab or a reload.
  useEffect(() => saveEntries(eid, entries), [eid, entries]);

  const setEntry = (drink: Drink, value: string) => {
    setDone(null);
    setEntries((prev) => {
      const next = new Map(prev);
      if (value.trim() === '') next.delete(drink.id);
      else next.set(drink.id, { text: value, drink });
      return next;
    });
    setInvalid((prev) => {
      if (!prev.has(drink.id)) return prev;
      const next = new Set(prev);
      next.delete(drink.id);
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    setMessage(null);
    setDone(null);
    if (entries.size === 0) {
      setMessage(t('inv.nothing'));
      return;
    }
    const bad = new Set([...entries].filter(([, e]) => checkQuantity('count', e.text, t)).map(([id]) => id));
    setInvalid(bad);
    if (bad.size > 0) return;
    const counts = [...entries].map(([drinkId, e]) => ({ drinkId, quantity: parseDecimal(e.text) }));
    // The drinks on screen load again with their new stock before the mutation settles (write.ts).
    record.mutate(
      { counts },
      {
        onSuccess: ({ recorded }) => {
          setEntries(new Map());
          setDone(recorded);
        },
      },
    );
  };

  // Drinks already counted stay on screen (first) whatever the search shows.
  const shown = new Set(items.map((d) => d.id));
  const pinned = [...entries.values()].map((e) => e.drink).filter((d) => !shown.has(d.id));

  return (
    <main className="page page--narrow">
      <h1>{t('inv.title')}</h1>
      <p className="muted">{t('inv.lead')}</p>
      <form onSubmit={submit} noValidate className="inventory">
        <label className="filters__search">
          <span className="visually-hidden">{t('inv.search')}</span>
          <input
            type="search"
            placeholder={t('inv.search')}
            aria-label={t('inv.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {done !== null && <Notice>{tn('inv.done', done)}</Notice>}
        {message && (
          <p className="banner banner--error" role="alert">
            {message}
          </p>
        )}
        <ErrorBanner error={record.error} />
        <ErrorBanner error={list.error} onRetry={() => void list.refetch()} />
        {invalid.size > 0 && (
          <p className="banner banner--error" role="alert">
            {t('inv.invalid')}
          </p>
        )}
        <ul className="count-list">
          {[...pinned, ...items].map((d) => {
            const name = `${drinkTitle(d, t('drinks.unnamed'))} ${d.vintage ?? t('drinks.nv')}`;
            const meta = [d.appellation, formatCl(d.formatCl, num), d.location].filter(Boolean).join(' · ');
            const bad = invalid.has(d.id);
            return (
              <li key={d.id} className={`count-row${bad ? ' count-row--invalid' : ''}`}>
                <div className="count-row__text">
                  <span className="count-row__name">{name}</span>
                  <span className="count-row__meta">{meta}</span>
                  <span className="count-row__meta">{t('inv.expected', { stock: num(d.stock) })}</span>
                </div>
                <input
                  className="count-row__input"
                  inputMode="decimal"
                  autoComplete="off"
                  aria-label={t('inv.qtyFor', { name })}
                  aria-invalid={bad || undefined}
                  value={entries.get(d.id)?.text ?? ''}
                  enterKeyHint="next"
                  onChange={(e) => setEntry(d, e.target.value)}
                  onKeyDown={(e) => {
                    // Enter moves to the next drink instead of sending a half-done inventory.
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    const inputs = [...document.querySelectorAll<HTMLInputElement>('.count-row__input')];
                    inputs[inputs.indexOf(e.currentTarget) + 1]?.focus();
                  }}
                />
              </li>
            );
          })}
        </ul>
        {loading && <Loading />}
        {!loading && list.isSuccess && items.length === 0 && <p className="empty">{t('inv.empty')}</p>}
        {!loading && list.hasNextPage && (
          <button type="button" className="btn btn--block" onClick={() => void list.fetchNextPage()}>
            {t('inv.more')}
          </button>
        )}
        <div className="sticky-actions">
          <span className="muted">{tn('inv.entered', entries.size)}</span>
          {entries.size > 0 && (
            <button type="button" className="btn btn--ghost" onClick={() => setEntries(new Map())}>
              {t('inv.clear')}
            </button>
          )}
          <SubmitButton
            pending={record.isPending}
            label={t('inv.submit')}
            pendingLabel={t('common.saving')}
          />
        </div>
      </form>
    </main>
  );
}
