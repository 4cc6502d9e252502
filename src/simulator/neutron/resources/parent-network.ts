import type { Network } from '../../core/network/model';
import type { View } from '../attributes';
import { findVisible } from '../collection';
import { resourceNotFound } from '../errors';
import { networks } from './networks';

/**
 * `_validate_network_project_ownership`: outside an admin, a subnet or port goes on the caller's
 * own network or a shared one; any other (even a visible external one) reads as missing.
 */
export function networkForChild(view: View, networkId: string, projectId: string): Network {
  const network = findVisible(networks, view, networkId);
  if (!view.viewer.isAdmin && !network.shared && network.projectId !== projectId) {
    // Neutron raises a 404 here on purpose: the project must not learn the network exists.
    throw resourceNotFound();
  }
  return network;
}
