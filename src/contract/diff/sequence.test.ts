import { describe, expect, it } from 'vitest';
import { createKey, deleteKey, notifiedSequences } from './observed';
import { polledFitsFull, sequenceAspects, type ServerState, transitions } from './sequence';

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
          request: 'POST /servers/x/action',
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

  it('keep a create, which has no state before it, and a DELETE, which has no body', () => {
    const update = (state: string, task: string | null) => ({ event_type: 'instance.update', state, new_task_state: task });
    const before = { status: 'ACTIVE', task_state: null, vm_state: 'active', power_state: 1 };
    const observed = {
      results: [
        { request: 'POST /servers', body: { server: {} }, before: null, notifications: [update('building', 'scheduling'), update('building', null), update('active', null)] },
        { request: 'DELETE /servers/x', body: null, before, notifications: [update('active', 'deleting'), update('deleted', null)] },
        { request: 'DELETE /servers/x', body: null, before, notifications: [] },
      ],
    };
    const sequences = notifiedSequences(observed);
    expect(transitions(sequences.get(createKey) ?? [])).toEqual(['scheduling/building', 'None/building', 'None/active']);
    expect(transitions(sequences.get(deleteKey('ACTIVE', 1)) ?? [])).toEqual(['None/active', 'deleting/active', 'None/deleted']);
  });
});

describe('a task’s aspects', () => {
  it('are the polled fit, and the notified transitions only when observed', () => {
    expect(sequenceAspects(softReboot, softReboot, undefined)).toEqual([['sequence', 'fits', 'fits']]);
    const [sequence, notified] = sequenceAspects([s('REBOOT', 'rebooting_hard', 'active')], softReboot, softReboot);
    expect(sequence?.[1]).toMatch(/is not among.*\(real polled: REBOOT\/rebooting_hard\/active\)/);
    expect(notified).toEqual(['notified', transitions(softReboot), transitions(softReboot)]);
  });
});
