import { queryOptions } from '@tanstack/react-query';
import { apiPaths, cloudsResponseSchema, sessionSummarySchema, type SessionSummary } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/errors';

/** The one query-key factory for auth data. */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  clouds: () => [...authKeys.all, 'clouds'] as const,
};

/** The signed-in session, or `null` when the BFF answers 401 (nobody is signed in). */
export const sessionQuery = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: async ({ signal }): Promise<SessionSummary | null> => {
      try {
        return await apiRequest(apiPaths.session, { schema: sessionSummarySchema, signal });
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    // Login, logout and a lost session write this entry themselves; no need to poll for it.
    staleTime: 5 * 60_000,
  });

export const cloudsQuery = () =>
  queryOptions({
    queryKey: authKeys.clouds(),
    queryFn: async ({ signal }) =>
      (await apiRequest(apiPaths.clouds, { schema: cloudsResponseSchema, signal })).clouds,
    staleTime: Infinity,
  });
