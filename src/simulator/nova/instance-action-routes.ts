import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { type ActionQuery, findAction, listActions } from '../core/compute/actions';
import { type InstanceAction, type InstanceActionEvent, type Server, settle } from '../core/compute/model';
import { asNova } from './action-routes';
import { badRequest, notFound } from './faults';
import { NovaLinks } from './links';
import { findServer } from './lookup';
import { collectionLinks, readPaging } from './paging';
import { invalidQueryParam, lastValue, parseIsoTime, pyRepr, queryOf, rejectUnknownParams } from './query';
import { hostId } from './views/host-id';
import { naiveTime } from './views/time';

/**
 * os-instance-actions (nova/api/openstack/compute/instance_actions.py): the list, pageable from
 * 2.58, and one action with its events shown by role and microversion.
 */
export function registerInstanceActionRoutes(app: FastifyInstance, cloud: SimulatedCloud): void {
  app.get<{ Params: { id: string } }>('/servers/:id/os-instance-actions', async (request) => {
    const server = serverOf(cloud, request, request.params.id);
    const mv = request.microversion;
    if (!mv.atLeast('2.58')) return { instanceActions: listActions(cloud.compute, server.id).map((a) => renderAction(a, false)) };
    const query = readQuery(request);
    const page = asNova(() => listActions(cloud.compute, server.id, query));
    const paging = { limit: query.limit ?? 0, marker: query.marker };
    const path = `servers/${request.params.id}/os-instance-actions`;
    const links = collectionLinks(new NovaLinks(request), request, path, paging, page.map((a) => ({ id: a.requestId })));
    return { instanceActions: page.map((a) => renderAction(a, true)), ...(links.length > 0 && { links }) };
  });

  app.get<{ Params: { id: string; requestId: string } }>('/servers/:id/os-instance-actions/:requestId', async (request) => {
    const server = serverOf(cloud, request, request.params.id);
    const action = findAction(cloud.compute, server.id, request.params.requestId);
    if (!action) throw notFound(`Action ${request.params.requestId} not found`);
    return { instanceAction: renderShown(action, request) };
  });
}

/** Before 2.21 a deleted server is not found; from 2.21 Nova reads with read_deleted=yes. */
function serverOf(cloud: SimulatedCloud, request: FastifyRequest, id: string): Server {
  if (!request.microversion.atLeast('2.21')) return findServer(cloud, request, id);
  settle(cloud.compute, cloud.clock.now());
  const server = cloud.compute.servers.get(id);
  if (!server || !(request.caller.isAdmin || server.projectId === request.caller.projectId)) throw notFound(`Instance ${id} could not be found.`);
  return server;
}

/** The 2.58 query schema (2.66 adds changes-before), then the controller's own time check. */
function readQuery(request: FastifyRequest): ActionQuery {
  const query = queryOf(request);
  const names = ['limit', 'marker', 'changes-since', ...(request.microversion.atLeast('2.66') ? ['changes-before'] : [])];
  for (const name of names) {
    const values = query.getAll(name);
    if (values.length > 1) throw invalidQueryParam(name, pyList(values), `${pyList(values)} is too long`);
  }
  rejectUnknownParams(query, (name) => names.includes(name));
  const { limit, marker } = readPaging(query);
  const time = (name: string): number | undefined => {
    const text = lastValue(query, name);
    if (text === undefined) return undefined;
    const at = parseIsoTime(text);
    if (at === undefined) throw invalidQueryParam(name, text, `${pyRepr(text)} is not a 'date-time'`);
    return at;
  };
  const changesSince = time('changes-since');
  const changesBefore = time('changes-before');
  if (changesSince !== undefined && changesBefore !== undefined && changesBefore < changesSince) {
    throw badRequest('The value of changes-since must be less than or equal to changes-before.');
  }
  return { limit, marker, changesSince, changesBefore };
}

const pyList = (values: string[]) => `[${values.map(pyRepr).join(', ')}]`;

function renderAction(action: InstanceAction, withUpdatedAt: boolean): Record<string, unknown> {
  return {
    action: action.action,
    instance_uuid: action.serverId,
    request_id: action.requestId,
    user_id: action.userId,
    project_id: action.projectId,
    start_time: naiveTime(action.startTime),
    message: action.message,
    ...(withUpdatedAt && { updated_at: naiveTime(action.updatedAt) }),
  };
}

/**
 * Events by policy and microversion: admins always see them with `traceback` (and `host` from
 * 2.62, `details` from 2.84); others only from 2.51, without either. `hostId` is for all from 2.62.
 */
function renderShown(action: InstanceAction, request: FastifyRequest): Record<string, unknown> {
  const mv = request.microversion;
  const { isAdmin } = request.caller;
  const body = renderAction(action, mv.atLeast('2.58'));
  if (!isAdmin && !mv.atLeast('2.51')) return body;
  const renderEvent = (event: InstanceActionEvent): Record<string, unknown> => ({
    event: event.event,
    start_time: naiveTime(event.startTime),
    finish_time: naiveTime(event.finishTime),
    result: event.result,
    ...(isAdmin && { traceback: event.traceback }),
    ...(isAdmin && mv.atLeast('2.62') && { host: event.host }),
    ...(mv.atLeast('2.62') && { hostId: hostId(event.host, action.projectId) }),
    ...(isAdmin && mv.atLeast('2.84') && { details: event.details }),
  });
  // Nova lists events newest first (created_at desc, id desc).
  return { ...body, events: [...action.events].reverse().map(renderEvent) };
}
