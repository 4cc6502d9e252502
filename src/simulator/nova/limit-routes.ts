import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { projectUsage } from '../core/compute/actions/quota';
import { settle } from '../core/compute/model';
import { policyDenied } from './faults';
import { lastValue, queryOf, rejectUnknownParams } from './query';

/**
 * `GET /limits` (compute/limits.py and views/limits.py): the project's quota and what its servers
 * use. Microversions took fields away: the nova-network ones at 2.36 (Neutron owns them; Nova
 * reported -1 and 0), maxImageMeta at 2.39, the personality ones at 2.57.
 */
export function registerLimitRoutes(app: FastifyInstance, cloud: SimulatedCloud): void {
  app.get('/limits', async (request) => {
    const mv = request.microversion;
    const query = queryOf(request);
    if (mv.atLeast('2.75')) rejectUnknownParams(query, (name) => name === 'tenant_id');
    const asked = lastValue(query, 'tenant_id');
    if (asked !== undefined && !request.caller.isAdmin) throw policyDenied('os_compute_api:limits:other_project');
    const projectId = asked ?? request.caller.projectId;

    settle(cloud.compute, cloud.clock.now());
    const { quota } = cloud.compute;
    const usage = projectUsage(cloud.compute, projectId);

    const absolute: Record<string, number> = {
      maxServerMeta: quota.metadataItems,
      maxTotalCores: quota.cores,
      maxTotalInstances: quota.instances,
      maxTotalKeypairs: quota.keyPairs,
      maxTotalRAMSize: quota.ramMb,
      maxServerGroups: quota.serverGroups,
      maxServerGroupMembers: quota.serverGroupMembers,
      totalCoresUsed: usage.cores,
      totalInstancesUsed: usage.instances,
      totalRAMUsed: usage.ram,
      totalServerGroupsUsed: 0,
    };
    if (!mv.atLeast('2.36')) {
      Object.assign(absolute, { maxSecurityGroupRules: -1, maxSecurityGroups: -1, maxTotalFloatingIps: -1, totalSecurityGroupsUsed: 0, totalFloatingIpsUsed: 0 });
    }
    if (!mv.atLeast('2.39')) absolute.maxImageMeta = quota.metadataItems;
    if (!mv.atLeast('2.57')) Object.assign(absolute, { maxPersonality: 5, maxPersonalitySize: 10240 });
    return { limits: { rate: [], absolute } };
  });
}
