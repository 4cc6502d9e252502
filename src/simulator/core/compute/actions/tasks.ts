/**
 * Turns a TaskPlan into the server's first task_state (written now, inside the request, as Nova's
 * API does, so a client polling at once sees the task) and the timed steps that `settle()` applies
 * later, with the instance action and its events moving along. There are no timers: the clock
 * and the next read decide what has happened.
 */
import type { InstanceAction, InstanceActionEvent, Server, TaskStep } from '../model';
import type { ActionContext } from './context';
import { takeFailure, type TaskFailure } from './failures';
import { abandonRunningEvents, apiHost, finishEvent, recordAction, runningEvents, startEvent } from './instance-actions';
import { phaseMs, type TaskPlan } from './plans';
import { syncPortStatus } from './ports';

export interface TaskHooks {
  /** Runs with the last step, for outcomes that depend on the server (a new flavor, a power state). */
  finish?(server: Server, at: number): void;
  /** Runs when an injected failure fires, for what a failure undoes (a snapshot's image). */
  failed?(server: Server, at: number): void;
}

export interface StartedTask {
  record: InstanceAction;
  /** When the task ends on the clock, failed or not. */
  endsAt: number;
  /** Set when an armed failure will end this task. */
  failure: TaskFailure | undefined;
}

export function startTask(ctx: ActionContext, server: Server, plan: TaskPlan, hooks: TaskHooks = {}): StartedTask {
  const { cloud, now } = ctx;
  const store = cloud.compute;
  if (server.pendingSteps.length > 0) {
    abandonRunningEvents(store, server.id, now);
    server.pendingSteps = [];
  }
  const record = recordAction(store, server, plan.action, ctx.caller, ctx.requestId, now);
  const before = { vmState: server.vmState, powerState: server.powerState };
  const failure = takeFailure(server, plan.action);
  const profile = cloud.computeProfile;

  // bounds[i] is when phase i starts; bounds[phases.length] is when the task ends.
  const bounds = [now];
  for (const phase of plan.phases) bounds.push((bounds.at(-1) as number) + phaseMs(phase, profile));
  const end = bounds.length - 1;
  const moveEvents = eventMover(record, plan, server.host);

  // What the API writes before answering.
  const first = plan.phases[0];
  server.taskState = first?.taskState ?? null;
  if (first?.vmState) server.vmState = first.vmState;
  if (first?.powerState !== undefined) server.powerState = first.powerState;
  if (plan.movesProgress) server.progress = 0;
  server.updatedAt = now;
  moveEvents(0, now);

  const steps: TaskStep[] = plan.phases.slice(1).map((phase, index) => ({
    at: bounds[index + 1] as number,
    taskState: phase.taskState,
    ...(phase.vmState && { vmState: phase.vmState }),
    ...(phase.powerState !== undefined && { powerState: phase.powerState }),
    apply: () => moveEvents(index + 1, bounds[index + 1] as number),
  }));
  const endsAt = bounds[end] as number;
  const movesProgress = plan.movesProgress === true && profile === 'progress';
  steps.push({
    at: endsAt,
    taskState: null,
    ...(plan.ends?.vmState && { vmState: plan.ends.vmState }),
    ...(plan.ends?.powerState !== undefined && { powerState: plan.ends.powerState }),
    ...(movesProgress && { progress: 100 }),
    apply: (s) => {
      moveEvents(end, endsAt);
      hooks.finish?.(s, endsAt);
      syncPortStatus(cloud.network, s, endsAt);
    },
  });
  if (movesProgress) steps.push(...progressTicks(plan, bounds));

  // A failure drops whatever would have come after its moment.
  const failed = failure && failureStep(plan, bounds, failure, before, (s, at) => {
    for (const event of runningEvents(record)) finishEvent(record, event, at, failure);
    hooks.failed?.(s, at);
    syncPortStatus(cloud.network, s, at);
  });
  const schedule = failed ? [...steps.filter((step) => step.at < failed.at), failed] : steps;
  server.pendingSteps = schedule.sort((a, b) => a.at - b.at);
  store.inFlight.add(server.id);
  return { record, endsAt: failed ? failed.at : endsAt, failure };
}

/** Starts and finishes the plan's events on boundary `i` (phase i's start), finishing first. */
function eventMover(record: InstanceAction, plan: TaskPlan, computeHost: string | null): (i: number, at: number) => void {
  const running = new Map<string, InstanceActionEvent>();
  return (i, at) => {
    for (const planned of plan.events) {
      const event = running.get(planned.name);
      if (planned.span[1] + 1 === i && event) finishEvent(record, event, at);
    }
    for (const planned of plan.events) {
      if (planned.span[0] === i) running.set(planned.name, startEvent(record, planned.name, planned.on === 'compute' ? computeHost : apiHost, at));
    }
  };
}

/**
 * The step that ends a failing task halfway through its failing event, with Nova's fault and the
 * vm_state the plan names (`previous`: the vm and power state the task started from).
 */
function failureStep(plan: TaskPlan, bounds: number[], failure: TaskFailure, before: Pick<Server, 'vmState' | 'powerState'>, apply: (server: Server, at: number) => void): TaskStep {
  const span = plan.events.find((e) => e.name === plan.fails)?.span ?? [0, plan.phases.length - 1];
  const from = bounds[span[0]] as number;
  const at = Math.round(from + ((bounds[span[1] + 1] as number) - from) / 2);
  return {
    at,
    taskState: null,
    ...(plan.afterFailure === 'previous' ? before : { vmState: plan.afterFailure }),
    apply: (server) => {
      server.fault = { code: 500, message: failure.message, details: failure.traceback, created: at };
      apply(server, at);
    },
  };
}

/** `progress` in tenths of the task, each tick keeping the task_state of the phase it falls in. */
function progressTicks(plan: TaskPlan, bounds: number[]): TaskStep[] {
  const start = bounds[0] as number;
  const total = (bounds.at(-1) as number) - start;
  return Array.from({ length: 9 }, (_, k) => {
    const at = Math.round(start + ((k + 1) * total) / 10);
    const phase = plan.phases.findLastIndex((_p, i) => (bounds[i] as number) <= at);
    return { at, taskState: plan.phases[phase]?.taskState ?? null, progress: (k + 1) * 10 };
  });
}
