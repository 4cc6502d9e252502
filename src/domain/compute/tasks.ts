import { type ActionId, actionDefinition, stepLabel } from './server-actions';
import type { NovaInstanceAction, NovaServer } from './nova-wire';

/**
 * How a task follows its action upstream (architecture.md, "Tasks"): the end is decided from what
 * each action means, read off the server Nova shows, never from a timer.
 */

export type TaskRunState = 'running' | 'succeeded' | 'failed';

/** The task_states an action walks through, in order. */
export function taskSteps(action: ActionId): string[] {
  return actionDefinition(action).steps.map(([taskState]) => taskState);
}

export interface TaskObservation {
  /** The server as Nova shows it now; 'gone' after a 404. */
  server: NovaServer | 'gone';
  /** For snapshots: the image's Glance status, once the server's task has ended. */
  imageStatus?: string | undefined;
}

export interface TaskProgress {
  state: TaskRunState;
  step: string;
  /** 0–100; never decreases and stays below 100 while running. */
  progress: number;
  message?: string;
}

/** The progress the known step sequence gives a task_state; Nova's own `progress` wins when it moves. */
function stepProgress(action: ActionId, taskState: string | null, novaProgress: number | undefined): number {
  const steps = taskSteps(action);
  const index = taskState ? steps.indexOf(taskState) : -1;
  const fromSteps = index < 0 ? 0 : Math.round(((index + 1) / (steps.length + 1)) * 100);
  return Math.min(95, Math.max(fromSteps, novaProgress ?? 0));
}

/**
 * The task's state after one look at the server. `previous` keeps the bar from going back. A
 * failed event or fault decides failure; for actions whose failure leaves the server looking
 * normal (a soft reboot falls back to active), the tracker checks the action's events at the end.
 */
export function observeTask(action: ActionId, observation: TaskObservation, previous: number): TaskProgress {
  const { server } = observation;
  if (server === 'gone') return { state: 'failed', step: 'Server deleted', progress: previous, message: 'The server was deleted while the task ran.' };
  const vmState = server['OS-EXT-STS:vm_state'];
  const taskState = server['OS-EXT-STS:task_state'];
  const progress = Math.max(previous, stepProgress(action, taskState, server.progress));

  if (taskState !== null) return { state: 'running', step: stepLabel(taskState), progress };

  if (action === 'lock' || action === 'unlock') {
    const done = (server.locked ?? false) === (action === 'lock');
    return done ? { state: 'succeeded', step: action === 'lock' ? 'Locked' : 'Unlocked', progress: 100 } : { state: 'running', step: 'Waiting for Nova', progress };
  }
  if (action === 'snapshot') {
    if (observation.imageStatus === 'active') return { state: 'succeeded', step: 'Snapshot ready', progress: 100 };
    if (observation.imageStatus === 'killed' || observation.imageStatus === 'deleted') {
      return { state: 'failed', step: 'Failed', progress, message: 'Glance could not store the snapshot.' };
    }
    return { state: 'running', step: 'Saving the image', progress: Math.max(progress, 95) };
  }
  if (vmState === 'error') return { state: 'failed', step: 'Failed', progress, message: server.fault?.message ?? 'The server went into ERROR.' };
  if (actionDefinition(action).endsIn.includes(vmState)) {
    return { state: 'succeeded', step: action === 'resize' ? 'Waiting for confirmation' : 'Done', progress: 100 };
  }
  if (action === 'resize' && (vmState === 'active' || vmState === 'stopped') && previous > 0) {
    return { state: 'failed', step: 'Failed', progress, message: 'Nova could not resize the server; it kept its flavor.' };
  }
  // Not there yet: Nova has not picked the request up (confirm-resize has no task_state at all).
  return { state: 'running', step: 'Waiting for Nova', progress };
}

/** The failure an action's events record, if any: Nova's words from the failed event's traceback. */
export function failedEvent(action: NovaInstanceAction | undefined): string | undefined {
  const failed = action?.events?.find((e) => e.result === 'Error');
  if (!failed && action?.message !== 'Error') return undefined;
  const lastLine = failed?.traceback?.trim().split('\n').at(-1);
  return lastLine || `${failed?.event ?? action?.action ?? 'The action'} failed.`;
}
