import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { KeystoneError } from '../core/identity/errors';
import { requestOrigin } from './service-app';

/** Who is calling, from the X-Auth-Token, as keystonemiddleware hands it to every service. */
export interface Caller {
  tokenId: string;
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  roles: string[];
  /** The `admin` role: Nova's `context.is_admin`, Neutron's and Glance's admin policy. */
  isAdmin: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every request that passed `requireCaller`. */
    caller: Caller;
  }
}

/**
 * keystonemiddleware in front of every service: a missing, invalid, expired or unscoped token is
 * a 401 in Keystone's envelope before the service sees the request. Paths in `open` (the version
 * documents) need no token, as in a real deployment.
 */
export function requireCaller(app: FastifyInstance, cloud: SimulatedCloud, open: (path: string) => boolean): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (open(path)) return;
    const caller = identify(cloud, request);
    if (!caller) {
      reply.header('www-authenticate', `Keystone uri="${keystoneOrigin(cloud, request)}"`);
      return reply.code(401).send({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
    }
    request.caller = caller;
  });
}

function identify(cloud: SimulatedCloud, request: FastifyRequest): Caller | undefined {
  const tokenId = request.headers['x-auth-token'];
  if (typeof tokenId !== 'string' || tokenId === '') return undefined;
  try {
    const token = cloud.keystone.validateToken(tokenId);
    if (!token.project) return undefined;
    const roles = (token.roles ?? []).map((r) => r.name);
    return {
      tokenId,
      userId: token.user.id,
      userName: token.user.name,
      projectId: token.project.id,
      projectName: token.project.name,
      roles,
      isAdmin: roles.includes('admin'),
    };
  } catch (error) {
    if (error instanceof KeystoneError) return undefined;
    throw error;
  }
}

function keystoneOrigin(cloud: SimulatedCloud, request: FastifyRequest): string {
  const identity = cloud.keystone.catalog().find((entry) => entry.type === 'identity')?.endpoints[0]?.url;
  return identity ? new URL(identity).origin : requestOrigin(request);
}
