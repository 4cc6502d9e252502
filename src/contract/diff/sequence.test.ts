import { describe, expect, it } from 'vitest';
import { fullsMatch, polledFitsFull, type ServerState } from './sequence';

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

  it('compares complete sequences state by state, repeats collapsed, status only where both have one', () => {
    const notified: ServerState[] = softReboot.map(({ taskState, vmState }) => ({ taskState, vmState }));
    expect(fullsMatch([...notified, notified.at(-1) as ServerState], softReboot)).toBe(true);
    expect(fullsMatch(notified.filter((x) => x.taskState !== 'reboot_pending'), softReboot)).toBe(false);
  });
});
