import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Task } from '../../domain/api';
import { type ActionId, failedEvent, type NovaServer, observeTask, stepLabel, taskSteps } from '../../domain/compute';
import type { CloudRegistry } from '../clouds';
import { AppError } from '../errors';
import { isOutage, serviceLabels } from '../openstack/errors';
import { GlanceClient } from '../openstack/glance';
import { NovaClient } from '../openstack/nova';
import type { Session, SessionStore } from '../sessions/store';

export interface TaskEventPayload {
  task: Task;
  /** The server as the poll saw it; each session renders its own view of it. */
  server?: NovaServer;
}

type Listener = (event: TaskEventPayload) => void;

interface Tracked {
  task: Task;
  sessionId: string;
  /** The project the task's server lives in: only a token scoped to it can follow the task. */
  projectId: string;
  /** The region whose Nova runs the server: followed there whatever region the session moves to. */
  region: string;
  /** The Glance image a snapshot creates. */
  imageId?: string;
}

/** One poller per server in flight, whatever the number of sessions and tabs watching it. */
interface Watch {
  cloudId: string;
  region: string;
  serverId: string;
  taskIds: Set<string>;
  delay: number;
  timer: NodeJS.Timeout | undefined;
  /** The snapshot's server task is over: only its image is polled now. */
  lastTaskState: string | null | undefined;
}

export interface PollTiming {
  /** First poll after an action, and again after any change: about 1 s. */
  minMs: number;
  /** Backed off to this when nothing moves: about 10 s. */
  maxMs: number;
  factor: number;
}

export const defaultPollTiming: PollTiming = { minMs: 1000, maxMs: 10_000, factor: 1.5 };

/**
 * Follows every task upstream and tells the sessions that own them (architecture.md, "Tasks").
 * A poll uses the token of a session that owns a task on that server, so nobody watches a server
 * they could not read themselves. Nothing polls when nothing is in flight.
 */
export class TaskTracker {
  private readonly tasks = new Map<string, Tracked>();
  private readonly watches = new Map<string, Watch>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private closed = false;
  /** Upstream server polls made so far: what the one-poll-per-server rule is measured by. */
  polls = 0;

  constructor(
    private readonly clouds: CloudRegistry,
    private readonly sessions: SessionStore,
    private readonly log: FastifyBaseLogger,
    private readonly timing: PollTiming = defaultPollTiming,
  ) {}

  /** Registers the task of an action Nova has just accepted and starts watching its server. */
  start(session: Session, details: { serverId: string; serverName: string; action: ActionId; requestId: string | null; imageId?: string | undefined }): Task {
    const firstStep = taskSteps(details.action)[0];
    const task: Task = {
      id: randomUUID(),
      serverId: details.serverId,
      serverName: details.serverName,
      action: details.action,
      requestId: details.requestId,
      state: 'running',
      step: firstStep ? stepLabel(firstStep) : 'Sent to Nova',
      progress: 0,
      startedAt: new Date().toISOString(),
    };
    this.tasks.set(task.id, { task, sessionId: session.id, projectId: session.project.id, region: session.region, ...(details.imageId && { imageId: details.imageId }) });
    this.watch(session.cloudId, session.region, details.serverId, task.id);
    this.emit(session.id, { task });
    return task;
  }

