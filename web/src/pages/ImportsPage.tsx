import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useImportOverview, useRequestImport } from '../api/queries.ts';
import type { Establishment, ImportOverview, ImportRun } from '../../../src/http/contract.ts';
import { ErrorBanner, Notice, SubmitButton } from '../components/Feedback.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { Field } from '../components/Field.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { TillBanner, tillsInUse } from '../components/TillBanner.tsx';
import { SalesFileImport } from '../components/SalesFileImport.tsx';
import { euros } from '../components/tillFormat.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { HistoryOffer } from '../components/HistoryOffer.tsx';
import { TillSource } from '../components/TillSource.tsx';
import { advance, busy, loadProgress, saveProgress, startProgress, type Progress } from './importProgress.ts';

const POLL_MS = 1000;

/** Imports caisse: the nightly runs by business day, "Importer maintenant", "Réimporter", the quarantine. */
export function ImportsPage({ establishment }: { establishment: Establishment }) {
  const { t, date } = useI18n();
  const eid = establishment.id;
  const canManage = establishment.role === 'owner' || establishment.role === 'manager';
  // A request made from Paramètres › Caisse (the history) goes on showing its progress here.
  const [progress, setProgress] = useState<Progress | null>(() => loadProgress(eid));
  const requestImport = useRequestImport(eid);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [kind, setKind] = useState<'now' | 'range'>('now');
  const pending = requestImport.isPending ? kind : null;
  // A refusal with field errors shows beside the fields, not in the banner.
  const requestError =
    requestImport.error instanceof ApiError && requestImport.error.fields.length > 0
      ? null
      : requestImport.error;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const waiting = progress !== null && !progress.finished;
  // While days are queued or running, or a request is not finished: read the overview every second.
  const overviewQuery = useImportOverview(eid, (o) => (busy(o) || waiting ? POLL_MS : false));
  const overview = overviewQuery.data;
  const running = busy(overview) || waiting;
  // Only answers read since the page opened (or since the last request) move the progress on.
  const since = useRef(Date.now());
  const readAt = overviewQuery.dataUpdatedAt;

  useEffect(() => {
    if (!overview || readAt < since.current) return;
    setProgress((p) => (p && !p.finished ? advance(p, overview) : p));
    // Every answer counts, even one equal to the last (three idle answers end the wait): keyed by its time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readAt]);

  useEffect(() => saveProgress(eid, progress), [eid, progress]);

  // The write reloads the overview before it settles (write.ts); the polling then follows the progress.
  const started = ({ days, before }: { days: string[]; before: string[] }) => {
    since.current = Date.now();
    setProgress(startProgress(days, before));
  };
  const request = (body: { from?: string; to?: string }, asked: 'now' | 'range') => {
    setFieldErrors({});
    setKind(asked);
    requestImport.mutate(body, {
      onSuccess: started,
      onError: (err) => {
        if (err instanceof ApiError && err.fields.length > 0) setFieldErrors(err.fieldMap());
      },
    });
  };

  const reimport = (event: FormEvent) => {
    event.preventDefault();
    if (!from) {
      setFieldErrors({ from: t('auth.required') });
      return;
    }
    request(to ? { from, to } : { from }, 'range');
  };

  const pendingDays = overview?.pending ?? [];
  const requested = progress?.days ?? [];
  const done = progress?.done ?? 0;

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('imp.title')}</h1>
      </div>
      <QueryState query={overviewQuery}>
        {(overview) => (
          <>
            <TillBanner eid={eid} tills={tillsInUse(overview)} />
            {overview.tills.some((c) => c.archivedAt === null) && canManage && (
              <section className="card imports-actions" aria-label={t('imp.actions')}>
                <div className="imports-actions__now">
                  <button
                    type="button"
                    className="btn btn--primary"
                    disabled={pending !== null || running}
                    aria-busy={pending === 'now'}
                    onClick={() => request({}, 'now')}
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
                      <DateInput
                        {...p}
                        name="from"
                        value={from}
                        max={overview.lastClosedDay}
                        onChange={setFrom}
                      />
                    )}
                  </Field>
                  <Field label={t('imp.to')} error={fieldErrors.to} hint={t('imp.toHint')}>
                    {(p) => (
                      <DateInput {...p} name="to" value={to} max={overview.lastClosedDay} onChange={setTo} />
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
                {overview.runs.length === 0 && !running && <HistoryOffer eid={eid} onRequested={started} />}
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
            {overview.tills.some((c) => c.archivedAt === null) && !canManage && (
              <p className="muted">{t('imp.managersOnly')}</p>
            )}
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
                <RunTable runs={overview.runs} tills={overview.tills} />
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
                        <strong>{date(`${q.businessDay}T12:00:00`)}</strong>{' '}
                        <TillSource name={q.tillName} removed={q.tillRemoved} />
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
      </QueryState>
      <SalesFileImport eid={eid} canManage={canManage} />
    </main>
  );
}

function RunTable({ runs, tills }: { runs: ImportRun[]; tills: ImportOverview['tills'] }) {
  const { t, num, money, date } = useI18n();
  const tillOf = new Map(tills.map((c) => [c.id, c]));
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
            <th scope="row">
              {date(`${r.businessDay}T12:00:00`)}{' '}
              {tills.length > 1 && r.tillId && (
                <TillSource
                  name={tillOf.get(r.tillId)?.name}
                  removed={tillOf.get(r.tillId)?.archivedAt != null}
                />
              )}
            </th>
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
