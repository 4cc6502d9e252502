/**
 * The guard table against a second transcription of openstack-api.md §2.6 (and nova/compute/
 * api.py where the doc is silent), typed out here and not derived from guard-table.ts: every
 * (action × vm_state × task_state × lock × caller × launched) combination, then literal rows with
 * the exact texts.
 */
import { describe, expect, it } from 'vitest';
import type { Server, VmState } from '../model';
import { actionGuards, type GuardedAction, novaWouldAccept, type Verdict } from './guard-table';

type Lock = 'none' | 'owner' | 'admin';
type Who = 'member' | 'admin' | 'reader';

interface Row {
  /** The name in `Cannot '<name>' instance …`. */
  name: string;
  policy: string;
  lock: boolean;
  /** Where check_instance_host sits: before the state check (start, stop), after it (resize). */
  host: 'before' | 'after' | 'no';
  vm: readonly VmState[] | 'any';
  task: readonly (string | null)[] | 'any';
  launched: boolean;
}

const NONE = [null];
const ALLOW_REBOOT = [null, 'rebooting', 'reboot_pending', 'reboot_started', 'rebooting_hard', 'pausing', 'unpausing', 'suspending', 'resuming'];
const p = (rule: string) => `os_compute_api:${rule}`;

// §2.6's table, row by row.
const table: Record<GuardedAction, Row> = {
  rebootSoft: { name: 'reboot', policy: p('servers:reboot'), lock: true, host: 'no', vm: ['active'], task: NONE, launched: true },
  rebootHard: { name: 'reboot', policy: p('servers:reboot'), lock: true, host: 'no', vm: ['active', 'stopped', 'paused', 'suspended', 'error'], task: ALLOW_REBOOT, launched: true },
  stop: { name: 'stop', policy: p('servers:stop'), lock: true, host: 'before', vm: ['active', 'error'], task: NONE, launched: true },
  start: { name: 'start', policy: p('servers:start'), lock: true, host: 'before', vm: ['stopped'], task: NONE, launched: true },
  pause: { name: 'pause', policy: p('os-pause-server:pause'), lock: true, host: 'no', vm: ['active'], task: NONE, launched: true },
  unpause: { name: 'unpause', policy: p('os-pause-server:unpause'), lock: true, host: 'no', vm: ['paused'], task: NONE, launched: true },
  suspend: { name: 'suspend', policy: p('os-suspend-server:suspend'), lock: true, host: 'no', vm: ['active'], task: NONE, launched: true },
  resume: { name: 'resume', policy: p('os-suspend-server:resume'), lock: true, host: 'no', vm: ['suspended'], task: NONE, launched: true },
  rescue: { name: 'rescue', policy: p('os-rescue'), lock: true, host: 'no', vm: ['active', 'stopped', 'error'], task: NONE, launched: true },
  unrescue: { name: 'unrescue', policy: p('os-unrescue'), lock: true, host: 'no', vm: ['rescued'], task: NONE, launched: true },
  resize: { name: 'resize', policy: p('servers:resize'), lock: true, host: 'after', vm: ['active', 'stopped'], task: NONE, launched: true },
  confirmResize: { name: 'confirmResize', policy: p('servers:confirm_resize'), lock: true, host: 'no', vm: ['resized'], task: NONE, launched: true },
  revertResize: { name: 'revertResize', policy: p('servers:revert_resize'), lock: true, host: 'no', vm: ['resized'], task: NONE, launched: true },
  createImage: { name: 'createImage', policy: p('servers:create_image'), lock: false, host: 'no', vm: ['active', 'stopped', 'paused', 'suspended'], task: NONE, launched: true },
  rebuild: { name: 'rebuild', policy: p('servers:rebuild'), lock: true, host: 'no', vm: ['active', 'stopped', 'error'], task: NONE, launched: true },
  lock: { name: 'lock', policy: p('os-lock-server:lock'), lock: false, host: 'no', vm: 'any', task: 'any', launched: false },
  unlock: { name: 'unlock', policy: p('os-lock-server:unlock'), lock: false, host: 'no', vm: 'any', task: 'any', launched: false },
  delete: { name: 'delete', policy: p('servers:delete'), lock: true, host: 'no', vm: 'any', task: 'any', launched: false },
  getConsoleOutput: { name: 'os-getConsoleOutput', policy: p('os-console-output'), lock: false, host: 'before', vm: 'any', task: 'any', launched: false },
};

