import type { Server } from '../../core/compute/model';
import type { Microversion } from '../microversion';

/**
 * `OS-EXT-SRV-ATTR:*` for callers the extended-attributes policy lets see them (admins by
 * default), views/servers.py::show: host, instance name and node always, the 2.3 set after.
 * The simulator keeps no instance name, launch index or reservation, so they derive from the id:
 * stable, and shaped as Nova's.
 */
export function extendedAttributes(server: Server, mv: Microversion): Record<string, unknown> {
  const attributes: Record<string, unknown> = {
    'OS-EXT-SRV-ATTR:host': server.host,
    'OS-EXT-SRV-ATTR:instance_name': `instance-${server.id.replace(/-/g, '').slice(0, 8)}`,
    'OS-EXT-SRV-ATTR:hypervisor_hostname': server.host,
  };
  if (!mv.atLeast('2.3')) return attributes;
  return {
    ...attributes,
    'OS-EXT-SRV-ATTR:hostname': hostnameOf(server),
    'OS-EXT-SRV-ATTR:kernel_id': '',
    'OS-EXT-SRV-ATTR:launch_index': 0,
    'OS-EXT-SRV-ATTR:ramdisk_id': '',
    'OS-EXT-SRV-ATTR:reservation_id': reservationIdOf(server),
    'OS-EXT-SRV-ATTR:root_device_name': server.launchedAt === null ? null : '/dev/vda',
    'OS-EXT-SRV-ATTR:user_data': null,
  };
}

/** The guest hostname Nova derives from the display name at boot (utils.sanitize_hostname). */
export function hostnameOf(server: Pick<Server, 'id' | 'name'>): string {
  const name = server.name
    .slice(0, 63)
    .replace(/[ _.]/g, '-')
    .replace(/[^\w.-]+/g, '')
    .toLowerCase()
    .replace(/^[.-]+|[.-]+$/g, '');
  return name || `server-${server.id}`;
}

/** `r-` and eight base-36 characters, as Nova's reservation ids look. */
export function reservationIdOf(server: Pick<Server, 'id'>): string {
  return `r-${Number.parseInt(server.id.replace(/-/g, '').slice(-10), 16).toString(36).padStart(8, '0').slice(-8)}`;
}
