/**
 * Nova's state, held as Nova holds it (instances with vm_state/task_state/power_state, flavors,
 * instance actions with events). Wire rendering per microversion lives in src/simulator/nova.
 * Times are epoch milliseconds from the cloud's clock.
 */

export type VmState =
  | 'active'
  | 'building'
  | 'paused'
  | 'suspended'
  | 'stopped'
  | 'rescued'
  | 'resized'
  | 'soft-delete'
  | 'deleted'
  | 'error'
  | 'shelved'
  | 'shelved_offloaded';

/** Nova's power_state integers. */
export const PowerState = { NOSTATE: 0, RUNNING: 1, PAUSED: 3, SHUTDOWN: 4, CRASHED: 6, SUSPENDED: 7 } as const;
export type PowerStateValue = (typeof PowerState)[keyof typeof PowerState];

export interface Flavor {
  /** Nova's `flavorid`, the id clients see. */
  id: string;
  name: string;
  vcpus: number;
  ramMb: number;
  diskGb: number;
  ephemeralGb: number;
  swapMb: number;
  isPublic: boolean;
  disabled: boolean;
  description: string | null;
  extraSpecs: Record<string, string>;
}

export interface Fault {
  code: number;
  message: string;
  details?: string;
  created: number;
}

/** One step of a task in flight: at `at`, the server takes these values (task_state null ends it). */
export interface TaskStep {
  at: number;
  taskState: string | null;
  vmState?: VmState;
  powerState?: PowerStateValue;
  progress?: number;
  /** Applied with the step, e.g. the new flavor of a resize or the event that finishes. */
  apply?: (server: Server) => void;
}

export interface Server {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  createdAt: number;
  updatedAt: number;
  /** null for a server that never booted (ERROR during build): actions needing it fail on `launched_at`. */
  launchedAt: number | null;
  terminatedAt: number | null;
  deletedAt: number | null;
  vmState: VmState;
  taskState: string | null;
  powerState: PowerStateValue;
  progress: number;
  flavorId: string;
  /** The flavor before a resize, kept while the server is in `resized` so a revert can go back. */
  oldFlavorId: string | null;
  /** '' for a server booted from a volume, as Nova renders `image`. */
  imageId: string;
  /** The compute host; null when the server has none (never scheduled). hostId derives from it. */
  host: string | null;
  availabilityZone: string;
  keyName: string | null;
  metadata: Record<string, string>;
  description: string | null;
  tags: string[];
  locked: boolean;
  /** Kept inside, as Nova does, and never rendered: it decides who may unlock. */
  lockedBy: 'owner' | 'admin' | null;
  lockedReason: string | null;
  securityGroups: string[];
  volumesAttached: Array<{ id: string; deleteOnTermination: boolean }>;
  /**
   * Ports the user brought to the boot (`networks: [{port}]`): a delete hands them back unbound
   * instead of deleting them, as Nova's network info cache marks them `preserve_on_delete`.
   */
  preservedPortIds: string[];
  fault: Fault | null;
  accessIPv4: string;
  accessIPv6: string;
  configDrive: string;
  /** Steps still to come for the task in flight, earliest first; empty when idle. */
  pendingSteps: TaskStep[];
}

/** The simulated cloud's compute hosts, all in the zone `nova`. */
export const computeHosts: readonly string[] = Array.from({ length: 24 }, (_, i) => `compute-${String(i + 1).padStart(2, '0')}`);
export const availabilityZone = 'nova';

export interface InstanceActionEvent {
  event: string;
  startTime: number;
  finishTime: number | null;
  result: 'Success' | 'Error' | null;
  traceback: string | null;
  host: string | null;
  details: string | null;
}

export interface InstanceAction {
  requestId: string;
  serverId: string;
  action: string;
  userId: string;
  projectId: string;
  startTime: number;
  updatedAt: number;
  /** null, or 'Error' once any event failed. */
  message: string | null;
  events: InstanceActionEvent[];
}

export interface ComputeStore {
  flavors: Map<string, Flavor>;
  /** Insertion order is creation order; listings sort explicitly. */
  servers: Map<string, Server>;
  /** By server id, oldest first. */
  actions: Map<string, InstanceAction[]>;
  /** Servers with `pendingSteps`, so settling visits only those. */
  inFlight: Set<string>;
  /** Per-project quota limits, as GET /limits reports them (`-1` unlimited). */
  quota: { instances: number; cores: number; ramMb: number; keyPairs: number; serverGroups: number; serverGroupMembers: number; metadataItems: number };
}

export function createComputeStore(): ComputeStore {
  return {
    flavors: new Map(),
    servers: new Map(),
    actions: new Map(),
    inFlight: new Set(),
    quota: { instances: 50, cores: 100, ramMb: 256 * 1024, keyPairs: 100, serverGroups: 10, serverGroupMembers: 10, metadataItems: 128 },
  };
}

/**
 * Applies every step that is due on the clock. The simulator has no timers: state moves forward
 * lazily whenever anything reads it, which works the same with wall time and a virtual clock.
 */
export function settle(store: ComputeStore, now: number): void {
  for (const id of store.inFlight) {
    const server = store.servers.get(id);
    if (!server) {
      store.inFlight.delete(id);
      continue;
    }
    while (server.pendingSteps.length > 0 && (server.pendingSteps[0] as TaskStep).at <= now) {
      const step = server.pendingSteps.shift() as TaskStep;
      server.taskState = step.taskState;
      if (step.vmState) server.vmState = step.vmState;
      if (step.powerState !== undefined) server.powerState = step.powerState;
      if (step.progress !== undefined) server.progress = step.progress;
      step.apply?.(server);
      server.updatedAt = step.at;
    }
    if (server.pendingSteps.length === 0) store.inFlight.delete(id);
  }
}
