import type { FastifyInstance } from 'fastify';
import type { Keystone } from '../core/identity/keystone';
import { requestOrigin } from '../http/service-app';
import { callerToken } from './caller-token';

/** Keystone applies no `enabled` filter here, so disabled projects are listed: clients must filter. */
export function registerProjectRoutes(app: FastifyInstance, keystone: Keystone): void {
  app.get('/v3/auth/projects', async (request) => {
    const caller = callerToken(keystone, request);
    const origin = requestOrigin(request);
    const projects = keystone.projectsOf(caller.user.id).map((p) => ({
      description: p.description,
      domain_id: p.domainId,
      enabled: p.enabled,
      id: p.id,
      is_domain: false,
      links: { self: `${origin}/v3/projects/${p.id}` },
      name: p.name,
      parent_id: p.domainId,
    }));
    return { projects, links: { self: `${origin}/v3/auth/projects`, previous: null, next: null } };
  });
}
