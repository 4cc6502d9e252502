/**
 * The legacy quota check Nova runs before a resize (compute API's _check_quota_for_upsize): only
 * growth counts, against the project's usage of cores and RAM, and the 403 says what was asked,
 * what is used and what is allowed, resource by resource (compute utils' get_over_quota_detail).
 */
import type { ComputeStore, Flavor, Server } from '../model';
import { forbidden } from './errors';

type Resource = 'cores' | 'ram';

export function checkUpsizeQuota(store: ComputeStore, server: Pick<Server, 'projectId'>, from: Flavor, to: Flavor): void {
  const usage = projectUsage(store, server.projectId);
  const rows = [
    { resource: 'cores' as Resource, delta: to.vcpus - from.vcpus, used: usage.cores, limit: store.quota.cores },
    { resource: 'ram' as Resource, delta: to.ramMb - from.ramMb, used: usage.ram, limit: store.quota.ramMb },
  ];
  const overs = rows.filter((r) => r.delta > 0 && r.limit >= 0 && r.used + r.delta > r.limit);
  if (overs.length === 0) return;
  const list = (pick: (r: (typeof rows)[number]) => string | number) => overs.map(pick).join(', ');
  const names = list((r) => r.resource);
  throw forbidden(`Quota exceeded for ${names}: Requested ${list((r) => r.delta)}, but already used ${list((r) => r.used)} of ${list((r) => r.limit)} ${names}`);
}

/** Cores and RAM of the project's servers that are not deleted, by their current flavor. */
export function projectUsage(store: ComputeStore, projectId: string): Record<Resource, number> {
  const usage = { cores: 0, ram: 0 };
  for (const server of store.servers.values()) {
    if (server.projectId !== projectId || server.deletedAt !== null) continue;
    const flavor = store.flavors.get(server.flavorId);
    usage.cores += flavor?.vcpus ?? 0;
    usage.ram += flavor?.ramMb ?? 0;
  }
  return usage;
}
