import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isSessionLost, isTransient, type ApiError } from './errors';

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