const vmStates: VmState[] = ['active', 'building', 'paused', 'suspended', 'stopped', 'rescued', 'resized', 'soft-delete', 'deleted', 'error', 'shelved', 'shelved_offloaded'];
/** None, and one or two of each family of task_states (nova/compute/task_states.py). */
const taskStates = [null, 'rebooting', 'reboot_started', 'rebooting_hard', 'reboot_started_hard', 'pausing', 'unpausing', 'suspending', 'resuming', 'powering-off', 'powering-on', 'rescuing', 'unrescuing', 'resize_prep', 'resize_reverting', 'image_snapshot', 'rebuilding', 'deleting', 'migrating', 'spawning', 'shelving'];

const ID = '9c6f6a51-2d2a-4b8a-a4f0-3f3c0a1d7e11';
const OWNER_PROJECT = 'p-owner';
const callers: Record<Who, { isAdmin: boolean; projectId: string; roles: string[] }> = {
  member: { isAdmin: false, projectId: OWNER_PROJECT, roles: ['member', 'reader'] },
  admin: { isAdmin: true, projectId: 'p-admin', roles: ['admin', 'member', 'reader'] },
  reader: { isAdmin: false, projectId: OWNER_PROJECT, roles: ['reader'] },
};

type Subject = Pick<Server, 'id' | 'vmState' | 'taskState' | 'launchedAt' | 'host' | 'locked' | 'lockedBy' | 'projectId'>;

function subject(vmState: VmState, taskState: string | null, lock: Lock, booted: boolean): Subject {
  return { id: ID, vmState, taskState, launchedAt: booted ? 1 : null, host: booted ? 'compute-01' : null, locked: lock !== 'none', lockedBy: lock === 'none' ? null : lock, projectId: OWNER_PROJECT };
}

const conflict = (message: string): Verdict => ({ ok: false, status: 409, message });

/** What §2.6 says, step by step: policy, lock, host (start/stop), vm_state, task_state, launched, host (resize), unlock override. */
function expected(row: Row, action: GuardedAction, s: Subject, who: Who): Verdict {
  if (who === 'reader') return { ok: false, status: 403, message: `Policy doesn't allow ${row.policy} to be performed.` };
  if (row.lock && s.locked && who !== 'admin') return conflict(`Instance ${ID} is locked`);
  if (row.host === 'before' && !s.host) return conflict(`Instance ${ID} is not ready`);
  if (row.vm !== 'any' && !row.vm.includes(s.vmState)) return conflict(`Cannot '${row.name}' instance ${ID} while it is in vm_state ${s.vmState}`);
  if (row.task !== 'any' && !row.task.includes(s.taskState)) return conflict(`Cannot '${row.name}' instance ${ID} while it is in task_state ${s.taskState}`);
  // Nova's launched_at is None here, and common.raise_http_conflict_for_instance_invalid_state
  // falls back to its vaguer sentence when the state is None (§2.6 prints "launched_at None").
  if (row.launched && s.launchedAt === null) return conflict(`Instance ${ID} is in an invalid state for '${row.name}'`);
  if (row.host === 'after' && !s.host) return conflict(`Instance ${ID} is not ready`);
  // The member is in the owner's project, the admin is not: each may lift only its own kind of lock.
  if (action === 'unlock' && s.lockedBy === 'admin' && who === 'member') {
    return { ok: false, status: 403, message: "Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed." };
  }
  return { ok: true };
}

