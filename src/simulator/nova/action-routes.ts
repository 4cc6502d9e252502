import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import type { Server } from '../core/compute/model';
import { type ActionContext, type ActionResult, ComputeError, createServers, deleteServer, readActionRequest, readCreateRequest } from '../core/compute/actions';
import { NovaFault, notFound } from './faults';
import { NovaLinks } from './links';
import { findServer } from './lookup';
import { autoDiskConfig, renderServer } from './views/server';

/** What Nova reads as JSON (wsgi.Request.get_content_type); none or text/plain count as JSON. */
const mappingFirst = new Set(['os-start', 'os-stop']);

const jsonTypes = new Set(['application/json', 'application/vnd.openstack.compute+json', 'text/plain']);

/**
 * `POST /servers`, `POST /servers/{id}/action` and `DELETE /servers/{id}`. Bodies are read raw so
 * that Nova's own order holds: the body and its schema are judged (400) before the server is
 * looked up (404), then the policy (403) and the guards (409) inside the action.
 */
export function registerActionRoutes(app: FastifyInstance, cloud: SimulatedCloud): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post<{ Body: string | undefined }>('/servers', async (request, reply) => {
      const body = asNova(() => readCreateRequest(jsonBody(request), request.microversion));
      const { servers, adminPass } = asNova(() => createServers(actionContext(cloud, request, reply), body));
      const server = servers[0] as Server;
      const links = new NovaLinks(request).resource('servers', server.id);
      const requestedDisk = body.server['OS-DCF:diskConfig'];
      const image = cloud.images.images.get(server.imageId);
      const created = {
        id: server.id,
        links,
        'OS-DCF:diskConfig': requestedDisk ?? (autoDiskConfig(image) ? 'AUTO' : 'MANUAL'),
        // Nova echoes the request's groups as they were written, and `default` when there were none.
        security_groups: body.server.security_groups ?? [{ name: 'default' }],
        adminPass,
      };
      return reply.code(202).header('location', links[0]?.href).send({ server: created });
    });
    scope.post<{ Params: { id: string }; Body: string | undefined }>('/servers/:id/action', async (request, reply) => {
      const { key, action, value } = asNova(() => readActionRequest(jsonBody(request), request.microversion));
      // Start and stop read the instance mapping first (servers.py::_get_instance), so an id that
      // never was a server is worded as a missing mapping.
      if (mappingFirst.has(key) && !cloud.compute.servers.has(request.params.id)) throw notFound(`Instance ${request.params.id} has no mapping to a cell.`);
      const server = findServer(cloud, request, request.params.id);
      const result = asNova(() => action.run(actionContext(cloud, request, reply), server, value));
      return answer(cloud, request, reply, result);
    });
    // Inside the raw-body scope too, so a DELETE sent with a JSON content type and no body passes.
    scope.delete<{ Params: { id: string } }>('/servers/:id', async (request, reply) => {
      const server = findServer(cloud, request, request.params.id);
      return answer(cloud, request, reply, asNova(() => deleteServer(actionContext(cloud, request, reply), server)));
    });
  });
}

/** The raw body, if its content type is one Nova reads as JSON. */
function jsonBody(request: FastifyRequest<{ Body: string | undefined }>): string {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type && !jsonTypes.has(type)) throw new NovaFault(415, 'Unsupported Content-Type');
  return request.body ?? '';
}

export function actionContext(cloud: SimulatedCloud, request: FastifyRequest, reply: FastifyReply): ActionContext {
  const { userId, projectId, isAdmin, roles } = request.caller;
  return {
    cloud,
    caller: { userId, projectId, isAdmin, roles },
    requestId: String(reply.getHeader('x-openstack-request-id')),
    now: cloud.clock.now(),
    microversion: request.microversion,
  };
}

/** Runs core code, turning its refusals into Nova's fault bodies. */
export function asNova<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ComputeError) throw new NovaFault(error.status, error.message);
    throw error;
  }
}

function answer(cloud: SimulatedCloud, request: FastifyRequest, reply: FastifyReply, result: ActionResult): unknown {
  switch (result.kind) {
    case 'accepted':
      return reply.code(202).send();
    case 'no-content':
      return reply.code(204).send();
    case 'password':
      return reply.code(200).send({ adminPass: result.adminPass });
    case 'console':
      return reply.code(200).send({ output: result.output });
    case 'image':
      // From 2.45 the id comes in the body; before, only as a Location header pointing at Glance.
      if (request.microversion.atLeast('2.45')) return reply.code(202).send({ image_id: result.imageId });
      return reply.code(202).header('location', `${glanceUrl(cloud, request)}/v2/images/${result.imageId}`).send();
    case 'rebuilt': {
      const self = new NovaLinks(request).resource('servers', result.server.id)[0]?.href ?? '';
      // From 2.57 rebuild answers the server's user_data; the simulator keeps none, as its
      // OS-EXT-SRV-ATTR:user_data shows.
      const server = { ...renderServer(cloud, request, result.server), adminPass: result.adminPass, ...(request.microversion.atLeast('2.57') && { user_data: null }) };
      return reply.code(202).header('location', self).send({ server });
    }
  }
}

/** Glance's endpoint in the caller's catalog, as Nova's image API finds it. */
function glanceUrl(cloud: SimulatedCloud, request: FastifyRequest): string {
  const endpoints = cloud.keystone.catalog().find((entry) => entry.type === 'image')?.endpoints ?? [];
  const endpoint = endpoints.find((e) => e.interface === 'public') ?? endpoints[0];
  return (endpoint?.url ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}
