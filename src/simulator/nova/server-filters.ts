import type { SimulatedCloud } from '../core/cloud';
import type { Server } from '../core/compute/model';
import { compileRegex, parseBool } from './query';
import { columnText, serverColumns } from './server-columns';
import { isDeleted } from './views/status';

/** The predicates a server list filters with, each read as Nova's database query reads its filter. */
export type Predicate = (server: Server) => boolean;

/** Query names that are other names for an instance column (compute/api.py::get_all). */
const columnAliases: Record<string, string> = { name: 'display_name', image: 'image_ref', tenant_id: 'project_id' };

/** Columns the database matches exactly; every other column named in the query is a regex search. */
const exactColumns = new Set(['project_id', 'user_id', 'image_ref', 'vm_state', 'instance_type_id', 'uuid', 'host', 'task_state', 'locked']);

/** A plain loop: this runs once per server in the store on every list request. */
export function allOf(predicates: Predicate[]): Predicate {
  return (server) => {
    for (let i = 0; i < predicates.length; i++) if (!(predicates[i] as Predicate)(server)) return false;
    return true;
  };
}

/**
 * Deleted servers are left out unless `changes-since`/`changes-before` asks for changes (then they
 * come back, as DELETED) or an admin asks with `deleted`. Soft-deleted ones follow `soft_deleted`,
 * whose raw text Nova takes as a Python truth value.
 */
export function deletedPredicate(opts: Map<string, string>, changes: boolean): Predicate {
  const asked = opts.get('deleted');
  if (asked === undefined && changes) return () => true;
  const softDeleted = opts.get('soft_deleted');
  if (asked !== undefined && parseBool(asked) === true) {
    const withSoft = softDeleted === undefined || softDeleted !== '';
    return (s) => isDeleted(s) || (withSoft && s.vmState === 'soft-delete');
  }
  const withSoft = softDeleted !== undefined && softDeleted !== '';
  return (s) => !isDeleted(s) && (withSoft || s.vmState !== 'soft-delete');
}

/** `tags` (all of), `tags-any`, `not-tags` (not all of), `not-tags-any`: comma-separated lists. */
export function tagPredicates(opts: Map<string, string>): Predicate[] {
  const list = (name: string) => opts.get(name)?.split(',');
  const predicates: Predicate[] = [];
  const all = list('tags');
  const any = list('tags-any');
  const notAll = list('not-tags');
  const notAny = list('not-tags-any');
  if (all) predicates.push((s) => all.every((t) => s.tags.includes(t)));
  if (any) predicates.push((s) => any.some((t) => s.tags.includes(t)));
  if (notAll) predicates.push((s) => !notAll.every((t) => s.tags.includes(t)));
  if (notAny) predicates.push((s) => !notAny.some((t) => s.tags.includes(t)));
  return predicates;
}

/**
 * `ip`/`ip6` as Nova answers them with Neutron: each is a substring search on the fixed IPs of the
 * ports (`fixed_ips=ip_address_substr=`), and the servers found by either are kept. The anchors
 * and escaped dots of a regex-style value (`^10\.0\.0\.5$`) are dropped first, as the issue
 * specifies, so an exact address written for the regex matcher still finds its server.
 */
export function ipMatches(cloud: SimulatedCloud, opts: Map<string, string>): Set<string> | undefined {
  const needles = ['ip', 'ip6']
    .map((name) => opts.get(name))
    .filter((v): v is string => v !== undefined && v !== '')
    .map((v) => v.replace(/[\^$]/g, '').replace(/\\\./g, '.').toLowerCase());
  if (needles.length === 0) return undefined;
  const ids = new Set<string>();
  for (const port of cloud.network.ports.values()) {
    if (!port.deviceOwner.startsWith('compute:')) continue;
    if (port.fixedIps.some((ip) => needles.some((needle) => ip.ipAddress.toLowerCase().includes(needle)))) ids.add(port.deviceId);
  }
  return ids;
}

/**
 * The remaining options that name an instance column (after the API's aliases): an exact match
 * for the columns the database matches exactly (case-insensitively, as MySQL compares), a
 * case-insensitive regex search for the others. Names that are no column are ignored, as in Nova.
 */
export function columnPredicates(opts: Map<string, string>): Predicate[] {
  const filters = new Map<string, string>();
  for (const [name, value] of opts) filters.set(columnAliases[name] ?? name, value);
  const predicates: Predicate[] = [];
  for (const [column, value] of filters) {
    const read = serverColumns[column];
    // `locked` was read as a strict boolean already.
    if (!read || column === 'locked') continue;
    if (exactColumns.has(column)) {
      const wanted = value.toLowerCase();
      predicates.push((s) => columnText(column, read(s))?.toLowerCase() === wanted);
    } else {
      const pattern = compileRegex(column, value);
      predicates.push((s) => {
        const text = columnText(column, read(s));
        return text !== null && pattern.test(text);
      });
    }
  }
  return predicates;
}
