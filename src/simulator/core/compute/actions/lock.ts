/**
 * lock and unlock (nova/compute/api.py lock/unlock): no state guard, an `api_*` event recorded
 * inside the request. Who locked is kept but never shown; it decides who may unlock.
 */
import type { Server } from '../model';
import { accepted, type ActionContext, type ActionResult } from './context';
import { admit } from './guard-table';
import { apiEvent, recordAction } from './instance-actions';
import { actionSchema } from './parameter-types';
import type { Schema } from './schema';

export const lockSchema: Schema = actionSchema('lock');
export const lockSchemaV273: Schema = actionSchema('lock', {
  type: ['object', 'null'],
  properties: { locked_reason: { type: 'string', minLength: 1, maxLength: 255 } },
  additionalProperties: false,
});

export function lock(ctx: ActionContext, server: Server, value: { locked_reason?: string } | null): ActionResult {
  admit('lock', server, ctx.caller);
  const isOwner = server.projectId === ctx.caller.projectId;
  // "Only update the lock if we are an admin (non-owner)": the owner's re-lock changes nothing.
  if (server.locked && isOwner) return accepted;
  // Before 2.73 the body is not read at all.
  const reason = ctx.microversion.atLeast('2.73') ? value?.locked_reason : undefined;
  const record = recordAction(ctx.cloud.compute, server, 'lock', ctx.caller, ctx.requestId, ctx.now);
  server.locked = true;
  server.lockedBy = isOwner ? 'owner' : 'admin';
  if (reason) server.lockedReason = reason;
  server.updatedAt = ctx.now;
  apiEvent(record, 'api_lock', ctx.now);
  return accepted;
}

export function unlock(ctx: ActionContext, server: Server): ActionResult {
  admit('unlock', server, ctx.caller);
  const record = recordAction(ctx.cloud.compute, server, 'unlock', ctx.caller, ctx.requestId, ctx.now);
  server.locked = false;
  server.lockedBy = null;
  server.lockedReason = null;
  server.updatedAt = ctx.now;
  apiEvent(record, 'api_unlock', ctx.now);
  return accepted;
}
