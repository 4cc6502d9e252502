import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { faultsSchema, replaceFaults, type SimulatorFaults } from './model';

/**
 * The simulator's own admin endpoint, on a loopback port of its own (never in the catalog, so no
 * OpenStack client stumbles on it): GET /faults shows the faults, PUT /faults replaces them all,
 * DELETE /faults clears them. Bodies are the JSON of SimulatorFaults.
 */
export function createFaultsAdminApp(faults: SimulatorFaults): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/faults', async () => faults);
  app.put('/faults', async (request, reply) => {
    const parsed = faultsSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    replaceFaults(faults, parsed.data);
    return faults;
  });
  app.delete('/faults', async () => {
    replaceFaults(faults, {});
    return faults;
  });
  return app;
}
