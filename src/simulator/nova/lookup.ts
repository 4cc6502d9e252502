import type { FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { type Server, settle } from '../core/compute/model';
import { notFound } from './faults';
import { isDeleted } from './views/status';

/**
 * The server `id` as the caller may see it, with its due task steps applied. Nova answers another
 * project's server (for a non-admin) and a deleted one exactly like a missing one, so nothing
 * leaks: 404 `Instance <id> could not be found.` (exception.InstanceNotFound).
 */
export function findServer(cloud: SimulatedCloud, request: FastifyRequest, id: string): Server {
  settle(cloud.compute, cloud.clock.now());
  const server = cloud.compute.servers.get(id);
  const visible = server !== undefined && !isDeleted(server) && (request.caller.isAdmin || server.projectId === request.caller.projectId);
  if (!visible) throw notFound(`Instance ${id} could not be found.`);
  return server;
}
