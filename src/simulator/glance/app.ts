import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { requireCaller } from '../http/caller';
import { createServiceApp } from '../http/service-app';
import { installGlanceErrors } from './errors';
import { registerImageRoutes } from './routes';
import { registerVersionRoutes } from './versions';

/** Glance v2 over the cloud's images. */
export function createGlanceApp(cloud: SimulatedCloud): FastifyInstance {
  const app = createServiceApp();
  installGlanceErrors(app);
  requireCaller(app, cloud, (path) => path === '/' || path === '/versions');
  registerVersionRoutes(app);
  registerImageRoutes(app, cloud);
  return app;
}
