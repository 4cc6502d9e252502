import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../../domain/compute';
import { isReadOnly } from '../../domain/identity';
import type { CloudRegistry, CloudRuntime } from '../clouds';
import { AppError } from '../errors';
import { GlanceClient } from './glance';
import { NeutronClient } from './neutron';
import { NovaClient } from './nova';

export interface SessionClients {
  cloud: CloudRuntime;
  nova: NovaClient;
  glance: GlanceClient;
  neutron: NeutronClient;
  viewer: Viewer;
}

/** The service clients of the request's session (routes behind `requireSession`). */
export function clientsFor(clouds: CloudRegistry, request: FastifyRequest): SessionClients {
  const { session } = request;
  const cloud = clouds.get(session.cloudId);
  if (!cloud) throw new AppError(401, 'auth.session_expired', 'Your session has ended. Sign in again.');
  return {
    cloud,
    nova: new NovaClient(cloud, session, request.log),
    glance: new GlanceClient(cloud, session, request.log),
    neutron: new NeutronClient(cloud, session, request.log),
    viewer: { isAdmin: session.roles.includes('admin'), readOnly: isReadOnly(session.roles), policy: cloud.config.novaPolicy },
  };
}
