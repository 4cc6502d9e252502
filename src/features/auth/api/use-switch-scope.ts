import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths, type ScopeRequest, sessionSummarySchema } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';
import { authKeys, sessionQuery } from './auth-queries';

/**
 * Moves the session to another of the user's projects, another region of the cloud, or both. On
 * success every cached answer but auth's is dropped: lists and details of the project or region
 * left behind must not show in the new one.
 */
export function useSwitchScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: ScopeRequest) => apiRequest(apiPaths.scope, { method: 'POST', body: scope, schema: sessionSummarySchema }),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(sessionQuery().queryKey, session);
    },
  });
}
