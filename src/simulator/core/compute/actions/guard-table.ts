/**
 * Which decorators guard which action, transcribed from nova/compute/api.py (openstack-api.md
 * §2.6), with the policy the API controller checks before calling it (nova/policies, new
 * defaults: `project_member_or_admin` for every action here).
 */
import type { Server, VmState } from '../model';
import { ComputeError } from './errors';
import { checkInstanceHost, checkInstanceLock, checkInstanceState, conflictMessage, firstRefusal, type Guard, type GuardedServer } from './guards';

/** nova/compute/vm_states.py */
const ALLOW_SOFT_REBOOT: VmState[] = ['active'];
const ALLOW_HARD_REBOOT: VmState[] = [...ALLOW_SOFT_REBOOT, 'stopped', 'paused', 'suspended', 'error'];
/** nova/compute/task_states.py: the tasks a hard reboot may cut short. */
const ALLOW_REBOOT = [null, 'rebooting', 'reboot_pending', 'reboot_started', 'resuming', 'rebooting_hard', 'unpausing', 'pausing', 'suspending'];

export interface ActionGuard {
  /** The name the controller passes when it turns InstanceInvalidState into a 409. */
  conflictName: string;
  /** The policy rule checked before the compute API runs, so its 403 comes before any 409. */
  policy: string;
  /** Outermost first, as the decorators are stacked. */
  guards: readonly Guard[];
}

export const actionGuards = {
  // reboot() carries the lock; _soft_reboot/_hard_reboot carry the state check.
  rebootSoft: { conflictName: 'reboot', policy: 'os_compute_api:servers:reboot', guards: [checkInstanceLock, checkInstanceState({ vmState: ALLOW_SOFT_REBOOT, taskState: [null] })] },
  rebootHard: { conflictName: 'reboot', policy: 'os_compute_api:servers:reboot', guards: [checkInstanceLock, checkInstanceState({ vmState: ALLOW_HARD_REBOOT, taskState: ALLOW_REBOOT })] },
  // start and stop check the host before the state; resize checks it after.
  stop: { conflictName: 'stop', policy: 'os_compute_api:servers:stop', guards: [checkInstanceLock, checkInstanceHost, checkInstanceState({ vmState: ['active', 'error'] })] },
  start: { conflictName: 'start', policy: 'os_compute_api:servers:start', guards: [checkInstanceLock, checkInstanceHost, checkInstanceState({ vmState: ['stopped'] })] },
  pause: { conflictName: 'pause', policy: 'os_compute_api:os-pause-server:pause', guards: [checkInstanceLock, checkInstanceState({ vmState: ['active'] })] },
  unpause: { conflictName: 'unpause', policy: 'os_compute_api:os-pause-server:unpause', guards: [checkInstanceLock, checkInstanceState({ vmState: ['paused'] })] },
  suspend: { conflictName: 'suspend', policy: 'os_compute_api:os-suspend-server:suspend', guards: [checkInstanceLock, checkInstanceState({ vmState: ['active'] })] },
  resume: { conflictName: 'resume', policy: 'os_compute_api:os-suspend-server:resume', guards: [checkInstanceLock, checkInstanceState({ vmState: ['suspended'] })] },
  rescue: { conflictName: 'rescue', policy: 'os_compute_api:os-rescue', guards: [checkInstanceLock, checkInstanceState({ vmState: ['active', 'stopped', 'error'] })] },
  unrescue: { conflictName: 'unrescue', policy: 'os_compute_api:os-unrescue', guards: [checkInstanceLock, checkInstanceState({ vmState: ['rescued'] })] },
  resize: { conflictName: 'resize', policy: 'os_compute_api:servers:resize', guards: [checkInstanceLock, checkInstanceState({ vmState: ['active', 'stopped'] }), checkInstanceHost] },
  confirmResize: { conflictName: 'confirmResize', policy: 'os_compute_api:servers:confirm_resize', guards: [checkInstanceLock, checkInstanceState({ vmState: ['resized'] })] },
  revertResize: { conflictName: 'revertResize', policy: 'os_compute_api:servers:revert_resize', guards: [checkInstanceLock, checkInstanceState({ vmState: ['resized'] })] },
  // "We don't check instance lock for snapshot because lock is intended to prevent accidental
  // change/delete of instances" (nova/compute/api.py).
  createImage: { conflictName: 'createImage', policy: 'os_compute_api:servers:create_image', guards: [checkInstanceState({ vmState: ['active', 'stopped', 'paused', 'suspended'] })] },
  rebuild: { conflictName: 'rebuild', policy: 'os_compute_api:servers:rebuild', guards: [checkInstanceLock, checkInstanceState({ vmState: ['active', 'stopped', 'error'] })] },
  // lock() and unlock() carry no decorator: any state, any task (unlock has its policy instead).
  lock: { conflictName: 'lock', policy: 'os_compute_api:os-lock-server:lock', guards: [] },
  unlock: { conflictName: 'unlock', policy: 'os_compute_api:os-lock-server:unlock', guards: [] },
  delete: { conflictName: 'delete', policy: 'os_compute_api:servers:delete', guards: [checkInstanceLock, checkInstanceState({ vmState: null, taskState: null, mustHaveLaunched: false })] },
  getConsoleOutput: { conflictName: 'os-getConsoleOutput', policy: 'os_compute_api:os-console-output', guards: [checkInstanceHost] },
} as const satisfies Record<string, ActionGuard>;

