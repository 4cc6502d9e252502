/**
 * Nova's guard decorators (nova/compute/api.py), written from openstack-api.md §2.6 and Nova's
 * source on their own: src/domain/compute is a second, independent reading that the tests hold
 * against this one, so this file must never borrow from it.
 *
 * A guard is one decorator; an action's guards are listed outermost first, as they are stacked
 * on the compute API method, and the first refusal wins, exactly as the first decorator to raise.
 */
import type { Server, VmState } from '../model';

/** The server fields the decorators read. */
export type GuardedServer = Pick<Server, 'id' | 'vmState' | 'taskState' | 'launchedAt' | 'host' | 'locked'>;

/** `context.is_admin`: an admin skips the lock. */
export interface GuardCaller {
  isAdmin: boolean;
}

/** What a decorator raised, before the API words it for one action. */
export type Refusal =
  | { reason: 'locked' }
  | { reason: 'not-ready' }
  | { reason: 'invalid-state'; attr: 'vm_state' | 'task_state' | 'launched_at'; state: string | null };

export interface Guard {
  /** The decorator's name in Nova, for reading a guard list next to nova/compute/api.py. */
  readonly name: string;
  check(server: GuardedServer, caller: GuardCaller): Refusal | undefined;
}

/** `@check_instance_lock`: InstanceIsLocked unless the caller is an admin. */
export const checkInstanceLock: Guard = {
  name: 'check_instance_lock',
  check: (server, caller) => (server.locked && !caller.isAdmin ? { reason: 'locked' } : undefined),
};

/**
 * `@check_instance_host()`: InstanceNotReady when the server has no host. The resize variant also
 * asks whether the host's compute service is up; the simulator's services never go down.
 */
export const checkInstanceHost: Guard = {
  name: 'check_instance_host',
  check: (server) => (server.host ? undefined : { reason: 'not-ready' }),
};

export interface StateGuardOptions {
  /** Allowed vm_states; null allows any (Nova's `vm_state=None`). */
  vmState?: readonly VmState[] | null;
  /** Allowed task_states; Nova's default `(None,)` means no task may be in flight; null allows any. */
  taskState?: readonly (string | null)[] | null;
  /** `must_have_launched`, true by default: a server that never booted is refused. */
  mustHaveLaunched?: boolean;
}

/** `@check_instance_state(...)`: vm_state is checked first, then task_state, then launched_at. */
export function checkInstanceState({ vmState = null, taskState = [null], mustHaveLaunched = true }: StateGuardOptions = {}): Guard {
  return {
    name: 'check_instance_state',
    check(server) {
      if (vmState && !vmState.includes(server.vmState)) return { reason: 'invalid-state', attr: 'vm_state', state: server.vmState };
      if (taskState && !taskState.includes(server.taskState)) return { reason: 'invalid-state', attr: 'task_state', state: server.taskState };
      if (mustHaveLaunched && server.launchedAt === null) return { reason: 'invalid-state', attr: 'launched_at', state: null };
      return undefined;
    },
  };
}

export function firstRefusal(guards: readonly Guard[], server: GuardedServer, caller: GuardCaller): Refusal | undefined {
  for (const guard of guards) {
    const refusal = guard.check(server, caller);
    if (refusal) return refusal;
  }
  return undefined;
}

/**
 * The 409 text for a refusal of `action` (the name the API passes, e.g. `confirmResize`). Nova words
 * an invalid state in common.raise_http_conflict_for_instance_invalid_state, which falls back to a
 * vaguer sentence when the state is None: that is what a never-launched server gets.
 */
export function conflictMessage(refusal: Refusal, action: string, serverId: string): string {
  switch (refusal.reason) {
    case 'locked':
      return `Instance ${serverId} is locked`;
    case 'not-ready':
      return `Instance ${serverId} is not ready`;
    case 'invalid-state':
      return refusal.state === null
        ? `Instance ${serverId} is in an invalid state for '${action}'`
        : `Cannot '${action}' instance ${serverId} while it is in ${refusal.attr} ${refusal.state}`;
  }
}
