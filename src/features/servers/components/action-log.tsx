import type { InstanceAction } from '../../../domain/api';
import { CopyButton } from '../../../components/ui/copy-button';
import { Disclosure } from '../../../components/ui/disclosure';
import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';

type InstanceEvent = NonNullable<InstanceAction['events']>[number];

/** Nova's action names in words: `confirmResize` → "Confirm resize", `live-migration` → "Live migration". */
export function actionWords(action: string): string {
  const words = action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What became of an action, from its events (Nova sets `message` to "Error" when one failed). */
export function actionResult(action: InstanceAction): { label: string; tone: StatusTone } {
  const events = action.events ?? [];
  if (action.message === 'Error' || events.some((e) => e.result === 'Error')) return { label: 'Failed', tone: 'danger' };
  if (events.some((e) => e.finishTime === null)) return { label: 'In progress', tone: 'progress' };
  if (events.length > 0) return { label: 'Succeeded', tone: 'success' };
  return { label: action.message ?? 'Result not shown', tone: 'neutral' };
}

/** The action log as a timeline, newest first; each action's events open on demand. */
export function ActionLog({ actions }: { actions: InstanceAction[] | null }) {
  if (actions === null) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This cloud does not show the action log to your role.
      </p>
    );
  }
  if (actions.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No actions are recorded for this server.</p>;
  }
  const newestFirst = [...actions].sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime));
  return (
    <ol className="relative ml-2 border-l border-slate-200 dark:border-slate-700">
      {newestFirst.map((action) => (
        <ActionEntry key={action.requestId} action={action} />
      ))}
    </ol>
  );
}

function ActionEntry({ action }: { action: InstanceAction }) {
  const result = actionResult(action);
  const name = actionWords(action.action);
  return (
    <li className="relative pb-6 pl-6 last:pb-0">
      <span aria-hidden="true" className="absolute top-1.5 -left-[5px] size-2.5 rounded-full bg-slate-300 ring-4 ring-white dark:bg-slate-600 dark:ring-slate-950" />
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">{name}</h3>
        <StatusBadge tone={result.tone}>{result.label}</StatusBadge>
        <time dateTime={action.startTime} title={formatDateTime(action.startTime)} className="text-sm text-slate-600 dark:text-slate-400">
          {formatRelativeTime(action.startTime)}
        </time>
      </div>
      <dl className="mt-1 grid gap-x-6 gap-y-0.5 text-xs text-slate-600 sm:grid-cols-[auto_1fr] dark:text-slate-400">
        <dt>Started</dt>
        <dd>{formatDateTime(action.startTime)}</dd>
        <dt>By user</dt>
        <dd className="font-mono break-all">{action.userId ?? 'Unknown'}</dd>
        <dt>Request ID</dt>
        <dd className="flex items-center gap-1">
          <code className="font-mono break-all select-all">{action.requestId}</code>
          <CopyButton value={action.requestId} label={`Copy the request ID of ${name}`} />
        </dd>
      </dl>
      {action.events && action.events.length > 0 ? (
        <Disclosure className="mt-2" summary={`Events of ${name.toLowerCase()} (${action.events.length})`}>
          <ul className="grid gap-2">
            {action.events.map((event, i) => (
              <EventItem key={`${event.event}-${i}`} event={event} />
            ))}
          </ul>
        </Disclosure>
      ) : null}
    </li>
  );
}

function EventItem({ event }: { event: InstanceEvent }) {
  const tone: StatusTone = event.result === 'Error' ? 'danger' : event.result === 'Success' ? 'success' : event.finishTime === null ? 'progress' : 'neutral';
  const label = event.result ?? (event.finishTime === null ? 'Running' : 'No result');
  return (
    <li className="rounded-lg border border-slate-200 p-3 text-xs dark:border-slate-700">
      <div className="flex flex-wrap items-center gap-2">
        <code className="font-mono text-sm break-all">{event.event}</code>
        <StatusBadge tone={tone}>{label}</StatusBadge>
      </div>
      <dl className="mt-1 grid gap-x-6 gap-y-0.5 text-slate-600 sm:grid-cols-[auto_1fr] dark:text-slate-400">
        <dt>Started</dt>
        <dd>{event.startTime ? formatDateTime(event.startTime) : 'Not started'}</dd>
        <dt>Finished</dt>
        <dd>{event.finishTime ? formatDateTime(event.finishTime) : 'Not yet'}</dd>
        {event.host ? (
          <>
            <dt>Host</dt>
            <dd className="font-mono">{event.host}</dd>
          </>
        ) : null}
        {event.details ? (
          <>
            <dt>Details</dt>
            <dd>{event.details}</dd>
          </>
        ) : null}
      </dl>
      {event.traceback ? (
        <pre tabIndex={0} role="region" aria-label={`Traceback of ${event.event}`} className="mt-2 max-h-60 overflow-auto rounded bg-slate-950 p-3 font-mono text-[0.7rem] leading-5 text-slate-100">
          {event.traceback}
        </pre>
      ) : null}
    </li>
  );
}
