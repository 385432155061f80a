import { useMemo, useState } from 'react';
import { useCountSheet } from '../api/countQueries.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { CountAddDrink } from '../components/CountAddDrink.tsx';
import { CountClose } from '../components/CountClose.tsx';
import { CountRow } from '../components/CountRow.tsx';
import { ErrorBanner, Loading, Notice } from '../components/Feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';

const locationKey = (sid: string) => `cellier.count.location.${sid}`;
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function storedLocation(sid: string): string {
  try {
    return sessionStorage.getItem(locationKey(sid)) ?? '';
  } catch {
    return '';
  }
}

/** One inventaire on a counter's phone: pick a location, count blind, lines merge with the other counters'. */
export function CountSheetPage({
  establishment,
  sessionId,
}: {
  establishment: Establishment;
  sessionId: string;
}) {
  const { t, tn, date } = useI18n();
  const eid = establishment.id;
  const sheet = useCountSheet(eid, sessionId);
  const [location, setLocationState] = useState(() => storedLocation(sessionId));
  const [newLocation, setNewLocation] = useState('');
  const [q, setQ] = useState('');
  const [allDrinks, setAllDrinks] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const reload = () => void sheet.refetch();

  const setLocation = (l: string) => {
    setLocationState(l);
    try {
      sessionStorage.setItem(locationKey(sessionId), l);
    } catch {
      // Without storage the choice lasts as long as the page.
    }
  };

  const data = sheet.data;
  const shown = useMemo(() => {
    if (!data) return [];
    const needle = fold(q.trim());
    return data.drinks.filter((d) => {
      const here =
        allDrinks || !d.location || d.location === location || d.lines.some((l) => l.location === location);
      if (!here && needle === '') return false;
      if (needle === '') return true;
      return fold([d.producer, d.cuvee, d.appellation, d.vintage].filter(Boolean).join(' ')).includes(needle);
    });
  }, [data, q, allDrinks, location]);

  if (!data)
    return (
      <main className="page page--narrow">
        {sheet.isError ? <ErrorBanner error={sheet.error} onRetry={reload} /> : <Loading />}
      </main>
    );
  const { session } = data;
  const open = session.status === 'open';
  const counted = data.drinks.filter((d) => d.counted !== null).length;

  return (
    <main className="page page--narrow count-sheet">
      <p>
        <Link to={paths.countSessions(eid)}>{t('count.backToList')}</Link>
      </p>
      <h1>{session.name}</h1>
      <p className="muted">
        {t('count.cutoff', { at: date(session.cutoffAt, true) })} ·{' '}
        {session.blind && open ? t('count.blind') : t('count.notBlind')} ·{' '}
        {t(open ? 'count.status.open' : 'count.status.closed')}
      </p>
      <p className="muted">{tn('count.progress', counted, { total: data.drinks.length })}</p>
      <ErrorBanner error={sheet.error} onRetry={reload} />
      {message && <Notice>{message}</Notice>}
      {open && (
        <fieldset className="count-locations">
          <legend>{t('count.location')}</legend>
          <div className="segmented">
            {data.locations.map((l) => (
              <label
                key={l}
                className={location === l ? 'segmented__item segmented__item--on' : 'segmented__item'}
              >
                <input
                  type="radio"
                  name="location"
                  value={l}
                  checked={location === l}
                  onChange={() => setLocation(l)}
                />
                {l}
              </label>
            ))}
          </div>
          <form
            className="form-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (newLocation.trim()) setLocation(newLocation.trim());
              setNewLocation('');
            }}
          >
            <input
              aria-label={t('count.otherLocation')}
              placeholder={t('count.otherLocation')}
              value={newLocation}
              maxLength={80}
              onChange={(e) => setNewLocation(e.target.value)}
            />
            <button type="submit" className="btn btn--small">
              {t('count.useLocation')}
            </button>
          </form>
        </fieldset>
      )}
      {open && !location && <p className="banner">{t('count.pickLocation')}</p>}
      {(location || !open) && (
        <>
          <div className="count-filters">
            <input
              type="search"
              aria-label={t('count.search')}
              placeholder={t('count.searchDrink')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            {open && (
              <label className="checkbox">
                <input type="checkbox" checked={allDrinks} onChange={(e) => setAllDrinks(e.target.checked)} />
                {t('count.allDrinks')}
              </label>
            )}
          </div>
          <ul className="count-list" aria-label={t('count.listLabel', { location: location || '—' })}>
            {shown.map((d) => (
              <CountRow
                key={`${d.id}/${location}`}
                eid={eid}
                sessionId={sessionId}
                drink={d}
                location={location}
                editable={open}
              />
            ))}
          </ul>
          {shown.length === 0 && <p className="empty">{t('count.none')}</p>}
          {open && <CountAddDrink eid={eid} sessionId={sessionId} location={location} onAdded={setMessage} />}
        </>
      )}
      <CountClose
        eid={eid}
        session={session}
        canManage={data.canManage}
        uncounted={data.drinks.length - counted}
      />
    </main>
  );
}
