import type { FastifyInstance } from 'fastify';
import { apiPaths, type Readiness } from '../../domain/api';
import type { CloudRegistry } from '../clouds';

export async function healthRoutes(app: FastifyInstance, { clouds }: { clouds: CloudRegistry }): Promise<void> {
  app.get(apiPaths.healthz, async () => ({ status: 'ok' as const }));

  app.get(apiPaths.readyz, async (request, reply) => {
    const checks: Readiness['checks'] = {};
    await Promise.all(
      clouds.all().map(async (cloud) => {
        try {
          await cloud.keystone.ping(request.log);
          checks[`keystone:${cloud.config.id}`] = { ok: true };
        } catch (error) {
          checks[`keystone:${cloud.config.id}`] = { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const ready = Object.values(checks).every((c) => c.ok);
    const body: Readiness = { status: ready ? 'ready' : 'unavailable', checks };
    return reply.status(ready ? 200 : 503).send(body);
  });
}
