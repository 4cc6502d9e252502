/**
 * How each task unfolds on a compute host: its task_state phases with their durations, the
 * instance action events it records, and what it leaves behind. The sequences follow nova's
 * compute manager (openstack-api.md §2.6); the first phase is what the API writes before it
 * answers. Durations: `fast` ends every action within a few seconds of wall time (demo, tests,
 * `openstack ... --wait`); `realistic` is what a libvirt host takes, minutes for resize and
 * snapshot; `progress` runs at realistic speed and also moves `progress` where a driver would.
 */
import { PowerState, type PowerStateValue, type VmState } from '../model';

export type ComputeProfile = 'fast' | 'realistic' | 'progress';
export const computeProfiles: readonly ComputeProfile[] = ['fast', 'realistic', 'progress'];

/** Milliseconds in each profile; `progress` takes the realistic ones. */
export interface Timing {
  fast: number;
  realistic: number;
}
const t = (fast: number, realistic: number): Timing => ({ fast, realistic });

export interface Phase {
  taskState: string | null;
  ms: Timing;
  vmState?: VmState;
  powerState?: PowerStateValue;
}

export interface PlannedEvent {
  name: string;
  /** Which service records it: the server's compute host, or the controller (API, conductor). */
  on: 'compute' | 'controller';
  /** The phases it spans, first and last, inclusive. */
  span: readonly [number, number];
}

export interface TaskPlan {
  /** The action's name in os-instance-actions. */
  action: string;
  phases: readonly Phase[];
  events: readonly PlannedEvent[];
  /** What the last step sets; actions whose outcome depends on the server add their own. */
  ends?: { vmState?: VmState; powerState?: PowerStateValue };
  /** The event that fails when a failure is injected. */
  fails: string;
  /** The vm_state a failure leaves: Nova errors most tasks out, and rolls some back. */
  afterFailure: VmState | 'previous';
  /** Whether `progress` moves in the `progress` profile (resize and snapshot). */
  movesProgress?: boolean;
}

const { RUNNING, PAUSED, SHUTDOWN, SUSPENDED, NOSTATE } = PowerState;

/** A task with one phase and one compute event over it, as most power actions are. */
function oneStep(action: string, taskState: string, ms: Timing, event: string, ends: TaskPlan['ends']): TaskPlan {
  return { action, phases: [{ taskState, ms }], events: [{ name: event, on: 'compute', span: [0, 0] }], ends, fails: event, afterFailure: 'error' };
}

const rebuildPhases: Phase[] = [
  { taskState: 'rebuilding', ms: t(1_000, 5_000) },
  { taskState: 'rebuild_block_device_mapping', ms: t(1_000, 10_000) },
  { taskState: 'rebuild_spawning', ms: t(3_000, 60_000) },
];

