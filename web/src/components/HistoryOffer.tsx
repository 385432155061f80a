import { useRequestImport } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

const HISTORY_DAYS = 30;

/** First connection: the nightly import only owes the day before it, so the past month is offered here. */
export function HistoryOffer({
  eid,
  tillId,
  onRequested,
}: {
  eid: string;
  tillId?: string | undefined;
  onRequested: (request: { days: string[]; before: string[] }) => void;
}) {
  const { t } = useI18n();
  const request = useRequestImport(eid);
  const pending = request.isPending;
  const run = () =>
    request.mutate({ lastDays: HISTORY_DAYS, ...(tillId ? { tillId } : {}) }, { onSuccess: onRequested });
  return (
    <div className="history-offer" data-testid="history-offer">
      <p>{t('imp.history.lead', { n: HISTORY_DAYS })}</p>
      <button type="button" className="btn btn--primary" disabled={pending} aria-busy={pending} onClick={run}>
        {t('imp.history.button', { n: HISTORY_DAYS })}
      </button>
      <ErrorBanner error={request.error} />
    </div>
  );
}
