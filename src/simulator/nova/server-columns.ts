import type { Server } from '../core/compute/model';
import type { ColumnValue } from './sort-values';
import { hostnameOf, reservationIdOf } from './views/server-attributes';

/**
 * The instance columns Nova's list can filter and sort on, by their database names, read off the
 * simulator's Server. Times are epoch ms. One table serves the exact and regex filters and the
 * sort keys, so a column means the same thing in all three.
 */
export const serverColumns: Record<string, (server: Server) => ColumnValue> = {
  uuid: (s) => s.id,
  display_name: (s) => s.name,
  display_description: (s) => s.description,
  project_id: (s) => s.projectId,
  user_id: (s) => s.userId,
  image_ref: (s) => s.imageId,
  instance_type_id: (s) => s.flavorId,
  vm_state: (s) => s.vmState,
  task_state: (s) => s.taskState,
  power_state: (s) => s.powerState,
  progress: (s) => s.progress,
  host: (s) => s.host,
  node: (s) => s.host,
  hostname: (s) => hostnameOf(s),
  key_name: (s) => s.keyName,
  availability_zone: (s) => s.availabilityZone,
  config_drive: (s) => s.configDrive,
  access_ip_v4: (s) => s.accessIPv4 || null,
  access_ip_v6: (s) => s.accessIPv6 || null,
  auto_disk_config: () => false,
  locked: (s) => s.locked,
  locked_by: (s) => s.lockedBy,
  reservation_id: (s) => reservationIdOf(s),
  kernel_id: () => '',
  ramdisk_id: () => '',
  launch_index: () => 0,
  root_device_name: (s) => (s.launchedAt === null ? null : '/dev/vda'),
  created_at: (s) => s.createdAt,
  updated_at: (s) => s.updatedAt,
  launched_at: (s) => s.launchedAt,
  terminated_at: (s) => s.terminatedAt,
};

const timeColumns = new Set(['created_at', 'updated_at', 'launched_at', 'terminated_at']);

/** A column as MySQL's REGEXP sees it: text, times as `YYYY-MM-DD HH:MM:SS`, booleans as 0/1. */
export function columnText(column: string, value: ColumnValue): string | null {
  if (typeof value === 'string' || value === null) return value;
  if (timeColumns.has(column)) return new Date(value as number).toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
