import type { QueryClient } from '@tanstack/react-query';
import { actionResponseSchema, apiPaths, type ActionBody, type ActionResponse } from '../domain/api';
import type { ActionId } from '../domain/compute';
import { apiRequest } from './api-client';
import { appEvents } from './app-events';
import { isApiError } from './errors';

export type ActionRequestBody = Partial<ActionBody<'resize'> & ActionBody<'rescue'> & ActionBody<'lock'> & ActionBody<'snapshot'> & ActionBody<'rebuild'>>;

/** The body each accepted task was started with, minus secrets: what "Try again" sends again. */
const remembered = new WeakMap<QueryClient, Map<string, ActionRequestBody>>();

/**
 * The one way the SPA posts a server action (`POST /api/servers/:id/actions/:action`). The task
 * Nova's 202 starts goes on the app's event bus at once (the tasks list shows it before the event
 * stream does), and the server's row is read again (it now has a task in flight); so is a row
 * that Nova's refusal shows to be out of date (409, 404). The password rescue and rebuild return is handed to the caller only: it
 * is never kept here, in a query cache or in a store.
 */
export async function postServerAction(client: QueryClient, serverId: string, action: ActionId, body: ActionRequestBody = {}): Promise<ActionResponse> {
  let response: ActionResponse;
  try {
    response = await apiRequest(apiPaths.serverAction(serverId, action), { method: 'POST', body, schema: actionResponseSchema });
  } catch (error) {
    if (isApiError(error) && (error.status === 409 || error.status === 404)) appEvents(client).emit('server-stale', { serverId });
    throw error;
  }
  const { password: _secret, ...kept } = body;
  let bodies = remembered.get(client);
  if (!bodies) remembered.set(client, (bodies = new Map()));
  bodies.set(response.task.id, kept);
  appEvents(client).emit('task', { task: response.task });
  // The row now has a task in flight and its actions wait for it: read it at once rather than at
  // the stream's first event.
  appEvents(client).emit('server-stale', { serverId });
  return response;
}

/** The body a task of this tab was started with (without any password), if this tab started it. */
export function rememberedActionBody(client: QueryClient, taskId: string): ActionRequestBody | undefined {
  return remembered.get(client)?.get(taskId);
}

/** A snapshot's name unless the user picks one: `web-01-snapshot-2026-11-23`. */
export function defaultSnapshotName(serverName: string, now: Date = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `${serverName}-snapshot-${day}`;
}
