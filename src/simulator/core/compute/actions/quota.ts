/**
 * The legacy quota checks Nova runs before a resize (compute API's _check_quota_for_upsize) and
 * a boot (compute utils' check_num_instances_quota), against the project's usage. The 403 says
 * what was asked, what is used and what is allowed, resource by resource, in sorted resource
 * order (compute utils' get_over_quota_detail over quota.py's sorted `overs`).
 */
import type { ComputeStore, Flavor, Server } from '../model';
import { forbidden } from './errors';

type Resource = 'cores' | 'instances' | 'ram';

interface QuotaRow {
  resource: Resource;
  /** What the request adds, and how the 403 words it. */
  delta: number;
  requested: string | number;
  used: number;
  limit: number;
}

const isOver = (row: QuotaRow) => row.delta > 0 && row.limit >= 0 && row.used + row.delta > row.limit;

/** TooManyInstances' text, which the resize check raises too. */
function overQuota(overs: QuotaRow[]): Error {
  const list = (pick: (row: QuotaRow) => string | number) => overs.map(pick).join(', ');
  const names = list((r) => r.resource);
  return forbidden(`Quota exceeded for ${names}: Requested ${list((r) => r.requested)}, but already used ${list((r) => r.used)} of ${list((r) => r.limit)} ${names}`);
}

export function checkUpsizeQuota(store: ComputeStore, server: Pick<Server, 'projectId'>, from: Flavor, to: Flavor): void {
  const usage = projectUsage(store, server.projectId);
  const cores = to.vcpus - from.vcpus;
  const ram = to.ramMb - from.ramMb;
  const rows: QuotaRow[] = [
    { resource: 'cores', delta: cores, requested: cores, used: usage.cores, limit: store.quota.cores },
    { resource: 'ram', delta: ram, requested: ram, used: usage.ram, limit: store.quota.ramMb },
  ];
  const overs = rows.filter(isOver);
  if (overs.length > 0) throw overQuota(overs);
}

/**
 * How many of `min`..`max` new servers of `flavor` the project's quota takes: all of them, else
 * the most that fit if that is at least `min` (Nova retries with that many), else Nova's 403.
 */
export function instancesWithinQuota(store: ComputeStore, projectId: string, flavor: Flavor, min: number, max: number): number {
  const usage = projectUsage(store, projectId);
  const { quota } = store;
  const perInstance = { instances: 1, cores: flavor.vcpus, ram: flavor.ramMb };
  const limits = { instances: quota.instances, cores: quota.cores, ram: quota.ramMb };
  const rowsFor = (count: number): QuotaRow[] =>
    (['cores', 'instances', 'ram'] as const).map((resource) => ({
      resource,
      delta: count * perInstance[resource],
      requested: resource === 'instances' ? (min === count ? String(count) : `${min}-${count}`) : count * perInstance[resource],
      used: usage[resource],
      limit: limits[resource],
    }));
  const overs = rowsFor(max).filter(isOver);
  if (overs.length === 0) return max;
  const fitting = Math.min(...rowsFor(1).map((row) => (row.limit < 0 || row.delta === 0 ? Infinity : Math.floor((row.limit - row.used) / row.delta))));
  if (fitting >= min) return fitting;
  throw overQuota(overs);
}

/** Servers, cores and RAM of the project's servers that are not deleted, by their current flavor. */
export function projectUsage(store: ComputeStore, projectId: string): Record<Resource, number> {
  const usage = { instances: 0, cores: 0, ram: 0 };
  for (const server of store.servers.values()) {
    if (server.projectId !== projectId || server.deletedAt !== null) continue;
    const flavor = store.flavors.get(server.flavorId);
    usage.instances += 1;
    usage.cores += flavor?.vcpus ?? 0;
    usage.ram += flavor?.ramMb ?? 0;
  }
  return usage;
}
