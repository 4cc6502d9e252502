import type { ServerStatus, ServerSummary } from '../../../domain/api';
import { taskLabel } from '../../../domain/compute';
import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';
import { Tooltip } from '../../../components/ui/tooltip';

/** Nova's statuses in words, and the family (colour) each belongs to. */
export const statusLook: Record<ServerStatus, { label: string; tone: StatusTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  BUILD: { label: 'Building', tone: 'progress' },
  REBOOT: { label: 'Rebooting', tone: 'progress' },
  HARD_REBOOT: { label: 'Hard rebooting', tone: 'progress' },
  PASSWORD: { label: 'Setting password', tone: 'progress' },
  REBUILD: { label: 'Rebuilding', tone: 'progress' },
  MIGRATING: { label: 'Migrating', tone: 'progress' },
  RESIZE: { label: 'Resizing', tone: 'progress' },
  VERIFY_RESIZE: { label: 'Needs confirmation', tone: 'attention' },
  REVERT_RESIZE: { label: 'Reverting resize', tone: 'progress' },
  SHUTOFF: { label: 'Shut off', tone: 'neutral' },
  PAUSED: { label: 'Paused', tone: 'neutral' },
  SUSPENDED: { label: 'Suspended', tone: 'neutral' },
  RESCUE: { label: 'Rescue mode', tone: 'attention' },
  ERROR: { label: 'Error', tone: 'danger' },
  DELETED: { label: 'Deleted', tone: 'neutral' },
  SOFT_DELETED: { label: 'Soft-deleted', tone: 'neutral' },
  SHELVED: { label: 'Shelved', tone: 'neutral' },
  SHELVED_OFFLOADED: { label: 'Shelved (offloaded)', tone: 'neutral' },
  UNKNOWN: { label: 'Unknown', tone: 'neutral' },
};

export function statusWords(status: string): { label: string; tone: StatusTone } {
  return (statusLook as Record<string, { label: string; tone: StatusTone } | undefined>)[status] ?? { label: status, tone: 'neutral' };
}

/** "Resizing · migrating" for a task in flight. */
export function taskWords(taskState: string): string {
  const { action, step } = taskLabel(taskState);
  return step ? `${action} · ${step}` : action;
}

type StatusFacts = Pick<ServerSummary, 'status' | 'taskState' | 'locked' | 'lockedReason'>;

/** The status badge: the task in progress while there is one, else the status; a lock beside it. */
export function ServerStatusBadge({ server }: { server: StatusFacts }) {
  const look = statusWords(server.status);
  return (
    <span className="inline-flex max-w-full items-center gap-1.5" title={server.taskState ? `Status: ${look.label}` : undefined}>
      {server.taskState ? (
        <StatusBadge tone="progress" busy>
          {taskWords(server.taskState)}
        </StatusBadge>
      ) : (
        <StatusBadge tone={look.tone}>{look.label}</StatusBadge>
      )}
      {server.locked ? <LockMark reason={server.lockedReason} /> : null}
    </span>
  );
}

export function LockMark({ reason }: { reason: string | null }) {
  const words = reason ? `Locked: ${reason}` : 'Locked';
  return (
    <Tooltip content={words}>
      <span role="img" aria-label={words} className="inline-flex shrink-0 text-amber-700 dark:text-amber-300">
        <LockIcon />
      </span>
    </Tooltip>
  );
}

export function LockIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={className}>
      <path
        fill="currentColor"
        fillRule="evenodd"
        d="M10 2a4 4 0 0 0-4 4v2H5.5A1.5 1.5 0 0 0 4 9.5v7A1.5 1.5 0 0 0 5.5 18h9a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 14.5 8H14V6a4 4 0 0 0-4-4zm2.5 6V6a2.5 2.5 0 0 0-5 0v2z"
        clipRule="evenodd"
      />
    </svg>
  );
}
