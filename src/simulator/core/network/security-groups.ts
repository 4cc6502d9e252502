import type { NetworkStore, SecurityGroup, SecurityGroupRule } from './model';

/**
 * Neutron creates a project's `default` group the first time the project lists groups or creates
 * a port (`_ensure_default_security_group`): all egress allowed, ingress only from members.
 */
export function ensureDefaultSecurityGroup(store: NetworkStore, projectId: string, now: number): SecurityGroup {
  for (const group of store.securityGroups.values()) {
    if (group.projectId === projectId && group.name === 'default') return group;
  }
  const id = crypto.randomUUID();
  const rule = (direction: SecurityGroupRule['direction'], ethertype: SecurityGroupRule['ethertype']): SecurityGroupRule => ({
    id: crypto.randomUUID(),
    direction,
    ethertype,
    protocol: null,
    portRangeMin: null,
    portRangeMax: null,
    remoteIpPrefix: null,
    remoteGroupId: direction === 'ingress' ? id : null,
  });
  const group: SecurityGroup = {
    id,
    name: 'default',
    description: 'Default security group',
    projectId,
    createdAt: now,
    updatedAt: now,
    revisionNumber: 1,
    tags: [],
    stateful: true,
    rules: [rule('egress', 'IPv4'), rule('egress', 'IPv6'), rule('ingress', 'IPv4'), rule('ingress', 'IPv6')],
  };
  store.securityGroups.set(id, group);
  return group;
}
