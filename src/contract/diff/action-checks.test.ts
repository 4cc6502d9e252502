import { describe, expect, it } from 'vitest';
import { settled } from './action-checks';
import type { NovaServer } from './watch';

const server = (vmState: string, taskState: string | null): NovaServer => ({
  status: '',
  'OS-EXT-STS:vm_state': vmState,
  'OS-EXT-STS:task_state': taskState,
  'OS-EXT-STS:power_state': 1,
  addresses: {},
});

describe('when a polled task has ended', () => {
  it('is when no task is left, for most actions', () => {
    expect(settled('reboot', server('active', null))(server('active', 'reboot_started'))).toBe(false);
    expect(settled('reboot', server('active', null))(server('active', null))).toBe(true);
  });

  it('waits past `resized` for confirmResize, which has no task_state', () => {
    expect(settled('confirm-resize', server('resized', null))(server('resized', null))).toBe(false);
    expect(settled('confirm-resize', server('resized', null))(server('active', null))).toBe(true);
  });

  it('waits for a stopped server’s rebuild to be stopped again, past the moment it is active with no task', () => {
    const fromStopped = settled('rebuild', server('stopped', null));
    expect(fromStopped(server('active', null))).toBe(false);
    expect(fromStopped(server('stopped', null))).toBe(true);
    expect(settled('rebuild', server('active', null))(server('active', null))).toBe(true);
  });
});
