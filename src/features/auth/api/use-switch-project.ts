import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths, sessionSummarySchema } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';
import { authKeys, sessionQuery } from './auth-queries';

/**
 * Moves the session to another of the user's projects (by name or id). On success every cached
 * answer but auth's is dropped: lists of the project left behind must not show in the new one.
 */
export function useSwitchProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (project: string) =>
      apiRequest(apiPaths.scope, { method: 'POST', body: { projectId: project }, schema: sessionSummarySchema }),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(sessionQuery().queryKey, session);
    },
  });
}