export type GuardedAction = keyof typeof actionGuards;

export const UNLOCK_OVERRIDE_RULE = 'os_compute_api:os-lock-server:unlock:unlock_override';

/** The fields novaWouldAccept reads: the decorators' plus who owns and who locked. */
export type ServerForVerdict = GuardedServer & Pick<Server, 'projectId' | 'lockedBy'>;

export interface CallerForVerdict {
  isAdmin: boolean;
  projectId: string;
  /** Token roles; a reader-only caller fails every action's `project_member_or_admin` policy. */
  roles: readonly string[];
}

export type Verdict = { ok: true } | { ok: false; status: 403 | 409; message: string };

/**
 * Whether Nova's API would take `action` on `server` from `caller`, and if not its status and
 * exact message. It covers what is decided from the server and the caller alone: the policy, the
 * guards, and unlock's override policy (Nova keeps `locked_by` inside, so only the simulator can
 * tell). Checks on the request body (an unknown flavor, a bad image) are not part of it.
 */
export function novaWouldAccept(action: GuardedAction, server: ServerForVerdict, caller: CallerForVerdict): Verdict {
  const { conflictName, policy, guards } = actionGuards[action];
  if (!mayAct(caller)) return { ok: false, status: 403, message: policyMessage(policy) };
  const refusal = firstRefusal(guards, server, caller);
  if (refusal) return { ok: false, status: 409, message: conflictMessage(refusal, conflictName, server.id) };
  if (action === 'unlock' && !isExpectedLocker(server, caller) && !caller.isAdmin) {
    return { ok: false, status: 403, message: policyMessage(UNLOCK_OVERRIDE_RULE) };
  }
  return { ok: true };
}

/** compute API's is_expected_locked_by: the owner may lift an owner's lock, an admin an admin's. */
export function isExpectedLocker(server: Pick<Server, 'projectId' | 'lockedBy'>, caller: CallerForVerdict): boolean {
  const expected = server.projectId === caller.projectId ? 'owner' : 'admin';
  return server.lockedBy === null || server.lockedBy === expected;
}

/** `project_member_or_admin`: the server is the caller's (lookups hide others) or the caller is an admin. */
export function mayAct(caller: Pick<CallerForVerdict, 'isAdmin' | 'roles'>): boolean {
  return caller.isAdmin || caller.roles.includes('member');
}

/** exception.PolicyNotAuthorized */
export const policyMessage = (rule: string) => `Policy doesn't allow ${rule} to be performed.`;

/** Throws Nova's 403 or 409 when it would refuse `action`; the actions call it before anything else. */
export function admit(action: GuardedAction, server: ServerForVerdict, caller: CallerForVerdict): void {
  const verdict = novaWouldAccept(action, server, caller);
  if (!verdict.ok) throw new ComputeError(verdict.status, verdict.message);
}
