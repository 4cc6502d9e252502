import type { FastifyInstance } from 'fastify';

/** `GET /os-availability-zone`: the one zone every simulated host is in. */
export function registerZoneRoutes(app: FastifyInstance): void {
  app.get('/os-availability-zone', async () => ({
    availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }],
  }));
}
