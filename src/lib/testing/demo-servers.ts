import type { Server } from '../../simulator/core/compute/model';
import { projectIds } from '../../simulator/core/seed';
import { bff } from './msw-server';

/** The demo project's live servers, newest first (the servers list's default order). */
export function demoServers(): Server[] {
  return [...bff().cloud.compute.servers.values()]
    .filter((s) => s.projectId === projectIds.demo && s.deletedAt === null)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

/**
 * The demo project's showcase servers, in the seed's order: stopped, error never launched, error
 * after launch, verify-resize, rescued, paused, suspended, locked by its owner, locked by an admin.
 */
export function showcase(): Server[] {
  return [...bff().cloud.compute.servers.values()].filter((s) => s.projectId === projectIds.demo).slice(0, 9);
}
