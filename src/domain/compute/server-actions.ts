import { z } from 'zod/mini';
import type { VmState } from './states';

/**
 * Every server action, defined once: when Nova accepts it (read from nova/compute/api.py's
 * decorators; shared/docs/openstack-api.md §2.6), the task_states it walks through with their
 * words, what it leaves behind, what it takes from the user, and the body Nova is sent. The rules,
 * the task steps, the contract's bodies and the dialogs all read this table; a new action is one
 * entry here (and a dialog of its own when it takes input).
 *
 * The simulator reads §2.6 on its own (src/simulator/core/compute/actions); tests hold the two
 * against each other.
 */

/** Where the menus and the server page's toolbar put an action. */
export type ActionGroup = 'power' | 'size-and-image' | 'recovery' | 'lock';

interface Definition<Input extends z.ZodMiniType | undefined> {
  label: string;
  group: ActionGroup;
  /**
   * `check_instance_state`: the vm_states Nova allows, or null for no state check at all (lock,
   * unlock); `launched_at` must be set whenever there is a state check.
   */
  vmStates: readonly VmState[] | null;
  /** Task states allowed besides None (hard reboot's ALLOW_REBOOT). */
  extraTaskStates?: readonly string[];
  /** `check_instance_lock`: a locked server refuses it, unless the caller is admin. */
  checksLock: boolean;
  /** `check_instance_host`: the server must have a compute host. */
  needsHost: boolean;
  /** Disruptive or destructive: the SPA asks first. */
  confirm: boolean;
  /** Makes sense only in one lock state (lock when unlocked, unlock when locked). */
  whenLocked?: boolean;
  /** Offered for several servers at once (needs no per-server choice). */
  bulk: boolean;
  /** The task_states it walks through, in order, as Nova's compute manager sets them, in words. */
  steps: ReadonlyArray<readonly [taskState: string, words: string]>;
  /** The vm_state(s) it leaves behind when it has worked, with no task in flight; empty: decided otherwise. */
  endsIn: readonly string[];
  /** What the user gives it (the contract's request body); none: `{}`. */
  input: Input;
  /** The body of `POST /servers/{id}/action`; `atLeast` tells the negotiated microversion. */
  novaBody: (input: Input extends z.ZodMiniType ? z.output<Input> : Record<string, never>, atLeast: (version: string) => boolean) => Record<string, unknown>;
}

/** Any action's definition, its input's type forgotten: what code reading every action sees. */
export type ActionDefinition = Omit<Definition<z.ZodMiniType | undefined>, 'novaBody'>;

const define = <Input extends z.ZodMiniType | undefined = undefined>(definition: Definition<Input>) => definition;

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(255));

/** Hard reboot's ALLOW_REBOOT: it may interrupt these. */
const interruptibleByHardReboot = ['rebooting', 'reboot_pending', 'reboot_started', 'rebooting_hard', 'pausing', 'unpausing', 'suspending', 'resuming'];

const simple = { checksLock: true, needsHost: false, confirm: false, bulk: true, input: undefined } as const;

