import type { FastifyInstance } from 'fastify';
import { apiPaths, flavorListSchema, imageListSchema, limitsSchema } from '../../domain/api';
import type { CloudRegistry } from '../clouds';
import { clientsFor } from '../openstack/clients';
import { requireSession } from '../plugins/session';

/** What the resize, rescue and rebuild dialogs offer: flavors, bootable images, quota headroom. */
export async function computeOptionRoutes(app: FastifyInstance, { clouds }: { clouds: CloudRegistry }): Promise<void> {
  app.get(apiPaths.flavors, { preHandler: requireSession }, async (request) => {
    const flavors = await clientsFor(clouds, request).nova.flavors();
    return flavorListSchema.parse({
      items: flavors
        .map((f) => ({ id: f.id, name: f.name, vcpus: f.vcpus, ramMb: f.ram, diskGb: f.disk }))
        .sort((a, b) => a.vcpus - b.vcpus || a.ramMb - b.ramMb || a.name.localeCompare(b.name)),
    });
  });

  app.get(apiPaths.images, { preHandler: requireSession }, async (request) => {
    const images = await clientsFor(clouds, request).glance.activeImages();
    return imageListSchema.parse({
      items: images.map((i) => ({ id: i.id, name: i.name ?? i.id, status: i.status, minDiskGb: i.min_disk ?? 0, visibility: i.visibility ?? 'private' })),
    });
  });

  app.get(apiPaths.limits, { preHandler: requireSession }, async (request) => {
    const a = await clientsFor(clouds, request).nova.limits();
    const pair = (used: string, max: string) => ({ used: a[used] ?? 0, max: a[max] ?? -1 });
    return limitsSchema.parse({
      cores: pair('totalCoresUsed', 'maxTotalCores'),
      ramMb: pair('totalRAMUsed', 'maxTotalRAMSize'),
      instances: pair('totalInstancesUsed', 'maxTotalInstances'),
    });
  });
}
