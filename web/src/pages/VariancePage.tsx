import { useState } from 'react';
import { useVariance, useVarianceHistory, useVarianceReasons } from '../api/countQueries.ts';
import { varianceApi } from '../api/counts.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { ErrorBanner, Notice } from '../components/Feedback.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { VarianceReasons } from '../components/VarianceReasons.tsx';
import { VarianceHistoryTable, VarianceSummary } from '../components/VarianceSummary.tsx';
import { VarianceTable } from '../components/VarianceTable.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';

/** Écarts of a closed inventaire: what the ledger expected against what was counted, and why. */
export function VariancePage({
  establishment,
  sessionId,
}: {
  establishment: Establishment;
  sessionId: string;
}) {
  const { t, tn, date, money } = useI18n();
  const eid = establishment.id;
  const report = useVariance(eid, sessionId);
  const reasons = useVarianceReasons(eid);
  const history = useVarianceHistory(eid);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <main className="page variance-page">
      <p>
        <Link to={paths.countSheet(eid, sessionId)}>{t('var.backToSession')}</Link>
      </p>
      <h1>{t('var.title')}</h1>
      <ErrorBanner error={reasons.error} onRetry={() => void reasons.refetch()} />
      <QueryState query={report}>
        {(r) => (
          <>
            <p className="muted">
              {r.session.name} ·{' '}
              {t('var.period', { from: date(r.periodFrom, true), to: date(r.session.cutoffAt, true) })}
            </p>
            <p className="variance-headline">
              {t('var.headline', {
                cost: money(r.totals.differenceCost),
                sale: money(r.totals.differenceSale),
              })}
            </p>
            {r.missingReasons > 0 && (
              <p className="banner banner--warn" role="status">
                {tn('var.missingReasons', r.missingReasons, { threshold: money(r.session.reasonThreshold) })}
              </p>
            )}
            <div className="export-links">
              <a className="btn btn--small" href={varianceApi.exportUrl(eid, sessionId, 'pdf')} download>
                {t('var.exportPdf')}
              </a>
              <a className="btn btn--small" href={varianceApi.exportUrl(eid, sessionId, 'xlsx')} download>
                {t('var.exportXlsx')}
              </a>
              <a className="btn btn--small" href={varianceApi.exportUrl(eid, sessionId, 'csv')} download>
                {t('var.exportCsv')}
              </a>
            </div>
            {message && <Notice>{message}</Notice>}
            <VarianceTable
              eid={eid}
              sessionId={sessionId}
              rows={r.rows}
              reasons={reasons.data?.items ?? []}
              onJustified={setMessage}
            />
            <VarianceReasons eid={eid} reasons={reasons.data?.items ?? []} />
            <VarianceSummary report={r} />
            <ErrorBanner error={history.error} onRetry={() => void history.refetch()} />
            {history.data && <VarianceHistoryTable history={history.data} />}
          </>
        )}
      </QueryState>
    </main>
  );
}