export const serverActions = {
  start: define({
    ...simple,
    label: 'Start',
    group: 'power',
    vmStates: ['stopped'],
    needsHost: true,
    steps: [['powering-on', 'Starting']],
    endsIn: ['active'],
    novaBody: () => ({ 'os-start': null }),
  }),
  stop: define({
    ...simple,
    label: 'Stop',
    group: 'power',
    vmStates: ['active', 'error'],
    needsHost: true,
    confirm: true,
    steps: [['powering-off', 'Shutting down']],
    endsIn: ['stopped'],
    novaBody: () => ({ 'os-stop': null }),
  }),
  reboot: define({
    ...simple,
    label: 'Reboot',
    group: 'power',
    vmStates: ['active'],
    steps: [
      ['rebooting', 'Asking the guest to reboot'],
      ['reboot_pending', 'Reboot pending'],
      ['reboot_started', 'Rebooting'],
    ],
    endsIn: ['active'],
    novaBody: () => ({ reboot: { type: 'SOFT' } }),
  }),
  'hard-reboot': define({
    ...simple,
    label: 'Hard reboot',
    group: 'power',
    vmStates: ['active', 'stopped', 'paused', 'suspended', 'error'],
    extraTaskStates: interruptibleByHardReboot,
    confirm: true,
    steps: [
      ['rebooting_hard', 'Powering the server off and on'],
      ['reboot_pending_hard', 'Hard reboot pending'],
      ['reboot_started_hard', 'Hard rebooting'],
    ],
    endsIn: ['active'],
    novaBody: () => ({ reboot: { type: 'HARD' } }),
  }),
  pause: define({
    ...simple,
    label: 'Pause',
    group: 'power',
    vmStates: ['active'],
    steps: [['pausing', 'Pausing']],
    endsIn: ['paused'],
    novaBody: () => ({ pause: null }),
  }),
  unpause: define({
    ...simple,
    label: 'Unpause',
    group: 'power',
    vmStates: ['paused'],
    steps: [['unpausing', 'Unpausing']],
    endsIn: ['active'],
    novaBody: () => ({ unpause: null }),
  }),
  suspend: define({
    ...simple,
    label: 'Suspend',
    group: 'power',
    vmStates: ['active'],
    steps: [['suspending', 'Suspending to disk']],
    endsIn: ['suspended'],
    novaBody: () => ({ suspend: null }),
  }),
  resume: define({
    ...simple,
    label: 'Resume',
    group: 'power',
    vmStates: ['suspended'],
    steps: [['resuming', 'Resuming']],
    endsIn: ['active'],
    novaBody: () => ({ resume: null }),
  }),
  rescue: define({
    ...simple,
    label: 'Rescue',
    group: 'recovery',
    vmStates: ['active', 'stopped', 'error'],
    confirm: true,
    bulk: false,
    steps: [['rescuing', 'Booting the rescue image']],
    endsIn: ['rescued'],
    input: z.object({ imageId: z.optional(z.uuid()), password: z.optional(z.string().check(z.minLength(1), z.maxLength(255))) }),
    novaBody: (input) => ({ rescue: { ...(input.password && { adminPass: input.password }), ...(input.imageId && { rescue_image_ref: input.imageId }) } }),
  }),
  unrescue: define({
    ...simple,
    label: 'Unrescue',
    group: 'recovery',
    vmStates: ['rescued'],
    steps: [['unrescuing', 'Leaving rescue mode']],
    endsIn: ['active'],
    novaBody: () => ({ unrescue: null }),
  }),
  resize: define({
    ...simple,
    label: 'Resize',
    group: 'size-and-image',
    vmStates: ['active', 'stopped'],
    needsHost: true,
    confirm: true,
    bulk: false,
    steps: [
      ['resize_prep', 'Preparing the resize'],
      ['resize_migrating', 'Migrating disk'],
      ['resize_migrated', 'Disk migrated'],
      ['resize_finish', 'Finishing the resize'],
    ],
    endsIn: ['resized'],
    input: z.object({ flavorId: z.string().check(z.minLength(1), z.maxLength(255)) }),
    novaBody: (input) => ({ resize: { flavorRef: input.flavorId } }),
  }),
  'confirm-resize': define({
    ...simple,
    label: 'Confirm resize',
    group: 'size-and-image',
    vmStates: ['resized'],
    steps: [['resize_confirming', 'Confirming the resize']],
    endsIn: ['active', 'stopped'],
    novaBody: () => ({ confirmResize: null }),
  }),
  'revert-resize': define({
    ...simple,
    label: 'Revert resize',
    group: 'size-and-image',
    vmStates: ['resized'],
    confirm: true,
    steps: [['resize_reverting', 'Reverting to the old flavor']],
    endsIn: ['active', 'stopped'],
    novaBody: () => ({ revertResize: null }),
  }),
  lock: define({
    ...simple,
    label: 'Lock',
    group: 'lock',
    vmStates: null,
    checksLock: false,
    whenLocked: false,
    steps: [],
    endsIn: [],
    // The reason is shared by every server of a bulk lock.
    input: z.object({ reason: z.optional(z.string().check(z.trim(), z.maxLength(255))) }),
    novaBody: (input, atLeast) => ({ lock: input.reason && atLeast('2.73') ? { locked_reason: input.reason } : null }),
  }),
  unlock: define({
    ...simple,
    label: 'Unlock',
    group: 'lock',
    vmStates: null,
    checksLock: false,
    whenLocked: true,
    steps: [],
    endsIn: [],
    novaBody: () => ({ unlock: null }),
  }),
  snapshot: define({
    ...simple,
    label: 'Create snapshot',
    group: 'size-and-image',
    vmStates: ['active', 'stopped', 'paused', 'suspended'],
    checksLock: false,
    bulk: false,
    steps: [
      ['image_snapshot_pending', 'Preparing the snapshot'],
      ['image_snapshot', 'Taking the snapshot'],
      ['image_pending_upload', 'Snapshot waiting for upload'],
      ['image_uploading', 'Uploading the snapshot'],
    ],
    endsIn: [],
    input: z.object({ name }),
    novaBody: (input) => ({ createImage: { name: input.name } }),
  }),
  rebuild: define({
    ...simple,
    label: 'Rebuild',
    group: 'size-and-image',
    vmStates: ['active', 'stopped', 'error'],
    confirm: true,
    bulk: false,
    steps: [
      ['rebuilding', 'Rebuilding'],
      ['rebuild_block_device_mapping', 'Preparing disks'],
      ['rebuild_spawning', 'Booting the new image'],
    ],
    endsIn: ['active', 'stopped'],
    input: z.object({ imageId: z.uuid() }),
    novaBody: (input) => ({ rebuild: { imageRef: input.imageId } }),
  }),
};

export type ServerActions = typeof serverActions;
export type ActionId = keyof ServerActions;
export const actionIds = Object.keys(serverActions) as [ActionId, ...ActionId[]];

/** The actions that take input, with the schema of what they take. */
export type ActionWithInput = { [A in ActionId]: ServerActions[A]['input'] extends z.ZodMiniType ? A : never }[ActionId];
/** The request body of an action, as the SPA sends it. */
export type ActionBody<A extends ActionId> = ServerActions[A]['input'] extends z.ZodMiniType ? z.input<ServerActions[A]['input']> : Record<string, never>;

/** An action's definition, as code that reads any action sees it. */
export function actionDefinition(action: ActionId): ActionDefinition {
  return serverActions[action];
}

export function takesInput(action: ActionId): action is ActionWithInput {
  return serverActions[action].input !== undefined;
}

const stepWords = new Map<string, string>(Object.values(serverActions).flatMap((a) => a.steps));

/** A task_state in words, for a task's `step`. */
export function stepLabel(taskState: string): string {
  return stepWords.get(taskState) ?? taskState.replace(/[_-]+/g, ' ');
}

/** The body of `POST /servers/{id}/action` for an action and its already validated input. */
export function novaActionBody(action: ActionId, input: unknown, atLeast: (version: string) => boolean): Record<string, unknown> {
  const { novaBody } = serverActions[action] as Definition<z.ZodMiniType | undefined>;
  return novaBody(input as never, atLeast);
}
