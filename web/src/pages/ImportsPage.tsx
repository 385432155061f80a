import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, isAbort } from '../api/client.ts';
import { importApi } from '../api/endpoints.ts';
import type { Establishment, ImportOverview, ImportRun } from '../../../src/http/contract.ts';
import { ErrorBanner, Loading, Notice, SubmitButton } from '../components/Feedback.tsx';
import { Field } from '../components/Field.tsx';
import { TillBanner } from '../components/TillBanner.tsx';
import { SalesFileImport } from '../components/SalesFileImport.tsx';
import { euros } from '../components/tillFormat.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { HISTORY_DAYS, HistoryOffer } from '../components/HistoryOffer.tsx';
import { advance, busy, loadProgress, saveProgress, startProgress, type Progress } from './importProgress.ts';

const POLL_MS = 1000;

/** Imports caisse: the nightly runs by business day, "Importer maintenant", "Réimporter", the quarantine. */
export function ImportsPage({ establishment }: { establishment: Establishment }) {
  const { t, date } = useI18n();
  const eid = establishment.id;
  const canManage = establishment.role === 'owner' || establishment.role === 'manager';
  const [overview, setOverview] = useState<ImportOverview | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  // A request made from Paramètres › Caisse (the history) goes on showing its progress here.
  const [progress, setProgress] = useState<Progress | null>(() => loadProgress(eid));
  const [requestError, setRequestError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<'now' | 'range' | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [attempt, setAttempt] = useState(0);
  const sequence = useRef(0);

  /** Reads the overview; an answer older than the last request sent is dropped. */
  const load = useCallback(
    (signal?: AbortSignal) => {
      const seq = ++sequence.current;
      return importApi
        .overview(eid, signal)
        .then((o) => {
          if (seq !== sequence.current) return undefined;
          setOverview(o);
          setProgress((p) => (p && !p.finished ? advance(p, o) : p));
          setError(null);
          return o;
        })
        .catch((err: unknown) => {
          if (!isAbort(err) && seq === sequence.current) setError(err);
          return undefined;
        });
    },
    [eid],
  );

  useEffect(() => saveProgress(eid, progress), [eid, progress]);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, attempt]);

  // While days are queued or running, or a request is not finished: read the overview every second.
  const running = busy(overview) || (progress !== null && !progress.finished);
  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(() => void load(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, overview, load]);

  const request = async (body: { from?: string; to?: string; lastDays?: number }, kind: 'now' | 'range') => {
    setRequestError(null);
    setFieldErrors({});
    setPending(kind);
    try {
      const before = (overview?.runs ?? []).map((r) => r.id);
      const { days } = await importApi.request(eid, body);
      setProgress(startProgress(days, before));
      await load();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setFieldErrors(err.fieldMap());
      else setRequestError(err);
    } finally {
      setPending(null);
    }
  };

  const reimport = (event: FormEvent) => {
    event.preventDefault();
    if (!from) {
      setFieldErrors({ from: t('auth.required') });
      return;
    }
    void request(to ? { from, to } : { from }, 'range');
  };

  const pendingDays = overview?.pending ?? [];
  const requested = progress?.days ?? [];
  const done = progress?.done ?? 0;

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('imp.title')}</h1>
      </div>
      <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />
      {!overview && !error && <Loading />}
      {overview && (
        <>
          <TillBanner eid={eid} connection={overview.connection} />
          {overview.connection && canManage && (
            <section className="card imports-actions" aria-label={t('imp.actions')}>
              <div className="imports-actions__now">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={pending !== null || running}
                  aria-busy={pending === 'now'}
                  onClick={() => void request({}, 'now')}
                >
                  {t('imp.now')}
                </button>
                <span className="muted">
                  {t('imp.lastClosedDay', { day: date(`${overview.lastClosedDay}T12:00:00`) })}
                </span>
              </div>
              <form className="form-row form-row--end" onSubmit={reimport} noValidate>
                <Field label={t('imp.from')} error={fieldErrors.from}>
                  {(p) => (
                    <input
                      {...p}
                      type="date"
                      name="from"
                      value={from}
                      max={overview.lastClosedDay}
                      onChange={(e) => setFrom(e.target.value)}
                    />
                  )}
                </Field>
                <Field label={t('imp.to')} error={fieldErrors.to} hint={t('imp.toHint')}>
                  {(p) => (
                    <input
                      {...p}
                      type="date"
                      name="to"
                      value={to}
                      max={overview.lastClosedDay}
                      onChange={(e) => setTo(e.target.value)}
                    />
                  )}
                </Field>
                <SubmitButton
                  pending={pending === 'range'}
                  label={t('imp.reimport')}
                  pendingLabel={t('imp.requesting')}
                  className="btn"
                />
              </form>
              <ErrorBanner error={requestError} />
              {overview.runs.length === 0 && !running && (
                <HistoryOffer onImport={() => request({ lastDays: HISTORY_DAYS }, 'range')} />
              )}
              {requested.length > 0 && (
                <div className="imports-progress" role="status" aria-live="polite">
                  <progress max={requested.length} value={done} />
                  <span>{t('imp.progress', { done, total: requested.length })}</span>
                </div>
              )}
              {requested.length === 0 && pendingDays.length > 0 && (
                <p className="muted" role="status">
                  {t('imp.queued', { n: pendingDays.length })}
                </p>
              )}
            </section>
          )}
          {overview.connection && !canManage && <p className="muted">{t('imp.managersOnly')}</p>}
          {!running && overview.runs.length > 0 && (
            <Notice>
              <Link to={paths.sync(eid)}>{t('imp.toSync')}</Link>
            </Notice>
          )}
          <section aria-labelledby="imp-runs">
            <h2 id="imp-runs">{t('imp.runs')}</h2>
            {overview.runs.length === 0 ? (
              <p className="empty">{t('imp.noRuns')}</p>
            ) : (
              <RunTable runs={overview.runs} />
            )}
          </section>
          <section aria-labelledby="imp-quarantine" className="quarantine">
            <h2 id="imp-quarantine">{t('imp.quarantine')}</h2>
            {overview.quarantine.length === 0 ? (
              <p className="muted">{t('imp.quarantineEmpty')}</p>
            ) : (
              <ul className="quarantine-list">
                {overview.quarantine.map((q) => (
                  <li key={q.id}>
                    <div>
                      <strong>{date(`${q.businessDay}T12:00:00`)}</strong>
                      <span className="muted">
                        {' · '}
                        {t('imp.ticket', { id: q.ticketId ?? '—' })} ·{' '}
                        {t('imp.line', { id: q.lineId ?? '—' })}
                      </span>
                    </div>
                    <p className="quarantine__reason">{q.reason}</p>
                    <details>
                      <summary>{t('imp.raw')}</summary>
                      <pre>{JSON.stringify(q.raw, null, 2)}</pre>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <SalesFileImport eid={eid} canManage={canManage} />
    </main>
  );
}

function RunTable({ runs }: { runs: ImportRun[] }) {
  const { t, num, money, date } = useI18n();
  const sorted = [...runs].sort(
    (a, b) => b.businessDay.localeCompare(a.businessDay) || b.startedAt.localeCompare(a.startedAt),
  );
  return (
    <table className="history-table runs-table">
      <thead>
        <tr>
          <th scope="col">{t('imp.col.day')}</th>
          <th scope="col">{t('imp.col.status')}</th>
          <th scope="col" className="num">
            {t('imp.col.tickets')}
          </th>
          <th scope="col" className="num">
            {t('imp.col.lines')}
          </th>
          <th scope="col" className="num">
            {t('imp.col.revenue')}
          </th>
          <th scope="col">{t('imp.col.details')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.id} className={`run run--${r.status}`}>
            <th scope="row">{date(`${r.businessDay}T12:00:00`)}</th>
            <td>
              <span className={`run-status run-status--${r.status}`}>{t(`imp.status.${r.status}`)}</span>
            </td>
            <td className="num" data-label={t('imp.col.tickets')}>
              {num(r.tickets)}
            </td>
            <td className="num" data-label={t('imp.col.lines')}>
              {num(r.lines)}
            </td>
            <td className="num" data-label={t('imp.col.revenue')}>
              {money(euros(r.revenueCents))}
            </td>
            <td className="run__details">
              <span>
                {t('imp.counts', {
                  linesNew: r.linesNew,
                  linesChanged: r.linesChanged,
                  linesRemoved: r.linesRemoved,
                })}
              </span>
              {(r.productsNew > 0 || r.productsChanged > 0) && (
                <span>
                  {t('imp.products', { productsNew: r.productsNew, productsChanged: r.productsChanged })}
                </span>
              )}
              {r.depleted > 0 && <span>{t('imp.depleted', { n: r.depleted })}</span>}
              {r.quarantined > 0 && (
                <span className="run__quarantined">{t('imp.quarantined', { n: r.quarantined })}</span>
              )}
              {r.durationMs !== null && (
                <span className="muted">{t('imp.duration', { s: num(r.durationMs / 1000, 1) })}</span>
              )}
              {r.errorMessage && <span className="run__error">{r.errorMessage}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