  /** This session's tasks: running first, then the newest. */
  list(sessionId: string): Task[] {
    return [...this.tasks.values()]
      .filter((t) => t.sessionId === sessionId)
      .map((t) => t.task)
      .sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || b.startedAt.localeCompare(a.startedAt));
  }

  get(sessionId: string, id: string): Task | undefined {
    const tracked = this.tasks.get(id);
    return tracked?.sessionId === sessionId ? tracked.task : undefined;
  }

  /** The task this session is running on the server, which disables its other actions. */
  running(sessionId: string, serverId: string): { action: ActionId } | undefined {
    for (const t of this.tasks.values()) {
      if (t.sessionId === sessionId && t.task.serverId === serverId && t.task.state === 'running') return { action: t.task.action };
    }
    return undefined;
  }

  subscribe(sessionId: string, listener: Listener): () => void {
    let set = this.listeners.get(sessionId);
    if (!set) this.listeners.set(sessionId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Drops a session's tasks (at logout). */
  forget(sessionId: string): void {
    for (const [id, t] of this.tasks) if (t.sessionId === sessionId) this.tasks.delete(id);
    this.listeners.delete(sessionId);
  }

  /**
   * A scope change replaced session `from` by `to`: its tasks stay with the session (listed and
   * pushed under the new id). A running task of another project than `to`'s cannot be polled with
   * its token, so it is not followed (it keeps its last step) until the session switches back to
   * that project; one of another region goes on being polled in its own region. The old session's event streams end at their next keep-alive (its id is gone);
   * the browser reconnects with the new cookie.
   */
  move(from: string, to: Session): void {
    for (const [id, t] of this.tasks) {
      if (t.sessionId !== from) continue;
      t.sessionId = to.id;
      if (t.task.state === 'running' && t.projectId === to.project.id) this.watch(to.cloudId, t.region, t.task.serverId, id);
    }
    this.listeners.delete(from);
  }

  /** How many servers are being polled: zero when nothing is in flight. */
  get watching(): number {
    return this.watches.size;
  }

  close(): void {
    this.closed = true;
    for (const w of this.watches.values()) clearTimeout(w.timer);
    this.watches.clear();
  }

  private watch(cloudId: string, region: string, serverId: string, taskId: string): void {
    const key = watchKey({ cloudId, region, serverId });
    const existing = this.watches.get(key);
    if (existing) {
      existing.taskIds.add(taskId);
      this.schedule(existing, this.timing.minMs);
      return;
    }
    const watch: Watch = { cloudId, region, serverId, taskIds: new Set([taskId]), delay: this.timing.minMs, timer: undefined, lastTaskState: undefined };
    this.watches.set(key, watch);
    this.schedule(watch, this.timing.minMs);
  }

  private schedule(watch: Watch, delay: number): void {
    if (this.closed) return;
    clearTimeout(watch.timer);
    watch.delay = delay;
    watch.timer = setTimeout(() => void this.poll(watch), delay);
    watch.timer.unref();
  }

  /** A session that owns a task on the server, in the region of the watch (its token holds for every region). */
  private async pollerSession(watch: Watch): Promise<Session | undefined> {
    for (const id of watch.taskIds) {
      const tracked = this.tasks.get(id);
      const session = tracked && (await this.sessions.get(tracked.sessionId));
      if (session && session.project.id === tracked.projectId) return { ...session, region: watch.region };
    }
    return undefined;
  }

  private async poll(watch: Watch): Promise<void> {
    const cloud = this.clouds.get(watch.cloudId);
    const session = await this.pollerSession(watch);
    const running = [...watch.taskIds].map((id) => this.tasks.get(id)).filter((t): t is Tracked => t?.task.state === 'running');
    if (!cloud || !session || running.length === 0) return this.unwatch(watch);

    const log = this.log.child({ serverId: watch.serverId });
    const nova = new NovaClient(cloud, session, log);
    let server: NovaServer | 'gone';
    this.polls += 1;
    const backOff = () => this.schedule(watch, Math.min(this.timing.maxMs, watch.delay * this.timing.factor));
    try {
      server = await nova.getServer(watch.serverId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) server = 'gone';
      else {
        log.warn({ err: error }, 'task poll failed; trying again later');
        if (isOutage(error)) for (const tracked of running) this.wait(tracked, 'compute', error);
        return backOff();
      }
    }

    const taskState = server === 'gone' ? null : server['OS-EXT-STS:task_state'];
    const moved = taskState !== watch.lastTaskState;
    watch.lastTaskState = taskState;
    try {
      for (const tracked of running) await this.advance(tracked, server, nova, new GlanceClient(cloud, session, log));
    } catch (error) {
      log.warn({ err: error }, 'task poll failed; trying again later');
      return backOff();
    }

    if (running.every((t) => t.task.state !== 'running')) return this.unwatch(watch);
    if (moved) this.schedule(watch, this.timing.minMs);
    else backOff();
  }

  private async advance(tracked: Tracked, server: NovaServer | 'gone', nova: NovaClient, glance: GlanceClient): Promise<void> {
    const { task } = tracked;
    const snapshotUploaded = task.action === 'snapshot' && server !== 'gone' && server['OS-EXT-STS:task_state'] === null;
    let imageStatus: string | undefined;
    if (snapshotUploaded && tracked.imageId) {
      try {
        imageStatus = (await glance.image(tracked.imageId))?.status ?? 'deleted';
      } catch (error) {
        if (!isOutage(error)) throw error;
        return this.wait(tracked, 'image', error);
      }
    }
    let next = observeTask(task.action, { server, imageStatus }, task.progress);

    // A failure can leave the server looking fine (a soft reboot falls back to active): the
    // action's events have the last word.
    if (next.state === 'succeeded' && task.requestId && server !== 'gone') {
      const failure = failedEvent(await nova.instanceAction(server.id, task.requestId).catch(() => undefined));
      if (failure) next = { state: 'failed', step: 'Failed', progress: next.progress, message: server.fault?.message ?? failure };
    }
    if (next.state === 'failed' && next.message === undefined) next = { ...next, message: 'The action failed.' };

    // An answer ends any wait for the service, even when the task itself has not moved.
    const changed = next.state !== task.state || next.step !== task.step || next.progress !== task.progress || task.waiting !== undefined;
    if (!changed) return;
    const { waiting: _answered, ...rest } = task;
    const updated: Task = {
      ...rest,
      state: next.state,
      step: next.step,
      progress: next.progress,
      ...(next.state !== 'running' && { finishedAt: new Date().toISOString() }),
      ...(next.message && { message: next.message }),
    };
    tracked.task = updated;
    this.emit(tracked.sessionId, { task: updated, ...(server !== 'gone' && { server }) });
  }

  /**
   * The task's service is down: the task still runs (Nova goes on without us), and its owner is
   * told that it is waiting rather than left with a step that no longer moves. Told once per wait.
   */
  private wait(tracked: Tracked, service: NonNullable<Task['waiting']>['service'], error: AppError): void {
    const why = error.code === 'upstream.unavailable' ? 'cannot be reached' : 'is failing';
    const waiting = { service, message: `${serviceLabels[service]} ${why}; still trying.` };
    const { task } = tracked;
    if (task.waiting?.service === waiting.service && task.waiting.message === waiting.message) return;
    tracked.task = { ...task, waiting };
    this.emit(tracked.sessionId, { task: tracked.task });
  }

  private unwatch(watch: Watch): void {
    clearTimeout(watch.timer);
    this.watches.delete(watchKey(watch));
  }

  private emit(sessionId: string, event: TaskEventPayload): void {
    for (const listener of this.listeners.get(sessionId) ?? []) listener(event);
  }
}

/** Server ids are unique within one region's Nova only. */
function watchKey({ cloudId, region, serverId }: Pick<Watch, 'cloudId' | 'region' | 'serverId'>): string {
  return `${cloudId}/${region}/${serverId}`;
}
