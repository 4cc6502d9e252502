import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorNotice } from '../../../components/ui/error-notice';
import { PageHeader } from '../../../components/ui/page-header';
import { tasksQuery } from '../api/task-queries';
import { TaskList } from './task-list';

export interface TasksPageProps {
  serverHref: (id: string) => string;
  /** A task to point out, from a link (`/tasks?task=…`). */
  highlight?: string | undefined;
}

/** Every task of this session, full width: the drawer's list as a page. */
export function TasksPage({ serverHref, highlight }: TasksPageProps) {
  const tasks = useQuery(tasksQuery());
  const count = tasks.data?.length ?? 0;
  useEffect(() => {
    if (highlight) document.getElementById(`task-${highlight}`)?.scrollIntoView?.({ block: 'center' });
  }, [highlight, count]);

  return (
    <>
      <PageHeader title="Tasks" description="Actions you started in this session: running ones first, then the finished ones, newest first." />
      <div className="mt-6">
        {tasks.isPending ? (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Loading the tasks…
          </p>
        ) : tasks.isError ? (
          <ErrorNotice title="The tasks could not be loaded" error={tasks.error} onRetry={() => void tasks.refetch()} retrying={tasks.isFetching} />
        ) : count === 0 ? (
          <EmptyState title="No tasks yet">
            Reboots, resizes, snapshots and other actions you start show up here with their progress, and stay listed with their result once they
            finish.
          </EmptyState>
        ) : (
          <TaskList tasks={tasks.data} serverHref={serverHref} headingLevel={2} highlight={highlight} />
        )}
      </div>
    </>
  );
}
