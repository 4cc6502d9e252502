import { Link } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import type { Task } from '../../../domain/api';
import { TaskList } from './task-list';

export interface TasksDrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: HTMLElement | null;
  tasks: readonly Task[];
  serverHref: (id: string) => string;
  tasksHref: string;
}

/** The tasks as a side sheet over the page, from the header's "Tasks" button. */
export function TasksDrawer({ open, onOpenChange, returnFocusTo, tasks, serverHref, tasksHref }: TasksDrawerProps) {
  const close = () => onOpenChange(false);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      layout="sheet"
      returnFocusTo={returnFocusTo}
      title="Tasks"
      description="Actions you started in this session: running ones first, then the finished ones, newest first."
    >
      {tasks.length > 0 ? (
        <TaskList tasks={tasks} serverHref={serverHref} onNavigate={close} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No tasks yet. Reboots, resizes, snapshots and other actions you start show up here.</p>
      )}
      <p className="mt-6 text-sm">
        <Link to={tasksHref} onClick={close} className="font-semibold text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
          Open the tasks page
        </Link>
      </p>
    </Dialog>
  );
}
