import type { Server } from '../core/compute/model';
import { forbidden } from './faults';
import type { Microversion } from './microversion';
import { invalidInput, notOneOf } from './query';
import { serverColumns } from './server-columns';
import { compareSortValues, type SortValue, sortValue } from './sort-values';

/** schemas/servers.py::VALID_SORT_KEYS, in its order (the 400 lists them). */
const validSortKeys = [
  'access_ip_v4', 'access_ip_v6', 'auto_disk_config', 'availability_zone', 'config_drive', 'created_at', 'display_description', 'display_name',
  'host', 'hostname', 'image_ref', 'instance_type_id', 'kernel_id', 'key_name', 'launch_index', 'launched_at', 'locked_by', 'node',
  'power_state', 'progress', 'project_id', 'ramdisk_id', 'root_device_name', 'task_state', 'terminated_at', 'updated_at', 'user_id', 'uuid', 'vm_state',
];

/** SERVER_LIST_IGNORE_SORT_KEY: accepted and dropped before 2.75 (locked only before 2.73), refused after. */
const ignoredSortKeys = [
  'architecture', 'cell_name', 'cleaned', 'default_ephemeral_device', 'default_swap_device', 'deleted', 'deleted_at', 'disable_terminate',
  'ephemeral_gb', 'ephemeral_key_uuid', 'id', 'key_data', 'launched_on', 'locked', 'memory_mb', 'os_type', 'reservation_id', 'root_gb',
  'shutdown_terminate', 'user_data', 'vcpus', 'vm_mode',
];

const adminOnlySortKeys = new Set(['host', 'node']);

function schemaSortKeys(mv: Microversion): string[] {
  if (mv.atLeast('2.75')) return ['locked', ...validSortKeys];
  return [...validSortKeys, ...ignoredSortKeys];
}

function droppedSortKeys(mv: Microversion): Set<string> {
  if (mv.atLeast('2.75')) return new Set();
  return new Set(ignoredSortKeys.filter((key) => key !== 'locked' || !mv.atLeast('2.73')));
}

/** The query schema's enum check on every `sort_key`, which comes before anything else. */
export function validateSortKeys(query: URLSearchParams, mv: Microversion): void {
  const allowed = schemaSortKeys(mv);
  for (const key of query.getAll('sort_key')) {
    if (!allowed.includes(key)) throw notOneOf('sort_key', key, allowed);
  }
}

export interface SortOrder {
  keys: string[];
  descending: boolean[];
}

/**
 * `sort_key`/`sort_dir` pairs by position (common.get_sort_params), legacy keys and their
 * direction dropped and host/node kept for admins (servers.py::remove_invalid_sort_keys), then
 * the database's process_sort_params: directions checked, missing ones and the `created_at`, `id`
 * tie-breakers taking the first direction given, or desc.
 */
export function readServerSort(query: URLSearchParams, mv: Microversion, isAdmin: boolean): SortOrder {
  const keys = query.getAll('sort_key').map((k) => k.trim());
  const dirs = query.getAll('sort_dir').map((d) => d.trim());
  if (keys.length === 0) keys.push('created_at');
  if (dirs.length === 0) dirs.push('desc');

  const dropped = droppedSortKeys(mv);
  for (let i = 0; i < keys.length; ) {
    const key = keys[i] as string;
    if (dropped.has(key)) {
      if (dirs.length > i) dirs.splice(i, 1);
      keys.splice(i, 1);
      continue;
    }
    if (adminOnlySortKeys.has(key) && !isAdmin) throw forbidden(`Only administrators can sort servers by ${key}`);
    i++;
  }

  if (dirs.some((dir) => dir !== 'asc' && dir !== 'desc')) throw invalidInput("Unknown sort direction, must be 'desc' or 'asc'");
  if (dirs.length > keys.length) throw invalidInput('Sort direction size exceeds sort key size');
  const fallback = dirs[0] ?? 'desc';
  while (dirs.length < keys.length) dirs.push(fallback);
  for (const key of ['created_at', 'id']) {
    if (keys.includes(key)) continue;
    keys.push(key);
    dirs.push(fallback);
  }
  return { keys, descending: dirs.map((dir) => dir === 'desc') };
}

/**
 * A server's position in the order, computed once per server: `id`, the database's row id,
 * is its place in the store (creation order), which makes the order total, so a marker always
 * has a well-defined place even when it is filtered out.
 */
export function sortTuple(order: SortOrder, server: Server, seq: number): SortValue[] {
  return order.keys.map((key) => (key === 'id' ? seq : sortValue(serverColumns[key]?.(server) ?? null)));
}

export function compareTuples(order: SortOrder, a: SortValue[], b: SortValue[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareSortValues(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return order.descending[i] ? -c : c;
  }
  return 0;
}
