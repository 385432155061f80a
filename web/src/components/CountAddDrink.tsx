import { useState, type FormEvent } from 'react';
import { useAddDrinkToCount } from '../api/countQueries.ts';
import { useLibrarySearch } from '../api/queries.ts';
import type { LibraryEntry } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';
import { countedQuantity } from './countQuantity.ts';

/** A bottle the cellar does not know yet: found in the library, created and counted in one go. */
export function CountAddDrink({
  eid,
  sessionId,
  location,
  onAdded,
}: {
  eid: string;
  sessionId: string;
  location: string;
  onAdded: (message: string) => void;
}) {
  const { t, num } = useI18n();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  // The search asked for (on submit), not what is being typed.
  const [asked, setAsked] = useState<string | null>(null);
  const found = useLibrarySearch(eid, asked);
  const results = asked === null ? null : (found.data?.slice(0, 8) ?? null);
  const [entry, setEntry] = useState<LibraryEntry | null>(null);
  const [vintage, setVintage] = useState('');
  const [formatCl, setFormatCl] = useState('75');
  const [bottles, setBottles] = useState('');
  const [error, setError] = useState<unknown>(null);
  const addDrink = useAddDrinkToCount(eid, sessionId);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAsked(q.trim());
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!entry) return;
    const quantity = countedQuantity(bottles, 0);
    const year = vintage.trim() === '' ? null : Number(vintage);
    if (Number.isNaN(quantity) || (year !== null && !Number.isInteger(year))) {
      setError(new Error(t('count.err.quantity')));
      return;
    }
    setError(null);
    try {
      const r = await addDrink.mutateAsync({
        libraryEntryId: entry.id,
        vintage: year,
        formatCl: Number(formatCl),
        location,
        quantity,
      });
      onAdded(t(r.created ? 'count.added' : 'count.addedExisting', { name: entry.name, q: num(quantity) }));
      setOpen(false);
      setEntry(null);
      setAsked(null);
      setQ('');
      setBottles('');
    } catch (err) {
      setError(err);
    }
  };

  if (!open)
    return (
      <button type="button" className="btn btn--block" onClick={() => setOpen(true)}>
        {t('count.addFromLibrary')}
      </button>
    );
  return (
    <section className="card count-add" aria-labelledby="count-add-title">
      <h2 id="count-add-title">{t('count.addFromLibrary')}</h2>
      <ErrorBanner error={error} />
      <ErrorBanner error={asked === null ? null : found.error} onRetry={() => void found.refetch()} />
      {!entry ? (
        <form onSubmit={search} className="form-row">
          <input
            type="search"
            aria-label={t('count.librarySearch')}
            placeholder={t('count.librarySearch')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="btn">
            {t('count.search')}
          </button>
        </form>
      ) : (
        <form onSubmit={(e) => void add(e)} className="count-add__form">
          <p>
            <strong>{entry.name}</strong>
          </p>
          <label>
            {t('count.vintage')}
            <input
              inputMode="numeric"
              value={vintage}
              onChange={(e) => setVintage(e.target.value)}
              list="count-add-vintages"
            />
            <datalist id="count-add-vintages">
              {entry.vintages.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </label>
          <label>
            {t('count.format')}
            <select value={formatCl} onChange={(e) => setFormatCl(e.target.value)}>
              {[...new Set([...entry.formatsCl, 37.5, 75, 150])].map((f) => (
                <option key={f} value={f}>
                  {num(f)} cl
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('count.quantityAt', { location })}
            <input inputMode="text" value={bottles} onChange={(e) => setBottles(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--primary" disabled={addDrink.isPending}>
            {t('count.addAndCount')}
          </button>
          <button type="button" className="btn btn--ghost" onClick={() => setEntry(null)}>
            {t('common.back')}
          </button>
        </form>
      )}
      {!entry && results && results.length === 0 && <p className="empty">{t('count.noLibrary')}</p>}
      {!entry && results && results.length > 0 && (
        <ul className="count-add__results">
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" className="btn btn--ghost" onClick={() => setEntry(r)}>
                {r.name}
                {r.appellation ? ` · ${r.appellation}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </section>
  );
}
