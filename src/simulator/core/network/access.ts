import type { Network, NetworkStore, StandardAttributes, Subnet } from './model';

/** Who looks: the token's project and whether it carries `admin`. */
export interface Viewer {
  projectId: string;
  isAdmin: boolean;
}

/**
 * Neutron's query scoping (model_query plus the network RBAC entries): an admin sees everything,
 * a project its own resources, plus networks shared with everyone (`access_as_shared`) and
 * external networks (`access_as_external`). Anything else does not exist for the caller: 404.
 */
export function owns(viewer: Viewer, resource: StandardAttributes): boolean {
  return viewer.isAdmin || resource.projectId === viewer.projectId;
}

export function canSeeNetwork(viewer: Viewer, network: Network): boolean {
  return owns(viewer, network) || network.shared || network.external;
}

/** A subnet rides on its network's RBAC entries: the public network's subnets show to everyone. */
export function canSeeSubnet(viewer: Viewer, subnet: Subnet, store: NetworkStore): boolean {
  if (owns(viewer, subnet)) return true;
  const network = store.networks.get(subnet.networkId);
  return network !== undefined && (network.shared || network.external);
}
