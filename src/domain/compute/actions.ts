import { taskLabel, type VmState, vmStateWords } from './states';

/**
 * The one place that decides which server actions are possible, read from Nova's own checks
 * (nova/compute/api.py decorators; shared/docs/openstack-api.md §2.6):
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

export const actionIds = [
  'reboot',
  'hard-reboot',
  'stop',
  'start',
  'pause',
  'unpause',
  'suspend',
  'resume',
  'rescue',
  'unrescue',
  'resize',
  'confirm-resize',
  'revert-resize',
  'lock',
  'unlock',
  'snapshot',
  'rebuild',
] as const;
export type ActionId = (typeof actionIds)[number];

interface ActionRule {
  label: string;
  /** null: no state check at all (lock, unlock). */
  vmStates: readonly VmState[] | null;
  /** Allowed task states besides None (hard reboot's ALLOW_REBOOT). */
  extraTaskStates?: readonly string[];
  checksLock: boolean;
  needsHost: boolean;
  /** Disruptive or destructive: the SPA asks for confirmation. */
  confirm: boolean;
  /** When it makes sense only in one lock state (lock when unlocked, unlock when locked). */
  whenLocked?: boolean;
}

const hardRebootTaskStates = [
  'rebooting',
  'reboot_pending',
  'reboot_started',
  'rebooting_hard',
  'pausing',
  'unpausing',
  'suspending',
  'resuming',
] as const;

export const actionRules: Record<ActionId, ActionRule> = {
  reboot: { label: 'Reboot', vmStates: ['active'], checksLock: true, needsHost: false, confirm: false },
  'hard-reboot': {
    label: 'Hard reboot',
    vmStates: ['active', 'stopped', 'paused', 'suspended', 'error'],
    extraTaskStates: hardRebootTaskStates,
    checksLock: true,
    needsHost: false,
    confirm: true,
  },
  stop: { label: 'Stop', vmStates: ['active', 'error'], checksLock: true, needsHost: true, confirm: true },
  start: { label: 'Start', vmStates: ['stopped'], checksLock: true, needsHost: true, confirm: false },
  pause: { label: 'Pause', vmStates: ['active'], checksLock: true, needsHost: false, confirm: false },
  unpause: { label: 'Unpause', vmStates: ['paused'], checksLock: true, needsHost: false, confirm: false },
  suspend: { label: 'Suspend', vmStates: ['active'], checksLock: true, needsHost: false, confirm: false },
  resume: { label: 'Resume', vmStates: ['suspended'], checksLock: true, needsHost: false, confirm: false },
  rescue: { label: 'Rescue', vmStates: ['active', 'stopped', 'error'], checksLock: true, needsHost: false, confirm: true },
  unrescue: { label: 'Unrescue', vmStates: ['rescued'], checksLock: true, needsHost: false, confirm: false },
  resize: { label: 'Resize', vmStates: ['active', 'stopped'], checksLock: true, needsHost: true, confirm: true },
  'confirm-resize': { label: 'Confirm resize', vmStates: ['resized'], checksLock: true, needsHost: false, confirm: false },
  'revert-resize': { label: 'Revert resize', vmStates: ['resized'], checksLock: true, needsHost: false, confirm: true },
  lock: { label: 'Lock', vmStates: null, checksLock: false, needsHost: false, confirm: false, whenLocked: false },
  unlock: { label: 'Unlock', vmStates: null, checksLock: false, needsHost: false, confirm: false, whenLocked: true },
  snapshot: { label: 'Create snapshot', vmStates: ['active', 'stopped', 'paused', 'suspended'], checksLock: false, needsHost: false, confirm: false },
  rebuild: { label: 'Rebuild', vmStates: ['active', 'stopped', 'error'], checksLock: true, needsHost: false, confirm: true },
};

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
  const rule = actionRules[id];
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
      ? `Wait until the ${actionRules[busy.action].label.toLowerCase()} you started has finished.`
      : refusal(id, server, viewer);
    return reason ? { id, enabled: false, reason } : { id, enabled: true };
  });
}
