import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** A refusal (4xx) will answer the same again: only network and server failures are retried, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

/** Writes are mutation hooks that reload the areas they changed (`write.ts`): nothing is invalidated here. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
