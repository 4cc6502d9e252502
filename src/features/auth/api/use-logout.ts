import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/errors';
import { sessionQuery } from './auth-queries';

/**
 * Signs out (`everywhere`: every session of this user, in every browser) and drops every cached answer, also when the call fails. Only a success (or a 401:
 * already signed out) records "no session"; after any other failure the login route asks the
 * BFF again, so a session that outlived a failed logout is not hidden from the user.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean = false) => apiRequest(everywhere ? apiPaths.logoutEverywhere : apiPaths.logout, { method: 'POST' }),
    onSettled: (_data, error) => {
      queryClient.clear();
      if (!error || (isApiError(error) && error.status === 401)) {
        queryClient.setQueryData(sessionQuery().queryKey, null);
      }
    },
  });
}
