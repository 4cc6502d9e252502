/**
 * What Nova's actions do to Neutron's ports: a port's status follows its server's power (Neutron
 * reports DOWN once the hypervisor unplugs the VIF), and a deleted server's ports go with it.
 */
import { PowerState, type Server } from '../model';
import type { NetworkStore } from '../../network/model';

export function syncPortStatus(network: NetworkStore, server: Pick<Server, 'id' | 'powerState'>, at: number): void {
  const status = server.powerState === PowerState.RUNNING ? 'ACTIVE' : 'DOWN';
  for (const id of network.portsByDevice.get(server.id) ?? []) {
    const port = network.ports.get(id);
    if (!port || port.status === status) continue;
    port.status = status;
    port.revisionNumber += 1;
    port.updatedAt = at;
  }
}

/** Deletes the server's ports, as Nova does for the ports it created, and frees their floating IPs. */
export function removePorts(network: NetworkStore, serverId: string, at: number): void {
  const ids = network.portsByDevice.get(serverId);
  if (!ids) return;
  for (const floating of network.floatingIps.values()) {
    if (floating.portId !== null && ids.has(floating.portId)) {
      floating.portId = null;
      floating.fixedIpAddress = null;
      floating.status = 'DOWN';
      floating.revisionNumber += 1;
      floating.updatedAt = at;
    }
  }
  for (const id of ids) network.ports.delete(id);
  network.portsByDevice.delete(serverId);
}
