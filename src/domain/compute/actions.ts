import { type ActionId, actionDefinition, actionIds } from './server-actions';
import { taskLabel, type VmState, vmStateWords } from './states';

/**
 * The one place that decides which server actions are possible, from each action's definition
 * (server-actions.ts), as Nova's own checks do (nova/compute/api.py decorators;
 * shared/docs/openstack-api.md §2.6):
 *
 * - `check_instance_lock` runs first: a locked server refuses the action unless the caller is
 *   admin. createImage, lock and unlock do not check the lock.
 * - `check_instance_state`: vm_state must be listed; task_state must be None unless the action
 *   lists more (hard reboot); `launched_at` must be set.
 * - `check_instance_host`: start, stop and resize need a host.
 *
 * The simulator reads §2.6 on its own (src/simulator/core/compute/actions); tests hold the two
 * against each other.
 */

/** What the rules read from a server: the fields Nova's checks read, as Nova's API shows them. */
export interface ServerFacts {
  vmState: string;
  taskState: string | null;
  locked: boolean;
  /** `OS-SRV-USG:launched_at` is set. */
  launched: boolean;
  /** The server has a host: `hostId` is not empty (non-admins), or `OS-EXT-SRV-ATTR:host` is set. */
  hasHost: boolean;
}

export type NovaPolicy = 'new-defaults' | 'legacy';

export interface Viewer {
  /** Admins skip the lock check, as Nova's `context.is_admin` does. */
  isAdmin: boolean;
  /** Only read-only roles: every action is disabled on clouds with Nova's new default policies. */
  readOnly: boolean;
  policy: NovaPolicy;
}

export interface ActionAvailability {
  id: ActionId;
  enabled: boolean;
  /** Why not, in words, when disabled. */
  reason?: string;
}

/** The reason Nova would refuse the action, or undefined when it would accept it. */
export function refusal(id: ActionId, server: ServerFacts, viewer: Viewer): string | undefined {
  const rule = actionDefinition(id);
  if (viewer.readOnly && viewer.policy === 'new-defaults') {
    return 'Your role in this project is read-only.';
  }
  if (rule.whenLocked !== undefined && rule.whenLocked !== server.locked) {
    return server.locked ? 'The server is already locked.' : 'The server is not locked.';
  }
  if (rule.checksLock && server.locked && !viewer.isAdmin) {
    return 'The server is locked: unlock it first.';
  }
  if (!rule.vmStates) return undefined;
  if (!rule.vmStates.includes(server.vmState as VmState)) {
    return `${rule.label} is not possible while the server is ${vmStateWords[server.vmState as VmState] ?? server.vmState}.`;
  }
  if (server.taskState !== null && !rule.extraTaskStates?.includes(server.taskState)) {
    const task = taskLabel(server.taskState);
    return `${rule.label} is not possible while the server is ${task.action.toLowerCase()}${task.step ? ` (${task.step})` : ''}.`;
  }
  if (!server.launched) return `${rule.label} is not possible: the server has never started.`;
  if (rule.needsHost && !server.hasHost) return `${rule.label} is not possible: the server has no compute host.`;
  return undefined;
}

/** Every action with whether it is enabled and, if not, why. `busy` is a task of this session on it. */
export function availableActions(server: ServerFacts, viewer: Viewer, busy?: { action: ActionId }): ActionAvailability[] {
  return actionIds.map((id) => {
    const reason = busy
      ? busyReason(busy.action)
      : refusal(id, server, viewer);
    return reason ? { id, enabled: false, reason } : { id, enabled: true };
  });
}

/** Why a server is not open to another action while a task of this session runs on it. */
export function busyReason(action: ActionId): string {
  return `Wait until the ${actionDefinition(action).label.toLowerCase()} you started has finished.`;
}
