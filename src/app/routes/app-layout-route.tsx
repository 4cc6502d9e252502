import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppShell, HeaderMenu, type NavItem } from '../../components/layout';
import { sessionQuery, useLogout } from '../../features/auth';
import { loginHref, paths } from '../paths';

const primaryNav: readonly NavItem[] = [
  { to: paths.servers, label: 'Servers' },
  { to: paths.networks, label: 'Networks' },
  { to: paths.tasks, label: 'Tasks' },
];

export function AppLayoutRoute() {
  const { data: session } = useQuery(sessionQuery());
  const logout = useLogout();
  const location = useLocation();
  if (!session) {
    // Signed out on purpose, or the session ended under us (then come back here afterwards).
    const to = logout.isIdle
      ? loginHref(`${location.pathname}${location.search}${location.hash}`, 'session_expired')
      : paths.login;
    return <Navigate to={to} replace />;
  }
  return (
    <AppShell nav={primaryNav} account={<HeaderMenu session={session} onSignOut={() => logout.mutate()} />}>
      <Outlet />
    </AppShell>
  );
}
