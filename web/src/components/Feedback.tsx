import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from './errors.ts';

export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert">
      <span>{errorMessage(error, t, locale)}</span>
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner--success" role="status">
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}

/** A submit button that shows its progress and stays disabled while the action runs. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  className = 'btn btn--primary',
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  className?: string;
}) {
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending && <span className="spinner" aria-hidden="true" />}
      {pending ? pendingLabel : label}
    </button>
  );
}
