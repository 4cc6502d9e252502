import type { StandardAttributes } from '../core/network/model';
import { isoSeconds } from '../http/iso-time';
import type { Attribute, WriteRule } from './attributes';
import { tagFilters } from './filters';

/**
 * The standard attributes every resource here carries: id, name (floating IPs have none),
 * description, project (under both names), timestamps, revision_number and tags with their four
 * filters.
 */
export function standardAttributes<T extends StandardAttributes>({ named = true } = {}): Array<Attribute<T>> {
  // Absent means the caller's project; another project needs admin (see bodies.ts).
  const projectRule: WriteRule = { post: true };
  return [
    { key: 'id', field: 'id', filter: 'string', sort: true },
    ...(named ? [{ key: 'name', field: 'name', filter: 'string', sort: true, write: { post: true, put: true, default: '', check: { kind: 'name' } } } satisfies Attribute<T>] : []),
    { key: 'description', field: 'description', filter: 'string', write: { post: true, put: true, default: '', check: { kind: 'string', max: 255 } } },
    { key: 'tenant_id', field: 'projectId', filter: 'string', sort: true, write: projectRule },
    { key: 'project_id', field: 'projectId', filter: 'string', sort: true, write: projectRule },
    { key: 'created_at', read: (item) => isoSeconds(item.createdAt) },
    { key: 'updated_at', read: (item) => isoSeconds(item.updatedAt) },
    { key: 'revision_number', field: 'revisionNumber', filter: 'string' },
    ...tagFilters<T>(),
  ];
}
