/**
 * os-instance-actions as Nova's database keeps them (nova/db/main/api.py): an action per request,
 * events that start and finish on it, `updated_at` following the latest event and `message`
 * turning to 'Error' once an event fails.
 */
import type { ComputeStore, InstanceAction, InstanceActionEvent, Server } from '../model';
import { invalidRequest } from './errors';
import { failure, type TaskFailure } from './failures';

/** Who made the request; the action records their user and project, as Nova's context gives them. */
export interface ActionCaller {
  userId: string;
  projectId: string;
  isAdmin: boolean;
  roles: readonly string[];
}

export function recordAction(store: ComputeStore, server: Server, action: string, caller: ActionCaller, requestId: string, at: number): InstanceAction {
  const record: InstanceAction = {
    requestId,
    serverId: server.id,
    action,
    userId: caller.userId,
    projectId: caller.projectId,
    startTime: at,
    updatedAt: at,
    message: null,
    events: [],
  };
  const list = store.actions.get(server.id);
  if (list) list.push(record);
  else store.actions.set(server.id, [record]);
  return record;
}

export function startEvent(record: InstanceAction, name: string, host: string | null, at: number): InstanceActionEvent {
  const event: InstanceActionEvent = { event: name, startTime: at, finishTime: null, result: null, traceback: null, host, details: null };
  record.events.push(event);
  record.updatedAt = at;
  return event;
}

export function finishEvent(record: InstanceAction, event: InstanceActionEvent, at: number, failed?: TaskFailure): void {
  event.finishTime = at;
  event.result = failed ? 'Error' : 'Success';
  if (failed) {
    event.traceback = failed.traceback;
    event.details = failed.message;
    record.message = 'Error';
  }
  record.updatedAt = at;
}

/** An event that starts and finishes inside the API call, such as `api_lock`. */
export function apiEvent(record: InstanceAction, name: string, at: number): void {
  finishEvent(record, startEvent(record, name, apiHost, at), at);
}

/** Where Nova's API and conductor services run; action events name the host that ran them. */
export const apiHost = 'controller-01';

export function runningEvents(record: InstanceAction): InstanceActionEvent[] {
  return record.events.filter((event) => event.finishTime === null);
}

/**
 * Ends, as failed, the events of a task that a new one cut short (a hard reboot over a soft one,
 * a delete during any task): the work they stood for never completed.
 */
export function abandonRunningEvents(store: ComputeStore, serverId: string, at: number): void {
  const cut = failure('The task was interrupted by a later request on the instance', 'nova.exception.InstanceInvalidState');
  for (const record of store.actions.get(serverId) ?? []) {
    for (const event of runningEvents(record)) finishEvent(record, event, at, cut);
  }
}

export interface ActionQuery {
  /** Already clamped to Nova's max_limit; none (before 2.58) lists everything. */
  limit?: number | undefined;
  /** A request_id of this server. */
  marker?: string | undefined;
  changesSince?: number | undefined;
  changesBefore?: number | undefined;
}

/**
 * One page of a server's actions, newest first (created_at desc, then id desc, which is insertion
 * order reversed). The marker is looked up before the time filters, as Nova's pager does.
 */
export function listActions(store: ComputeStore, serverId: string, query: ActionQuery = {}): InstanceAction[] {
  if (query.limit === 0) return [];
  const newestFirst = [...(store.actions.get(serverId) ?? [])].reverse().sort((a, b) => b.startTime - a.startTime);
  let from = 0;
  if (query.marker !== undefined) {
    const at = newestFirst.findIndex((record) => record.requestId === query.marker);
    // Nova's db api overwrites `marker` with the failed lookup before raising, so it says None.
    if (at < 0) throw invalidRequest('Marker None could not be found.');
    from = at + 1;
  }
  const { changesSince = -Infinity, changesBefore = Infinity } = query;
  return newestFirst
    .slice(from)
    .filter((record) => record.updatedAt >= changesSince && record.updatedAt <= changesBefore)
    .slice(0, query.limit);
}

export function findAction(store: ComputeStore, serverId: string, requestId: string): InstanceAction | undefined {
  return (store.actions.get(serverId) ?? []).findLast((record) => record.requestId === requestId);
}
