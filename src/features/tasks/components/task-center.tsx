import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Task } from '../../../domain/api';
import { appEvents } from '../../../lib/app-events';
import { showToast } from '../../../lib/toasts';
import { taskKeys, tasksQuery, upsertTask } from '../api/task-queries';
import { openTaskEventSource } from '../stream/event-source';
import { createTaskStreamHub, type LocksLike } from '../stream/task-stream-hub';
import { TasksButton } from './tasks-button';
import { taskTitle } from './task-words';

const TasksDrawer = lazy(async () => ({ default: (await import('./tasks-drawer')).TasksDrawer }));

export interface TaskCenterProps {
  serverHref: (id: string) => string;
  /** The tasks page. */
  tasksHref: string;
}

export interface LoadedTaskCenterProps extends TaskCenterProps {
  /** The button was pressed before this loaded: open the drawer at once. */
  initiallyOpen?: boolean;
}

/**
 * The header's "Tasks" button (with the number running) and what keeps the tasks current while
 * the user is signed in: the task list, the one event stream this browser shares between its tabs,
 * and a toast when a task ends. Each event goes on the app's event bus, where the servers' caches
 * take the server's new row.
 */
export function LoadedTaskCenter({ serverHref, tasksHref, initiallyOpen = false }: LoadedTaskCenterProps) {
  const client = useQueryClient();
  const tasks = useQuery(tasksQuery());
  const running = tasks.data?.filter((t) => t.state === 'running').length ?? 0;
  const [open, setOpen] = useState(initiallyOpen);
  const [loaded, setLoaded] = useState(initiallyOpen);
  // Where focus goes back when the drawer closes (also when it opened as this loaded).
  const [trigger, setTrigger] = useState<HTMLButtonElement | null>(null);

  useEffect(() => {
    const bus = appEvents(client);
    const offTask = bus.on('task', ({ task }) => {
      const previous = upsertTask(client, task);
      if (task.state !== 'running' && previous?.state !== task.state) announceEnd(task, serverHref);
    });
    const hub = createTaskStreamHub({
      openStream: openTaskEventSource,
      onEvent: (event) => bus.emit('task', event),
      // (Re)connected: events may have been missed, so the list is read again.
      onOpen: () => void client.invalidateQueries({ queryKey: taskKeys.list() }),
      createChannel: typeof BroadcastChannel === 'undefined' ? undefined : (name) => new BroadcastChannel(name),
      locks: (navigator as Navigator & { locks?: LocksLike }).locks,
    });
    return () => {
      hub.close();
      offTask();
    };
  }, [client, serverHref]);

  return (
    <>
      <TasksButton
        ref={setTrigger}
        running={running}
        expanded={open}
        onOpen={() => {
          setLoaded(true);
          setOpen(true);
        }}
      />
      {loaded ? (
        <Suspense fallback={null}>
          <TasksDrawer open={open} onOpenChange={setOpen} returnFocusTo={trigger} tasks={tasks.data ?? []} serverHref={serverHref} tasksHref={tasksHref} />
        </Suspense>
      ) : null}
    </>
  );
}

function announceEnd(task: Task, serverHref: (id: string) => string): void {
  const succeeded = task.state === 'succeeded';
  showToast({
    tone: succeeded ? 'success' : 'danger',
    title: `${taskTitle(task)} ${succeeded ? 'finished' : 'failed'}`,
    description: succeeded ? task.step : (task.message ?? 'Nova did not say why.'),
    link: { href: serverHref(task.serverId), label: `Open ${task.serverName}` },
  });
}
