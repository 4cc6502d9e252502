/**
 * What Nova's actions do to Neutron's ports: a port's status follows its server's power (Neutron
 * reports DOWN once the hypervisor unplugs the VIF), and a deleted server gives its ports up.
 */
import { PowerState, type Server } from '../model';
import { moveDevice, type NetworkStore, portsOfDevice, removePort } from '../../network/model';

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

/**
 * What Nova's deallocate_for_instance does to a server's ports: those it created go (and their
 * floating IPs are freed); those the user brought are unbound and handed back, floating IPs kept.
 */
export function removePorts(network: NetworkStore, server: Pick<Server, 'id' | 'preservedPortIds'>, at: number): void {
  const ports = portsOfDevice(network, server.id);
  const kept = ports.filter((port) => server.preservedPortIds.includes(port.id));
  const deleted = ports.filter((port) => !kept.includes(port));
  const deletedIds = new Set(deleted.map((port) => port.id));
  for (const floating of network.floatingIps.values()) {
    if (floating.portId !== null && deletedIds.has(floating.portId)) {
      floating.portId = null;
      floating.fixedIpAddress = null;
      floating.status = 'DOWN';
      floating.revisionNumber += 1;
      floating.updatedAt = at;
    }
  }
  for (const port of deleted) removePort(network, port.id);
  for (const port of kept) {
    moveDevice(network, port.id, port.deviceId, '');
    Object.assign(port, { deviceId: '', deviceOwner: '', bindingHostId: '', status: 'DOWN', revisionNumber: port.revisionNumber + 1, updatedAt: at });
  }
}
