import type { Server, VmState } from '../../core/compute/model';

/** The task state that has no entry of its own in Nova's `_STATE_MAP`. */
const DEFAULT = 'default';

const resizing = ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'];
const rebuilding = ['rebuilding', 'rebuild_block_device_mapping', 'rebuild_spawning'];
const each = (tasks: string[], status: string): Record<string, string> => Object.fromEntries(tasks.map((task) => [task, status]));

/**
 * nova/api/openstack/common.py::_STATE_MAP, as data: per vm_state, the status of each task_state
 * that changes it, and the `default` for every other. It is read both ways: a server's status, and
 * the (vm_state, task_state) sets a `status` filter stands for.
 */
export const STATE_MAP: Record<VmState, Record<string, string>> = {
  active: {
    [DEFAULT]: 'ACTIVE',
    ...each(['rebooting', 'reboot_pending', 'reboot_started'], 'REBOOT'),
    ...each(['rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'], 'HARD_REBOOT'),
    updating_password: 'PASSWORD',
    ...each(rebuilding, 'REBUILD'),
    migrating: 'MIGRATING',
    ...each(resizing, 'RESIZE'),
  },
  building: { [DEFAULT]: 'BUILD' },
  stopped: { [DEFAULT]: 'SHUTOFF', ...each(resizing, 'RESIZE'), ...each(rebuilding, 'REBUILD') },
  // resize_confirming has no entry: Nova leaves the status at VERIFY_RESIZE while it confirms.
  resized: { [DEFAULT]: 'VERIFY_RESIZE', resize_reverting: 'REVERT_RESIZE' },
  paused: { [DEFAULT]: 'PAUSED', migrating: 'MIGRATING' },
  suspended: { [DEFAULT]: 'SUSPENDED' },
  rescued: { [DEFAULT]: 'RESCUE' },
  error: { [DEFAULT]: 'ERROR', ...each(rebuilding, 'REBUILD') },
  deleted: { [DEFAULT]: 'DELETED' },
  'soft-delete': { [DEFAULT]: 'SOFT_DELETED' },
  shelved: { [DEFAULT]: 'SHELVED' },
  shelved_offloaded: { [DEFAULT]: 'SHELVED_OFFLOADED' },
};

/** `common.status_from_state`; UNKNOWN for a vm_state Nova does not know. */
export function statusFromState(vmState: string, taskState: string | null): string {
  const tasks = (STATE_MAP as Record<string, Record<string, string> | undefined>)[vmState];
  if (!tasks) return 'UNKNOWN';
  return (taskState !== null ? tasks[taskState] : undefined) ?? (tasks[DEFAULT] as string);
}

export interface StateSets {
  vmStates: Set<string>;
  /** null when some status matched a vm_state's default: then any task_state goes, as in Nova. */
  taskStates: Set<string> | null;
}

/**
 * `common.task_and_vm_state_from_status`, case-insensitive. Note the quirk it implies: `ACTIVE`
 * matches every active server, rebooting ones too, because its task side is the default.
 */
export function statesFromStatuses(statuses: string[]): StateSets | undefined {
  const wanted = new Set(statuses.map((s) => s.toLowerCase()));
  const vmStates = new Set<string>();
  const taskStates = new Set<string>();
  for (const [vmState, tasks] of Object.entries(STATE_MAP)) {
    for (const [taskState, status] of Object.entries(tasks)) {
      if (!wanted.has(status.toLowerCase())) continue;
      vmStates.add(vmState);
      taskStates.add(taskState);
    }
  }
  if (vmStates.size === 0) return undefined;
  return { vmStates, taskStates: taskStates.has(DEFAULT) ? null : taskStates };
}

/**
 * Nova's `deleted` column. The store keeps deleted servers (changes-since lists them); `deletedAt`
 * is that column. A server whose vm_state is already `deleted` but whose row is not yet destroyed
 * is still found, as DELETED, as Nova finds it.
 */
export function isDeleted(server: Pick<Server, 'deletedAt'>): boolean {
  return server.deletedAt !== null;
}

/** A server's `status`: DELETED whatever its states once deleted (views/servers.py::_get_vm_status). */
export function serverStatus(server: Server): string {
  return isDeleted(server) ? 'DELETED' : statusFromState(server.vmState, server.taskState);
}
