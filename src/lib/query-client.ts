import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isRecoverable, isSessionLost, isTransient, type ApiError } from './errors';

export interface QueryClientOptions {
  /** Called when any query or mutation learns that the session is gone (401 from the BFF). */
  onSessionLost?: (error: ApiError) => void;
  /** Overrides, e.g. no retries in tests. */
  defaultOptions?: DefaultOptions;
}

const maxRetries = 2;

/** 4xx answers are final; only a transient failure (network, 5xx) is worth another try. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < maxRetries && isTransient(error);
}

/** The wait before the next try of a page's data after `failuresBefore` failed ones: 2 s, 4 s, 8 s, 16 s, then 30 s. */
export function recoveryDelayMs(failuresBefore: number): number {
  return Math.min(2000 * 2 ** failuresBefore, 30_000);
}

/**
 * Query options for what a page shows (a list, a detail): a failure that may pass is tried again
 * with backoff for as long as the page is open, so the page comes back by itself when its service
 * does. TanStack Query stops the tries of a query that nothing on screen observes any more, and
 * pauses them while the tab is hidden.
 */
export const recoverWhileShown = {
  retry: (_failureCount: number, error: Error) => isRecoverable(error),
  retryDelay: (failuresBefore: number) => recoveryDelayMs(failuresBefore),
};

export function createQueryClient({ onSessionLost, defaultOptions }: QueryClientOptions = {}): QueryClient {
  const handle = (error: unknown) => {
    if (onSessionLost && isSessionLost(error)) onSessionLost(error);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      ...defaultOptions,
      queries: {
        retry: shouldRetry,
        staleTime: 15_000,
        ...defaultOptions?.queries,
      },
      mutations: { retry: false, ...defaultOptions?.mutations },
    },
  });
}
