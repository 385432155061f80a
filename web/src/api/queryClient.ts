import { QueryClient } from '@tanstack/react-query';
import { ApiError, onWrite } from './client.ts';

/** A refusal (4xx) will answer the same again: only network and server failures are retried, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * A write made by a mutation hook (`write.ts`) reloads the areas it changed; a write still made by hand marks
 * all cached server state stale: what is on screen loads again, the rest on its next use.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  onWrite(() => {
    if (client.isMutating() === 0) void client.invalidateQueries();
  });
  return client;
}