export const taskPlans = {
  // The API writes building/scheduling; the conductor picks a host and the compute manager's
  // _build_and_run_instance allocates the network, maps block devices and spawns the guest. The
  // manager's _do_build_and_run_instance clears task_state before it starts, so a client sees
  // BUILD with no task between scheduling and networking.
  create: {
    action: 'create',
    phases: [
      { taskState: 'scheduling', ms: t(1_000, 3_000), vmState: 'building', powerState: NOSTATE },
      { taskState: null, ms: t(500, 1_000) },
      { taskState: 'networking', ms: t(1_000, 5_000) },
      { taskState: 'block_device_mapping', ms: t(1_000, 5_000) },
      { taskState: 'spawning', ms: t(1_500, 30_000) },
    ],
    events: [{ name: 'compute__do_build_and_run_instance', on: 'compute', span: [1, 4] }],
    ends: { vmState: 'active', powerState: RUNNING },
    fails: 'compute__do_build_and_run_instance',
    afterFailure: 'error',
  },
  rebootSoft: {
    action: 'reboot',
    phases: [
      { taskState: 'rebooting', ms: t(1_000, 2_000) },
      { taskState: 'reboot_pending', ms: t(1_000, 3_000) },
      { taskState: 'reboot_started', ms: t(2_000, 40_000) },
    ],
    events: [{ name: 'compute_reboot_instance', on: 'compute', span: [1, 2] }],
    ends: { vmState: 'active', powerState: RUNNING },
    fails: 'compute_reboot_instance',
    // A reboot that fails while the guest still runs leaves it active with a fault (manager.py).
    afterFailure: 'active',
  },
  rebootHard: {
    action: 'reboot',
    phases: [
      { taskState: 'rebooting_hard', ms: t(1_000, 2_000) },
      { taskState: 'reboot_pending_hard', ms: t(1_000, 3_000), powerState: SHUTDOWN },
      { taskState: 'reboot_started_hard', ms: t(2_000, 15_000) },
    ],
    events: [{ name: 'compute_reboot_instance', on: 'compute', span: [1, 2] }],
    ends: { vmState: 'active', powerState: RUNNING },
    fails: 'compute_reboot_instance',
    // The domain is already destroyed by then, so Nova errors the instance out.
    afterFailure: 'error',
  },
  stop: oneStep('stop', 'powering-off', t(3_000, 15_000), 'compute_stop_instance', { vmState: 'stopped', powerState: SHUTDOWN }),
  start: oneStep('start', 'powering-on', t(3_000, 10_000), 'compute_start_instance', { vmState: 'active', powerState: RUNNING }),
  pause: oneStep('pause', 'pausing', t(2_000, 3_000), 'compute_pause_instance', { vmState: 'paused', powerState: PAUSED }),
  unpause: oneStep('unpause', 'unpausing', t(2_000, 3_000), 'compute_unpause_instance', { vmState: 'active', powerState: RUNNING }),
  suspend: oneStep('suspend', 'suspending', t(3_000, 20_000), 'compute_suspend_instance', { vmState: 'suspended', powerState: SUSPENDED }),
  resume: oneStep('resume', 'resuming', t(3_000, 15_000), 'compute_resume_instance', { vmState: 'active', powerState: RUNNING }),
  rescue: oneStep('rescue', 'rescuing', t(4_000, 30_000), 'compute_rescue_instance', { vmState: 'rescued', powerState: RUNNING }),
  unrescue: oneStep('unrescue', 'unrescuing', t(3_000, 20_000), 'compute_unrescue_instance', { vmState: 'active', powerState: RUNNING }),
  resize: {
    action: 'resize',
    phases: [
      { taskState: 'resize_prep', ms: t(1_000, 5_000) },
      { taskState: 'resize_migrating', ms: t(2_000, 120_000), powerState: SHUTDOWN },
      { taskState: 'resize_migrated', ms: t(1_000, 10_000) },
      { taskState: 'resize_finish', ms: t(2_000, 30_000) },
    ],
    events: [
      { name: 'conductor_migrate_server', on: 'controller', span: [0, 0] },
      { name: 'compute_prep_resize', on: 'compute', span: [0, 0] },
      { name: 'compute_resize_instance', on: 'compute', span: [1, 2] },
      { name: 'compute_finish_resize', on: 'compute', span: [3, 3] },
    ],
    ends: { vmState: 'resized' },
    fails: 'compute_resize_instance',
    afterFailure: 'error',
    movesProgress: true,
  },
  // The API leaves task_state None and moves the migration to `confirming`; the compute host
  // then settles vm_state.
  confirmResize: {
    action: 'confirmResize',
    phases: [{ taskState: null, ms: t(2_000, 10_000) }],
    events: [{ name: 'compute_confirm_resize', on: 'compute', span: [0, 0] }],
    fails: 'compute_confirm_resize',
    afterFailure: 'error',
  },
  revertResize: {
    action: 'revertResize',
    phases: [
      { taskState: 'resize_reverting', ms: t(2_000, 30_000), powerState: SHUTDOWN },
      { taskState: 'resize_reverting', ms: t(2_000, 30_000) },
    ],
    events: [
      { name: 'compute_revert_resize', on: 'compute', span: [0, 0] },
      { name: 'compute_finish_revert_resize', on: 'compute', span: [1, 1] },
    ],
    fails: 'compute_revert_resize',
    afterFailure: 'error',
  },
  createImage: {
    action: 'createImage',
    phases: [
      { taskState: 'image_snapshot_pending', ms: t(1_000, 3_000) },
      { taskState: 'image_snapshot', ms: t(1_000, 20_000) },
      { taskState: 'image_pending_upload', ms: t(1_000, 5_000) },
      { taskState: 'image_uploading', ms: t(3_000, 180_000) },
    ],
    events: [{ name: 'compute_snapshot_instance', on: 'compute', span: [1, 3] }],
    fails: 'compute_snapshot_instance',
    // A failed snapshot deletes its image and leaves the server as it was (delete_image_on_error).
    afterFailure: 'previous',
    movesProgress: true,
  },
  rebuild: {
    action: 'rebuild',
    phases: rebuildPhases,
    events: [
      { name: 'conductor_rebuild_server', on: 'controller', span: [0, 0] },
      { name: 'compute_rebuild_instance', on: 'compute', span: [1, 2] },
    ],
    ends: { vmState: 'active', powerState: RUNNING },
    fails: 'compute_rebuild_instance',
    afterFailure: 'error',
  },
  // A stopped server is rebuilt running, then powered off again, as the manager does: it saves
  // the spawned guest active with no task before it starts powering it off.
  rebuildStopped: {
    action: 'rebuild',
    phases: [
      ...rebuildPhases,
      { taskState: null, ms: t(500, 1_000), vmState: 'active', powerState: RUNNING },
      { taskState: 'powering-off', ms: t(2_000, 10_000) },
    ],
    events: [
      { name: 'conductor_rebuild_server', on: 'controller', span: [0, 0] },
      { name: 'compute_rebuild_instance', on: 'compute', span: [1, 4] },
    ],
    ends: { vmState: 'stopped', powerState: SHUTDOWN },
    fails: 'compute_rebuild_instance',
    afterFailure: 'error',
  },
  // The compute host marks the instance deleted before it destroys the row, so for a moment a
  // read shows DELETED with no task; then it is gone (404).
  delete: {
    action: 'delete',
    phases: [
      { taskState: 'deleting', ms: t(500, 3_000) },
      { taskState: null, ms: t(100, 500), vmState: 'deleted', powerState: NOSTATE },
    ],
    events: [{ name: 'compute_terminate_instance', on: 'compute', span: [0, 1] }],
    ends: { vmState: 'deleted', powerState: NOSTATE },
    fails: 'compute_terminate_instance',
    afterFailure: 'error',
  },
} as const satisfies Record<string, TaskPlan>;

export function phaseMs(phase: Phase, profile: ComputeProfile): number {
  return profile === 'fast' ? phase.ms.fast : phase.ms.realistic;
}
