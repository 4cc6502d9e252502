import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Outlet, redirect, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { AppShell, HeaderMenu, type NavItem } from '../../components/layout';
import { sessionQuery, useLogout } from '../../features/auth';
import { loginHref, paths } from '../paths';

const primaryNav: readonly NavItem[] = [
  { to: paths.servers, label: 'Servers' },
  { to: paths.networks, label: 'Networks' },
  { to: paths.tasks, label: 'Tasks' },
];

export const appLayoutLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQuery());
    if (!session) {
      const url = new URL(request.url);
      throw redirect(loginHref(`${url.pathname}${url.search}${url.hash}`));
    }
    return null;
  };

export function AppLayoutRoute() {
  const { data: session } = useQuery(sessionQuery());
  const logout = useLogout();
  const navigate = useNavigate();
  // Null only for the moment between losing the session and the redirect to the login page.
  if (!session) return null;
  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => void navigate(paths.login, { replace: true }) });
  return (
    <AppShell nav={primaryNav} account={<HeaderMenu session={session} onSignOut={signOut} />}>
      <Outlet />
    </AppShell>
  );
}
