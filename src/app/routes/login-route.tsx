import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { cloudsQuery, LoginPage, sessionQuery } from '../../features/auth';
import { warmFormatters } from '../../lib/format';
import { whenIdle } from '../../lib/when-idle';
import { defaultAfterLogin, loginSearch, safeRedirectTarget } from '../paths';

export const loginLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const [session] = await Promise.all([
      // If the BFF cannot say, show the form: signing in gives the real answer.
      queryClient.ensureQueryData(sessionQuery()).catch(() => null),
      queryClient.prefetchQuery(cloudsQuery()),
    ]);
    if (session) throw redirect(afterLogin(new URL(request.url).searchParams));
    return null;
  };

export function LoginRoute({ onSigningIn }: { onSigningIn: (target: string) => void }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  // While the user types, so that the list's dates do not wait for the browser's locale data.
  useEffect(() => whenIdle(warmFormatters, { afterMs: 0 }), []);
  const notice =
    search.get(loginSearch.reason) === 'session_expired'
      ? 'Your session has ended. Sign in again to continue where you were.'
      : undefined;
  return (
    <LoginPage
      notice={notice}
      onSigningIn={() => onSigningIn(afterLogin(search))}
      onSignedIn={() => void navigate(afterLogin(search), { replace: true })}
    />
  );
}

function afterLogin(search: URLSearchParams): string {
  return safeRedirectTarget(search.get(loginSearch.next)) ?? defaultAfterLogin;
}
