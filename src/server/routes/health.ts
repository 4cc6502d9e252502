import type { FastifyInstance } from 'fastify';
import { apiPaths, type Readiness } from '../../domain/api';
import type { CloudRegistry } from '../clouds';
import { cloudReadiness } from '../openstack/readiness';

export async function healthRoutes(app: FastifyInstance, { clouds }: { clouds: CloudRegistry }): Promise<void> {
  app.get(apiPaths.healthz, async () => ({ status: 'ok' as const }));

  app.get(apiPaths.readyz, async (request, reply) => {
    const perCloud = await Promise.all(clouds.all().map((cloud) => cloudReadiness(cloud, request.log)));
    const checks: Readiness['checks'] = Object.assign({}, ...perCloud);
    const ready = Object.values(checks).every((c) => c.ok);
    const body: Readiness = { status: ready ? 'ready' : 'unavailable', checks };
    return reply.status(ready ? 200 : 503).send(body);
  });
}
