import type { Task } from '../../../domain/api';
import { serverActions } from '../../../domain/compute';

/** What a task does, in words: "Hard reboot of web-01". */
export function taskTitle(task: Pick<Task, 'action' | 'serverName'>): string {
  return `${serverActions[task.action].label} of ${task.serverName}`;
}
