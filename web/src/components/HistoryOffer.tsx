import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

export const HISTORY_DAYS = 30;

/** First connection: the nightly import only owes the day before it, so the past month is offered here. */
export function HistoryOffer({ onImport }: { onImport: () => Promise<void> }) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      await onImport();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="history-offer" data-testid="history-offer">
      <p>{t('imp.history.lead', { n: HISTORY_DAYS })}</p>
      <button
        type="button"
        className="btn btn--primary"
        disabled={pending}
        aria-busy={pending}
        onClick={() => void run()}
      >
        {t('imp.history.button', { n: HISTORY_DAYS })}
      </button>
      <ErrorBanner error={error} />
    </div>
  );
}