describe('the guard table', () => {
  it('covers exactly the actions of the transcription', () => {
    expect(Object.keys(actionGuards).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(Object.keys(table) as GuardedAction[])('%s: every vm_state × task_state × lock × caller × launched', (action) => {
    const row = table[action];
    const mismatches: string[] = [];
    let cases = 0;
    for (const vmState of vmStates) {
      for (const taskState of taskStates) {
        for (const lock of ['none', 'owner', 'admin'] as Lock[]) {
          for (const who of ['member', 'admin', 'reader'] as Who[]) {
            for (const booted of [true, false]) {
              const s = subject(vmState, taskState, lock, booted);
              const want = expected(row, action, s, who);
              const got = novaWouldAccept(action, s, callers[who]);
              cases += 1;
              if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${vmState}/${taskState}/${lock}/${who}/${booted}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
            }
          }
        }
      }
    }
    expect(cases).toBe(vmStates.length * taskStates.length * 3 * 3 * 2);
    expect(mismatches).toEqual([]);
  });
});

describe('literal rows', () => {
  const rows: Array<[GuardedAction, VmState, string | null, Lock, Who, boolean, Verdict]> = [
    ['rebootSoft', 'active', null, 'none', 'member', true, { ok: true }],
    ['rebootSoft', 'stopped', null, 'none', 'member', true, conflict(`Cannot 'reboot' instance ${ID} while it is in vm_state stopped`)],
    ['rebootSoft', 'active', 'rebooting', 'none', 'member', true, conflict(`Cannot 'reboot' instance ${ID} while it is in task_state rebooting`)],
    ['rebootHard', 'active', 'rebooting', 'none', 'member', true, { ok: true }],
    ['rebootHard', 'paused', 'pausing', 'none', 'member', true, { ok: true }],
    ['rebootHard', 'active', 'reboot_started_hard', 'none', 'member', true, conflict(`Cannot 'reboot' instance ${ID} while it is in task_state reboot_started_hard`)],
    ['rebootHard', 'rescued', null, 'none', 'member', true, conflict(`Cannot 'reboot' instance ${ID} while it is in vm_state rescued`)],
    ['rebootHard', 'error', null, 'none', 'member', false, conflict(`Instance ${ID} is in an invalid state for 'reboot'`)],
    // The lock is the outermost decorator: it speaks before a wrong state.
    ['rebootSoft', 'stopped', 'powering-on', 'owner', 'member', true, conflict(`Instance ${ID} is locked`)],
    ['rebootSoft', 'active', null, 'admin', 'admin', true, { ok: true }],
    ['stop', 'active', 'powering-off', 'none', 'member', true, conflict(`Cannot 'stop' instance ${ID} while it is in task_state powering-off`)],
    ['stop', 'error', null, 'none', 'member', false, conflict(`Instance ${ID} is not ready`)],
    ['start', 'active', null, 'none', 'member', true, conflict(`Cannot 'start' instance ${ID} while it is in vm_state active`)],
    ['resize', 'active', null, 'none', 'member', false, conflict(`Instance ${ID} is in an invalid state for 'resize'`)],
    ['resize', 'resized', null, 'none', 'member', true, conflict(`Cannot 'resize' instance ${ID} while it is in vm_state resized`)],
    ['confirmResize', 'resized', null, 'owner', 'member', true, conflict(`Instance ${ID} is locked`)],
    ['confirmResize', 'active', null, 'none', 'member', true, conflict(`Cannot 'confirmResize' instance ${ID} while it is in vm_state active`)],
    ['revertResize', 'resized', 'resize_reverting', 'none', 'member', true, conflict(`Cannot 'revertResize' instance ${ID} while it is in task_state resize_reverting`)],
    ['createImage', 'active', null, 'admin', 'member', true, { ok: true }],
    ['createImage', 'rescued', null, 'none', 'member', true, conflict(`Cannot 'createImage' instance ${ID} while it is in vm_state rescued`)],
    ['rescue', 'rescued', null, 'none', 'member', true, conflict(`Cannot 'rescue' instance ${ID} while it is in vm_state rescued`)],
    ['unrescue', 'rescued', null, 'none', 'member', true, { ok: true }],
    ['lock', 'error', 'deleting', 'admin', 'member', false, { ok: true }],
    ['unlock', 'active', null, 'admin', 'member', true, { ok: false, status: 403, message: "Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed." }],
    ['unlock', 'active', null, 'owner', 'admin', true, { ok: true }],
    ['unlock', 'active', null, 'owner', 'reader', true, { ok: false, status: 403, message: "Policy doesn't allow os_compute_api:os-lock-server:unlock to be performed." }],
    ['delete', 'building', 'spawning', 'none', 'member', false, { ok: true }],
    ['delete', 'active', null, 'owner', 'member', true, conflict(`Instance ${ID} is locked`)],
    ['pause', 'active', null, 'none', 'reader', true, { ok: false, status: 403, message: "Policy doesn't allow os_compute_api:os-pause-server:pause to be performed." }],
    ['getConsoleOutput', 'error', null, 'owner', 'member', false, conflict(`Instance ${ID} is not ready`)],
  ];

  it.each(rows)('%s on %s/%s locked by %s, %s caller, launched %s', (action, vmState, taskState, lock, who, booted, verdict) => {
    expect(novaWouldAccept(action, subject(vmState, taskState, lock, booted), callers[who])).toEqual(verdict);
  });
});
