import { owns } from '../../core/network/access';
import { notFoundWordings } from '../../core/network/errors';
import type { SecurityGroup, SecurityGroupRule } from '../../core/network/model';
import { ensureDefaultSecurityGroup } from '../../core/network/security-groups';
import { isoSeconds } from '../../http/iso-time';
import type { Attribute } from '../attributes';
import type { Collection } from '../collection';
import { standardAttributes } from '../standard-attributes';

function renderRule(group: SecurityGroup, rule: SecurityGroupRule) {
  return {
    id: rule.id,
    tenant_id: group.projectId,
    project_id: group.projectId,
    security_group_id: group.id,
    direction: rule.direction,
    ethertype: rule.ethertype,
    protocol: rule.protocol,
    port_range_min: rule.portRangeMin,
    port_range_max: rule.portRangeMax,
    remote_ip_prefix: rule.remoteIpPrefix,
    remote_group_id: rule.remoteGroupId,
    remote_address_group_id: null,
    normalized_cidr: rule.remoteIpPrefix,
    description: '',
    tags: [],
    created_at: isoSeconds(group.createdAt),
    updated_at: isoSeconds(group.createdAt),
    revision_number: 0,
    belongs_to_default_sg: group.name === 'default',
  };
}

const attributes: Array<Attribute<SecurityGroup>> = [
  ...standardAttributes<SecurityGroup>(),
  { key: 'stateful', field: 'stateful', filter: 'boolean' },
  { key: 'shared', read: () => false, filter: 'boolean' },
  { key: 'security_group_rules', read: (group) => group.rules.map((rule) => renderRule(group, rule)) },
];

/** Read-only here, but real enough for clients: each project's `default` group appears on first look. */
export const securityGroups: Collection<SecurityGroup> = {
  path: 'security-groups',
  plural: 'security_groups',
  singular: 'security_group',
  notFound: notFoundWordings.security_groups,
  unknownMarker: 'first-page',
  attributes,
  items: (store) => store.securityGroups,
  visible: (group, view) => owns(view.viewer, group),
  beforeRead: (view) => void ensureDefaultSecurityGroup(view.store, view.viewer.projectId, view.now),
};
