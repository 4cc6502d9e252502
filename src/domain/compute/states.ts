/**
 * Nova's instance states, with the words Stackdeck shows for them. Nova computes `status` itself
 * (the BFF passes it through); these tables give the in-between `task_state` a human name and let
 * action reasons say what the server is doing.
 */

export const vmStates = [
  'active',
  'building',
  'paused',
  'suspended',
  'stopped',
  'rescued',
  'resized',
  'soft-delete',
  'deleted',
  'error',
  'shelved',
  'shelved_offloaded',
] as const;
export type VmState = (typeof vmStates)[number];

/** How a vm_state reads in a sentence: "the server is shut off". */
export const vmStateWords: Record<VmState, string> = {
  active: 'running',
  building: 'being built',
  paused: 'paused',
  suspended: 'suspended',
  stopped: 'shut off',
  rescued: 'in rescue mode',
  resized: 'waiting for its resize to be confirmed',
  'soft-delete': 'soft-deleted',
  deleted: 'deleted',
  error: 'in error',
  shelved: 'shelved',
  shelved_offloaded: 'shelved and offloaded',
};

/**
 * Every task_state Nova sets, by family: the family is the verb a badge shows ("Resizing"), the
 * step the detail after it ("Resizing · migrating").
 */
const taskFamilies = {
  Building: ['scheduling', 'block_device_mapping', 'networking', 'spawning'],
  'Taking a snapshot': ['image_snapshot', 'image_snapshot_pending', 'image_pending_upload', 'image_uploading'],
  'Backing up': ['image_backup'],
  'Setting the password': ['updating_password'],
  Resizing: ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'],
  'Reverting the resize': ['resize_reverting'],
  'Confirming the resize': ['resize_confirming'],
  Rebooting: ['rebooting', 'reboot_pending', 'reboot_started'],
  'Hard rebooting': ['rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'],
  Pausing: ['pausing'],
  Unpausing: ['unpausing'],
  Suspending: ['suspending'],
  Resuming: ['resuming'],
  Stopping: ['powering-off'],
  Starting: ['powering-on'],
  Rescuing: ['rescuing'],
  Unrescuing: ['unrescuing'],
  Rebuilding: ['rebuilding', 'rebuild_block_device_mapping', 'rebuild_spawning'],
  Migrating: ['migrating'],
  Deleting: ['deleting', 'soft-deleting'],
  Restoring: ['restoring'],
  Shelving: ['shelving', 'shelving_image_pending_upload', 'shelving_image_uploading', 'shelving_offloading'],
  Unshelving: ['unshelving'],
} as const;

type Family = keyof typeof taskFamilies;
export type TaskState = (typeof taskFamilies)[Family][number];

const familyOf = new Map<string, Family>(
  (Object.entries(taskFamilies) as Array<[Family, readonly string[]]>).flatMap(([family, states]) => states.map((s) => [s, family] as const)),
);

export const taskStates = [...familyOf.keys()] as TaskState[];

/** The step in words: `resize_migrating` → "migrating", `powering-off` → "powering off". */
function stepWords(taskState: string): string {
  const stripped = taskState.replace(/^(resize|reboot|rebuild|image|shelving)_/, '').replace(/_hard$/, '');
  return stripped.replace(/[_-]+/g, ' ');
}

export interface TaskLabel {
  /** The verb of the task: "Resizing". */
  action: string;
  /** The step inside it: "migrating". Absent when the verb says it all. */
  step?: string;
}

/** A task_state in words, for badges ("Resizing · migrating") and reasons. Unknown states still read. */
export function taskLabel(taskState: string): TaskLabel {
  const family = familyOf.get(taskState);
  if (!family) return { action: stepWords(taskState).replace(/^./, (c) => c.toUpperCase()) };
  const states: readonly string[] = taskFamilies[family];
  return states.length > 1 ? { action: family, step: stepWords(taskState) } : { action: family };
}
