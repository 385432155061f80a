import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBanner, Loading } from './Feedback.tsx';

type Props<T> = {
  query: UseQueryResult<T>;
  /** Shown while the first load runs. */
  loadingLabel?: string;
  children: (data: T) => ReactNode;
};

/**
 * One server load on screen: a spinner the first time, the error with a retry button when it failed, else
 * the data. A failed refetch keeps the data shown under the error.
 */
export function QueryState<T>({ query, loadingLabel, children }: Props<T>) {
  const retry = () => void query.refetch();
  if (query.isPending && query.fetchStatus !== 'idle') return <Loading label={loadingLabel} />;
  if (query.isError && query.data === undefined) return <ErrorBanner error={query.error} onRetry={retry} />;
  if (query.data === undefined) return null;
  return (
    <>
      {query.isError && <ErrorBanner error={query.error} onRetry={retry} />}
      {children(query.data)}
    </>
  );
}
