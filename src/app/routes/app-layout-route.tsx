import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AppShell, HeaderMenu, type NavItem } from '../../components/layout';
import { ToastHost } from '../../components/ui/toast-host';
import { sessionQuery, useLogout, useSwitchProject } from '../../features/auth';
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
  const switchProject = useSwitchProject();
  const navigate = useNavigate();
  const location = useLocation();
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
          onSignOut={() => logout.mutate()}
          onSwitchProject={(projectId) =>
            switchProject.mutate(projectId, {
              onSuccess: () => void navigate(paths.servers),
              // The session stays in the project it was in: say so, in the message catalogue's words.
              onError: (error) => showToast({ tone: 'danger', title: 'Could not switch project', description: messageFor(error) }),
            })
          }
        />
      }
    >
      <Outlet />
      <ToastHost />
    </AppShell>
  );
}
