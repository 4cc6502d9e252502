import type { FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { badRequest, forbidden, policyDenied } from './faults';
import type { Microversion } from './microversion';
import { type Paging, readPaging } from './paging';
import { compileRegex, invalidQueryParam, parseIsoTime, pyRepr, queryOf, rejectUnknownParams, strictBool } from './query';
import { allOf, columnPredicates, deletedPredicate, ipMatches, type Predicate, tagPredicates } from './server-filters';
import { readServerSort, type SortOrder, validateSortKeys } from './server-sort';
import { statesFromStatuses } from './views/status';

/** schemas/servers.py::index_query: names typed `format: regex`, then the plain ones. */
const regexParams = [
  'kernel_id', 'ramdisk_id', 'hostname', 'key_name', 'power_state', 'node', 'flavor', 'reservation_id', 'launched_at', 'terminated_at',
  'availability_zone', 'name', 'display_name', 'description', 'display_description', 'locked_by', 'root_device_name', 'config_drive',
  'access_ip_v4', 'access_ip_v6', 'auto_disk_config', 'progress', 'ip', 'ip6', 'created_at',
];
const plainParams = [
  'user_id', 'project_id', 'tenant_id', 'launch_index', 'image_ref', 'image', 'vm_state', 'task_state', 'host', 'uuid', 'sort_key', 'sort_dir',
  'all_tenants', 'soft_deleted', 'deleted', 'status', 'changes-since', 'limit', 'marker',
];
/** Joined tables: known to the schema so that admins get a 400 naming them rather than silence. */
const joinedTables = ['block_device_mapping', 'services', 'metadata', 'system_metadata', 'info_cache', 'security_groups', 'pci_devices'];
const tagParams = ['tags', 'tags-any', 'not-tags', 'not-tags-any'];
const timeParams = ['changes-since', 'changes-before'];

/** The query names the schema of this microversion knows; Nova strips the others before 2.75. */
function knownParams(mv: Microversion): Set<string> {
  const names = [...regexParams, ...plainParams, ...joinedTables];
  if (mv.atLeast('2.26')) names.push(...tagParams);
  if (mv.atLeast('2.66')) names.push('changes-before');
  if (mv.atLeast('2.73')) names.push('locked');
  return new Set(names);
}

/** servers.py::_get_server_search_options: what a non-admin may filter on. */
function memberFilters(mv: Microversion): Set<string> {
  const names = ['reservation_id', 'name', 'status', 'image', 'flavor', 'ip', 'changes-since', 'all_tenants'];
  if (mv.atLeast('2.5')) names.push('ip6');
  if (mv.atLeast('2.26')) names.push(...tagParams);
  if (mv.atLeast('2.66')) names.push('changes-before');
  if (mv.atLeast('2.73')) names.push('locked');
  if (mv.atLeast('2.83')) {
    names.push('availability_zone', 'config_drive', 'key_name', 'created_at', 'launched_at', 'terminated_at', 'power_state', 'task_state', 'vm_state', 'progress', 'user_id');
  }
  if (mv.atLeast('2.90')) names.push('hostname');
  return new Set(names);
}

export interface ServerSearch {
  paging: Paging;
  order: SortOrder;
  /** Nova answers an empty list without looking further: unknown flavor, no IP match, unknown status before 2.38. */
  nothing: boolean;
  matches: Predicate;
}

/**
 * A `GET /servers(/detail)` query read as Nova's servers.py::_get_servers and compute's get_all
 * read it, in their order, so that when several things are wrong the same error wins.
 */
export function readServerSearch(cloud: SimulatedCloud, request: FastifyRequest, detail: boolean): ServerSearch {
  const query = queryOf(request);
  const mv = request.microversion;
  const { isAdmin, projectId } = request.caller;
  const paging = readPaging(query, (name) => knownParams(mv).has(name) || name.startsWith('_'));
  const opts = searchOptions(query, mv, isAdmin);
  const predicates: Predicate[] = [];

  const status = statusFilter(query, mv, isAdmin);
  let nothing = status === undefined;
  predicates.push(...(status?.predicates ?? []));
  if (status?.deletedOnly) opts.set('deleted', 'true');

  const since = opts.has('changes-since') ? parseIsoTime(opts.get('changes-since') as string) : undefined;
  const before = opts.has('changes-before') ? parseIsoTime(opts.get('changes-before') as string) : undefined;
  if (since !== undefined && before !== undefined && before < since) {
    throw badRequest('The value of changes-since must be less than or equal to changes-before.');
  }
  if (since !== undefined) predicates.push((s) => s.updatedAt >= since);
  if (before !== undefined) predicates.push((s) => s.updatedAt <= before);
  predicates.unshift(deletedPredicate(opts, since !== undefined || before !== undefined));

  if (mv.atLeast('2.26')) predicates.push(...tagPredicates(opts));

  // A bare `?all_tenants` means yes; a value must be a strict boolean.
  const allTenantsValue = opts.get('all_tenants');
  const allTenants = allTenantsValue === undefined ? false : allTenantsValue === '' || strictBool(allTenantsValue);
  const locked = opts.has('locked') ? strictBool(opts.get('locked') as string, badRequest) : undefined;
  if (allTenants && !isAdmin) throw policyDenied(`os_compute_api:servers:${detail ? 'detail' : 'index'}:get_all_tenants`);
  if (!allTenants) {
    opts.delete('tenant_id');
    opts.delete('project_id');
    predicates.unshift((s) => s.projectId === projectId);
  }
  if (locked !== undefined) predicates.push((s) => s.locked === locked);

  const order = readServerSort(query, mv, isAdmin);

  const flavorId = opts.get('flavor');
  if (flavorId !== undefined) {
    const flavor = cloud.compute.flavors.get(flavorId);
    if (!flavor || (!flavor.isPublic && !isAdmin)) nothing = true;
    else predicates.push((s) => s.flavorId === flavor.id);
  }
  const byIp = ipMatches(cloud, opts);
  if (byIp) {
    if (byIp.size === 0) nothing = true;
    // Nova replaces the uuid filter by the union of the IP matches and the uuids asked for.
    const uuid = opts.get('uuid');
    if (uuid !== undefined) byIp.add(uuid);
    opts.delete('uuid');
    predicates.push((s) => byIp.has(s.id));
  }
  predicates.push(...columnPredicates(opts));

  return { paging, order, nothing, matches: allOf(predicates) };
}

/**
 * The query schema (formats, the sort key enum, unknown names: a 400 from 2.75, stripped before),
 * then servers.py's search_opts: the last value of each name, every filter for admins and only
 * theirs for members, and a 400 for the joined tables and `_` names that survive.
 */
function searchOptions(query: URLSearchParams, mv: Microversion, isAdmin: boolean): Map<string, string> {
  const known = knownParams(mv);
  validateSortKeys(query, mv);
  for (const name of timeParams.filter((n) => known.has(n))) {
    for (const value of query.getAll(name)) {
      if (parseIsoTime(value) === undefined) throw invalidQueryParam(name, value, `${pyRepr(value)} is not a 'date-time'`);
    }
  }
  for (const name of [...regexParams, ...tagParams].filter((n) => known.has(n))) {
    for (const value of query.getAll(name)) compileRegex(name, value);
  }
  const allowedName = (name: string) => known.has(name) || name.startsWith('_');
  if (mv.atLeast('2.75')) rejectUnknownParams(query, allowedName, ['^_']);

  const opts = new Map<string, string>();
  const members = memberFilters(mv);
  for (const [name, value] of query) {
    if (!allowedName(name)) continue;
    if (isAdmin ? ['sort_key', 'sort_dir', 'limit', 'marker'].includes(name) : !members.has(name)) continue;
    opts.set(name, value);
  }
  for (const name of opts.keys()) {
    if (joinedTables.includes(name) || name.startsWith('_')) throw badRequest(`Invalid filter field: ${name}.`);
  }
  return opts;
}

interface StatusFilter {
  predicates: Predicate[];
  /** Only DELETED was asked for (by an admin): the deleted servers are the ones to list. */
  deletedOnly: boolean;
}

/**
 * `status` (repeatable, OR) as the vm_state and task_state sets it stands for; undefined when
 * Nova answers an empty list (an unknown status before 2.38). Listing DELETED is for admins.
 */
function statusFilter(query: URLSearchParams, mv: Microversion, isAdmin: boolean): StatusFilter | undefined {
  if (!query.has('status')) return { predicates: [], deletedOnly: false };
  const states = statesFromStatuses(query.getAll('status'));
  if (!states) {
    if (mv.atLeast('2.38')) throw badRequest('Invalid status value');
    return undefined;
  }
  const deletedOnly = states.vmStates.size === 1 && states.vmStates.has('deleted');
  if (deletedOnly && !isAdmin) throw forbidden('Only administrators may list deleted instances');
  const { vmStates, taskStates } = states;
  const predicates: Predicate[] = [(s) => vmStates.has(s.vmState)];
  if (taskStates) predicates.push((s) => s.taskState !== null && taskStates.has(s.taskState));
  return { predicates, deletedOnly };
}
