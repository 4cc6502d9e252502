import type { FastifyInstance } from 'fastify';
import { availabilityZone } from '../core/compute/model';

/** `GET /os-availability-zone`: the one zone every simulated host is in. */
export function registerZoneRoutes(app: FastifyInstance): void {
  app.get('/os-availability-zone', async () => ({
    availabilityZoneInfo: [{ zoneName: availabilityZone, zoneState: { available: true }, hosts: null }],
  }));
}
