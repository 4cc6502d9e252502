import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AppShell, HeaderMenu, type NavItem } from '../../components/layout';
import { ToastHost } from '../../components/ui/toast-host';
import type { ScopeRequest } from '../../domain/api';
import { sessionQuery, useLogout, useSwitchScope } from '../../features/auth';
import { connectServerEvents } from '../../features/servers/cache';
import { TaskCenter } from '../../features/tasks';
import { messageFor } from '../../lib/messages';
import { showToast } from '../../lib/toasts';
import { loginHref, paths } from '../paths';

const primaryNav: readonly NavItem[] = [
  { to: paths.servers, label: 'Servers' },
  { to: paths.networks, label: 'Networks' },
  { to: paths.tasks, label: 'Tasks' },
];

export function AppLayoutRoute() {
  const { data: session } = useQuery(sessionQuery());
  const queryClient = useQueryClient();
  // Task events (from the tasks feature's stream, and from actions) update the servers' caches.
  useEffect(() => connectServerEvents(queryClient), [queryClient]);
  const logout = useLogout();
  const switchScope = useSwitchScope();
  const navigate = useNavigate();
  const location = useLocation();
  const switchTo = (scope: ScopeRequest, failure: string) =>
    switchScope.mutate(scope, {
      onSuccess: () => void navigate(paths.servers),
      // The session stays where it was: say so, in the message catalogue's words.
      onError: (error) => showToast({ tone: 'danger', title: failure, description: messageFor(error) }),
    });
  if (!session) {
    // Signed out on purpose, or the session ended under us (then come back here afterwards).
    const to = logout.isIdle
      ? loginHref(`${location.pathname}${location.search}${location.hash}`, 'session_expired')
      : paths.login;
    return <Navigate to={to} replace />;
  }
  return (
    <AppShell
      nav={primaryNav}
      tools={<TaskCenter serverHref={paths.server} tasksHref={paths.tasks} />}
      account={
        <HeaderMenu
          session={session}
          onSignOut={() => logout.mutate(false)}
          onSignOutEverywhere={() => logout.mutate(true)}
          onSwitchProject={(projectId) => switchTo({ projectId }, 'Could not switch project')}
          onSwitchRegion={(region) => switchTo({ region }, 'Could not switch region')}
        />
      }
    >
      <Outlet />
      <ToastHost />
    </AppShell>
  );
}
