import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths, sessionSummarySchema, type LoginRequest } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';
import { authKeys, sessionQuery } from './auth-queries';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) =>
      apiRequest(apiPaths.login, { method: 'POST', body: request, schema: sessionSummarySchema }),
    onSuccess: (session) => {
      // Whatever is cached belongs to whoever was here before (a lost session, another user).
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(sessionQuery().queryKey, session);
    },
  });
}
