import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiPaths, taskListSchema, type Task } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';

/** The one query-key factory for tasks. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: () => [...taskKeys.all, 'list'] as const,
};

/**
 * This session's tasks, from `GET /api/tasks` (so they survive a reload and show in every tab),
 * kept current by the event stream and by the actions this tab starts (`upsertTask`), never by
 * polling. A fetch merges with what events brought meanwhile, so an event that overtook the
 * answer is not lost.
 */
export const tasksQuery = () =>
  queryOptions({
    queryKey: taskKeys.list(),
    queryFn: async ({ signal, client, queryKey }) => {
      const { items } = await apiRequest(apiPaths.tasks, { schema: taskListSchema, signal });
      return mergeTasks(client.getQueryData<Task[]>(queryKey) ?? [], items);
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Running first, then the finished ones; newest first in each, as the BFF lists them. */
export function orderTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || b.startedAt.localeCompare(a.startedAt));
}

/** Which of two copies of a task is further along: a task only moves forward. */
function newer(a: Task, b: Task): Task {
  if ((a.state === 'running') !== (b.state === 'running')) return a.state === 'running' ? b : a;
  return b.progress >= a.progress ? b : a;
}

export function mergeTasks(current: readonly Task[], incoming: readonly Task[]): Task[] {
  const byId = new Map(current.map((t) => [t.id, t]));
  for (const task of incoming) {
    const seen = byId.get(task.id);
    byId.set(task.id, seen ? newer(seen, task) : task);
  }
  return orderTasks([...byId.values()]);
}

/** Takes in one task from an event or an action's 202; returns the copy it replaced, if any. */
export function upsertTask(client: QueryClient, task: Task): Task | undefined {
  const previous = client.getQueryData<Task[]>(taskKeys.list())?.find((t) => t.id === task.id);
  client.setQueryData<Task[]>(taskKeys.list(), (tasks) => mergeTasks(tasks ?? [], [task]));
  return previous;
}
