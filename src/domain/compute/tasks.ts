import type { ActionId } from './actions';
import type { NovaInstanceAction, NovaServer } from './nova-wire';

/**
 * How a task follows its action upstream (architecture.md, "Tasks"): the end is decided from what
 * each action means, read off the server Nova shows, never from a timer.
 */

export type TaskRunState = 'running' | 'succeeded' | 'failed';

/** The task_states an action walks through, in order, as Nova's compute manager sets them. */
export const taskSteps: Record<ActionId, readonly string[]> = {
  reboot: ['rebooting', 'reboot_pending', 'reboot_started'],
  'hard-reboot': ['rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'],
  stop: ['powering-off'],
  start: ['powering-on'],
  pause: ['pausing'],
  unpause: ['unpausing'],
  suspend: ['suspending'],
  resume: ['resuming'],
  rescue: ['rescuing'],
  unrescue: ['unrescuing'],
  resize: ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'],
  'confirm-resize': ['resize_confirming'],
  'revert-resize': ['resize_reverting'],
  lock: [],
  unlock: [],
  snapshot: ['image_snapshot_pending', 'image_snapshot', 'image_pending_upload', 'image_uploading'],
  rebuild: ['rebuilding', 'rebuild_block_device_mapping', 'rebuild_spawning'],
};

/** Each step in words, for the task's `step`. */
const stepWords: Record<string, string> = {
  rebooting: 'Asking the guest to reboot',
  reboot_pending: 'Reboot pending',
  reboot_started: 'Rebooting',
  rebooting_hard: 'Powering the server off and on',
  reboot_pending_hard: 'Hard reboot pending',
  reboot_started_hard: 'Hard rebooting',
  'powering-off': 'Shutting down',
  'powering-on': 'Starting',
  pausing: 'Pausing',
  unpausing: 'Unpausing',
  suspending: 'Suspending to disk',
  resuming: 'Resuming',
  rescuing: 'Booting the rescue image',
  unrescuing: 'Leaving rescue mode',
  resize_prep: 'Preparing the resize',
  resize_migrating: 'Migrating disk',
  resize_migrated: 'Disk migrated',
  resize_finish: 'Finishing the resize',
  resize_confirming: 'Confirming the resize',
  resize_reverting: 'Reverting to the old flavor',
  image_snapshot_pending: 'Preparing the snapshot',
  image_snapshot: 'Taking the snapshot',
  image_pending_upload: 'Snapshot waiting for upload',
  image_uploading: 'Uploading the snapshot',
  rebuilding: 'Rebuilding',
  rebuild_block_device_mapping: 'Preparing disks',
  rebuild_spawning: 'Booting the new image',
};

export function stepLabel(taskState: string): string {
  return stepWords[taskState] ?? taskState.replace(/[_-]+/g, ' ');
}

/** What the action leaves behind when it has worked: the vm_state(s), with no task in flight. */
const finalVmStates: Record<ActionId, readonly string[]> = {
  reboot: ['active'],
  'hard-reboot': ['active'],
  stop: ['stopped'],
  start: ['active'],
  pause: ['paused'],
  unpause: ['active'],
  suspend: ['suspended'],
  resume: ['active'],
  rescue: ['rescued'],
  unrescue: ['active'],
  resize: ['resized'],
  'confirm-resize': ['active', 'stopped'],
  'revert-resize': ['active', 'stopped'],
  lock: [],
  unlock: [],
  snapshot: [],
  rebuild: ['active', 'stopped'],
};

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
  const steps = taskSteps[action];
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
  if (finalVmStates[action].includes(vmState)) {
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
