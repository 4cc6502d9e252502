import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../domain/api';
import { mergeTasks, orderTasks, taskKeys, upsertTask } from './task-queries';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return { id, serverId: 's', serverName: 'web-01', action: 'reboot', requestId: null, state: 'running', step: 'Rebooting', progress: 10, startedAt: `2026-11-23T10:00:0${id}Z`, ...overrides };
}

describe('the tasks list', () => {
  it('puts running tasks first, then the finished ones, newest first in each', () => {
    const tasks = [task('1', { state: 'succeeded' }), task('2'), task('3', { state: 'failed' }), task('4')];
    expect(orderTasks(tasks).map((t) => t.id)).toEqual(['4', '2', '3', '1']);
  });

  it('keeps the copy that is further along: a task never goes back', () => {
    const merged = mergeTasks([task('1', { state: 'succeeded', progress: 100 }), task('2', { progress: 60 })], [task('1', { progress: 90 }), task('2', { progress: 40 }), task('3')]);
    expect(merged.map((t) => [t.id, t.state, t.progress])).toEqual([
      ['3', 'running', 10],
      ['2', 'running', 60],
      ['1', 'succeeded', 100],
    ]);
  });

  it('takes in one task and says what it replaced', () => {
    const client = new QueryClient();
    expect(upsertTask(client, task('1'))).toBeUndefined();
    expect(upsertTask(client, task('1', { state: 'failed', message: 'no' }))?.state).toBe('running');
    expect(client.getQueryData<Task[]>(taskKeys.list())?.map((t) => t.state)).toEqual(['failed']);
  });
});
