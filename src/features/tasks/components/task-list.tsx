import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { OneTimeSecret } from '../../../components/ui/one-time-secret';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';
import type { Task } from '../../../domain/api';
import { serverActions } from '../../../domain/compute';
import { cx } from '../../../lib/cx';
import { isApiError } from '../../../lib/errors';
import { formatDateTime, formatDuration } from '../../../lib/format';
import { messageFor } from '../../../lib/messages';
import { defaultSnapshotName, postServerAction, rememberedActionBody, type ActionRequestBody } from '../../../lib/server-actions';
import { useNow } from '../../../lib/use-now';

export interface TaskListProps {
  tasks: readonly Task[];
  serverHref: (id: string) => string;
  /** The level of each task's heading under the list's own. */
  headingLevel?: 2 | 3;
  /** A task to point out (the one a link came for). */
  highlight?: string | undefined;
  /** Called when a link in the list is followed (the drawer closes). */
  onNavigate?: () => void;
}

const stateLook: Record<Task['state'], { label: string; tone: StatusTone }> = {
  running: { label: 'Running', tone: 'progress' },
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** The tasks of this session, running first, each with its server, step, progress, time and result. */
export function TaskList({ tasks, serverHref, headingLevel = 3, highlight, onNavigate }: TaskListProps) {
  const now = useNow(1000, tasks.some((t) => t.state === 'running'));
  return (
    <ul className="grid gap-3">
      {tasks.map((task) => (
        <TaskItem key={task.id} task={task} now={now} serverHref={serverHref} headingLevel={headingLevel} highlighted={task.id === highlight} onNavigate={onNavigate} />
      ))}
    </ul>
  );
}

interface TaskItemProps {
  task: Task;
  now: number;
  serverHref: (id: string) => string;
  headingLevel: 2 | 3;
  highlighted: boolean;
  onNavigate?: (() => void) | undefined;
}

function TaskItem({ task, now, serverHref, headingLevel, highlighted, onNavigate }: TaskItemProps) {
  const titleId = useId();
  const look = stateLook[task.state];
  const label = serverActions[task.action].label;
  const started = Date.parse(task.startedAt);
  const ended = task.finishedAt ? Date.parse(task.finishedAt) : now;
  const elapsed = formatDuration(ended - started);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // The last step stays true (Nova goes on by itself), but it no longer moves until the service is back.
  const waiting = task.state === 'running' ? task.waiting : undefined;
  return (
    <li
      id={`task-${task.id}`}
      aria-labelledby={titleId}
      aria-current={highlighted || undefined}
      className={cx(
        'rounded-xl border bg-white p-4 dark:bg-slate-900',
        highlighted ? 'border-indigo-400 ring-2 ring-indigo-400/40 dark:border-indigo-500' : 'border-slate-200 dark:border-slate-800',
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading id={titleId} className="min-w-0 text-sm font-semibold break-words">
          {label} of{' '}
          <Link to={serverHref(task.serverId)} onClick={onNavigate} className="text-indigo-700 hover:underline dark:text-indigo-300">
            {task.serverName}
          </Link>
        </Heading>
        <StatusBadge tone={look.tone} busy={task.state === 'running'}>
          {look.label}
        </StatusBadge>
      </div>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{task.step}</p>
      {task.state === 'running' ? (
        // Present while the task runs, so that a wait appearing in it is announced.
        <p role="status" className="text-sm font-medium text-amber-900 empty:hidden dark:text-amber-100">
          {waiting?.message}
        </p>
      ) : null}
      <ProgressBar
        className="mt-2"
        value={task.progress}
        label={`Progress of the ${label.toLowerCase()} of ${task.serverName}`}
        valueText={`${Math.round(task.progress)} %, ${task.step}${waiting ? `. ${waiting.message}` : ''}`}
        tone={task.state === 'failed' ? 'danger' : task.state === 'succeeded' ? 'success' : 'progress'}
      />
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <div className="flex gap-1">
          <dt>{task.state === 'running' ? 'Running for' : 'Took'}</dt>
          <dd>{elapsed}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Started</dt>
          <dd>
            <time dateTime={task.startedAt}>{formatDateTime(task.startedAt)}</time>
          </dd>
        </div>
        {task.requestId ? (
          <div className="flex min-w-0 gap-1">
            <dt>Request ID</dt>
            <dd className="truncate font-mono">{task.requestId}</dd>
          </div>
        ) : null}
      </dl>
      {task.state === 'failed' ? <Failure task={task} serverHref={serverHref} onNavigate={onNavigate} /> : null}
    </li>
  );
}

/** What a retry sends when this tab did not start the task (it was started before a reload, or in another tab). */
function retryBody(task: Task): ActionRequestBody | undefined {
  if (task.action === 'snapshot') return { name: defaultSnapshotName(task.serverName) };
  // A resize needs its flavor and a rebuild its image: asked for again on the server's page.
  if (task.action === 'resize' || task.action === 'rebuild') return undefined;
  return {};
}

function Failure({ task, serverHref, onNavigate }: { task: Task; serverHref: (id: string) => string; onNavigate?: (() => void) | undefined }) {
  const client = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [started, setStarted] = useState<{ adminPass?: string | undefined }>();
  const body = rememberedActionBody(client, task.id) ?? retryBody(task);

  const retry = async () => {
    if (!body) return;
    setPending(true);
    setError(undefined);
    try {
      const response = await postServerAction(client, task.serverId, task.action, body);
      setStarted({ adminPass: response.adminPass });
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="mt-3 grid gap-2">
      <p className="text-sm text-red-800 dark:text-red-200">
        <span className="font-semibold">Why: </span>
        {task.message ?? 'Nova did not say.'}
      </p>
      {started ? (
        <>
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
            Started again: the new task is at the top of the list.
          </p>
          {started.adminPass ? <OneTimeSecret label="Rescue password" value={started.adminPass} /> : null}
        </>
      ) : body ? (
        <div>
          <Button size="sm" pending={pending} onClick={() => void retry()}>
            Try again
          </Button>
        </div>
      ) : (
        <p className="text-sm">
          <Link to={serverHref(task.serverId)} onClick={onNavigate} className="font-semibold text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
            Open {task.serverName} to try again
          </Link>
        </p>
      )}
      {error ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100">
          <p>{messageFor(error)}</p>
          {isApiError(error) && error.detail ? <p className="mt-1 text-xs">Nova: {error.detail}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
