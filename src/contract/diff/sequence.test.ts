import { describe, expect, it } from 'vitest';
import { notifiedSequences } from './observed';
import { polledFitsFull, type ServerState, transitions } from './sequence';

const s = (status: string, taskState: string | null, vmState: string): ServerState => ({ status, taskState, vmState });
const softReboot = [s('ACTIVE', null, 'active'), s('REBOOT', 'rebooting', 'active'), s('REBOOT', 'reboot_pending', 'active'), s('REBOOT', 'reboot_started', 'active'), s('ACTIVE', null, 'active')];

describe('state sequences', () => {
  it('accepts a poll that missed quick states, in order', () => {
    expect(polledFitsFull([s('REBOOT', 'rebooting', 'active'), s('REBOOT', 'reboot_started', 'active'), s('ACTIVE', null, 'active')], softReboot)).toBeUndefined();
  });

  it('refuses a state the other side never goes through, one out of order, and another end', () => {
    expect(polledFitsFull([s('HARD_REBOOT', 'rebooting_hard', 'active')], softReboot)).toMatch(/is not among/);
    expect(polledFitsFull([s('REBOOT', 'reboot_started', 'active'), s('REBOOT', 'rebooting', 'active')], softReboot)).toMatch(/out of order/);
    expect(polledFitsFull([s('REBOOT', 'rebooting', 'active')], softReboot)).toMatch(/ends at/);
  });

  it('compares complete sequences as transitions, repeats collapsed', () => {
    const notified: ServerState[] = softReboot.map(({ taskState, vmState }) => ({ taskState, vmState }));
    expect(transitions([...notified, notified.at(-1) as ServerState])).toEqual(transitions(softReboot));
    expect(transitions(notified.filter((x) => x.taskState !== 'reboot_pending'))).not.toEqual(transitions(softReboot));
  });
});

describe('observed notifications', () => {
  it('turn into the state before and each instance.update, keyed by action and status', () => {
    const observed = {
      results: [
        {
          body: { reboot: { type: 'SOFT' } },
          before: { status: 'ACTIVE', task_state: null, vm_state: 'active', power_state: 1 },
          notifications: [
            { event_type: 'instance.update', state: 'active', new_task_state: 'rebooting' },
            { event_type: 'instance.reboot.start', state: 'active', new_task_state: null },
            { event_type: 'instance.update', state: 'active', new_task_state: 'reboot_pending' },
            { event_type: 'instance.update', state: 'active', new_task_state: 'reboot_started' },
            { event_type: 'instance.update', state: 'active', new_task_state: null },
          ],
        },
      ],
    };
    expect(transitions(notifiedSequences(observed).get('reboot:SOFT@ACTIVE/1') ?? [])).toEqual(transitions(softReboot));
  });
});
