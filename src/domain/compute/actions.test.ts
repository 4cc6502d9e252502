import { describe, expect, it } from 'vitest';
import { availableActions, refusal, type ServerFacts, type Viewer } from './actions';
import { type ActionId, actionIds } from './server-actions';
import { taskLabel } from './states';

const member: Viewer = { isAdmin: false, readOnly: false, policy: 'new-defaults' };
const admin: Viewer = { isAdmin: true, readOnly: false, policy: 'new-defaults' };
const reader: Viewer = { isAdmin: false, readOnly: true, policy: 'new-defaults' };
const legacyReader: Viewer = { ...reader, policy: 'legacy' };

const server = (facts: Partial<ServerFacts> = {}): ServerFacts => ({
  vmState: 'active',
  taskState: null,
  locked: false,
  launched: true,
  hasHost: true,
  ...facts,
});

/** Which actions Nova accepts per vm_state with no task in flight, unlocked: §2.6 typed out by hand. */
const acceptedByVmState: Record<string, ActionId[]> = {
  active: ['reboot', 'hard-reboot', 'stop', 'pause', 'suspend', 'rescue', 'resize', 'lock', 'snapshot', 'rebuild'],
  stopped: ['hard-reboot', 'start', 'rescue', 'resize', 'lock', 'snapshot', 'rebuild'],
  paused: ['hard-reboot', 'unpause', 'lock', 'snapshot'],
  suspended: ['hard-reboot', 'resume', 'lock', 'snapshot'],
  rescued: ['unrescue', 'lock'],
  resized: ['confirm-resize', 'revert-resize', 'lock'],
  error: ['hard-reboot', 'stop', 'rescue', 'lock', 'rebuild'],
  building: ['lock'],
  shelved: ['lock'],
  shelved_offloaded: ['lock'],
};

function enabled(facts: ServerFacts, viewer = member): ActionId[] {
  return availableActions(facts, viewer)
    .filter((a) => a.enabled)
    .map((a) => a.id);
}

describe('actions by vm_state (no task, unlocked, launched, on a host)', () => {
  it.each(Object.entries(acceptedByVmState))('%s → %j', (vmState, expected) => {
    expect(enabled(server({ vmState }))).toEqual(actionIds.filter((id) => expected.includes(id)));
  });
});

describe('task_state', () => {
  it.each([
    ['rebooting', ['hard-reboot', 'lock']],
    ['reboot_started', ['hard-reboot', 'lock']],
    ['rebooting_hard', ['hard-reboot', 'lock']],
    ['pausing', ['hard-reboot', 'lock']],
    ['resuming', ['hard-reboot', 'lock']],
    // Not in ALLOW_REBOOT: only lock, which checks no state, remains.
    ['reboot_pending_hard', ['lock']],
    ['reboot_started_hard', ['lock']],
    ['powering-off', ['lock']],
    ['resize_migrating', ['lock']],
    ['image_uploading', ['lock']],
  ] as Array<[string, ActionId[]]>)('an active server in %s accepts only %j', (taskState, expected) => {
    expect(enabled(server({ taskState }))).toEqual(expected);
  });

  it('words the task in the reason', () => {
    expect(refusal('hard-reboot', server({ vmState: 'active', taskState: 'resize_migrating' }), member)).toBe(
      'Hard reboot is not possible while the server is resizing (migrating).',
    );
    expect(refusal('reboot', server({ taskState: 'powering-off' }), member)).toBe('Reboot is not possible while the server is stopping.');
  });
});

describe('lock', () => {
  const locked = server({ locked: true });

  it('blocks every lock-checked action for the owner, first of all checks', () => {
    expect(enabled(locked)).toEqual(['unlock', 'snapshot']);
    expect(refusal('start', server({ locked: true, vmState: 'active' }), member)).toBe('The server is locked: unlock it first.');
  });

  it('is skipped for admins, as Nova skips it', () => {
    expect(enabled(locked, admin)).toEqual(actionIds.filter((id) => [...(acceptedByVmState.active ?? []), 'unlock'].includes(id) && id !== 'lock'));
  });

  it('offers lock only when unlocked and unlock only when locked', () => {
    expect(refusal('lock', locked, member)).toBe('The server is already locked.');
    expect(refusal('unlock', server(), member)).toBe('The server is not locked.');
  });
});

describe('launched_at and host', () => {
  it('refuses a server that never booted (ERROR during build)', () => {
    const never = server({ vmState: 'error', launched: false, hasHost: false });
    expect(enabled(never)).toEqual(['lock']);
    expect(refusal('hard-reboot', never, member)).toBe('Hard reboot is not possible: the server has never started.');
  });

  it('needs a host for start, stop and resize', () => {
    const hostless = server({ vmState: 'stopped', hasHost: false });
    expect(refusal('start', hostless, member)).toBe('Start is not possible: the server has no compute host.');
    expect(refusal('resize', hostless, member)).toBe('Resize is not possible: the server has no compute host.');
    expect(refusal('rescue', hostless, member)).toBeUndefined();
  });
});

describe('roles', () => {
  it('disables everything for a read-only role under the new default policies', () => {
    const all = availableActions(server(), reader);
    expect(all.every((a) => !a.enabled && a.reason === 'Your role in this project is read-only.')).toBe(true);
  });

  it('leaves gating to state under legacy policies', () => {
    expect(enabled(server(), legacyReader)).toEqual(enabled(server(), member));
  });
});

describe('a task of this session on the server', () => {
  it('disables every action with a reason naming it', () => {
    const all = availableActions(server(), member, { action: 'hard-reboot' });
    expect(new Set(all.map((a) => a.reason))).toEqual(new Set(['Wait until the hard reboot you started has finished.']));
  });
});

describe('taskLabel', () => {
  it.each([
    ['resize_migrating', { action: 'Resizing', step: 'migrating' }],
    ['reboot_started_hard', { action: 'Hard rebooting', step: 'started' }],
    ['powering-off', { action: 'Stopping' }],
    ['image_pending_upload', { action: 'Taking a snapshot', step: 'pending upload' }],
    ['something_new', { action: 'Something new' }],
  ])('%s → %j', (state, label) => {
    expect(taskLabel(state)).toEqual(label);
  });
});
