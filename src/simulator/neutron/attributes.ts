import type { Viewer } from '../core/network/access';
import type { NetworkStore } from '../core/network/model';
import type { AttributeCheck } from './checks';

/** What one request sees: who asks, the store, the time, and indexes built once per request. */
export interface View {
  viewer: Viewer;
  store: NetworkStore;
  now: number;
  /** A network's subnet ids, from an index built on first use (rendering a network list is O(n)). */
  subnetIdsOf(networkId: string): string[];
}

export function createView(store: NetworkStore, viewer: Viewer, now: number): View {
  let index: Map<string, string[]> | undefined;
  return {
    viewer,
    store,
    now,
    subnetIdsOf(networkId) {
      if (!index) {
        index = new Map();
        for (const subnet of store.subnets.values()) {
          const ids = index.get(subnet.networkId);
          if (ids) ids.push(subnet.id);
          else index.set(subnet.networkId, [subnet.id]);
        }
      }
      return index.get(networkId) ?? [];
    },
  };
}

/** How a filter value converts before the exact match (neutron-lib's `convert_to`). */
export type FilterKind = 'string' | 'boolean' | 'integer';

/** A filter that is more than an exact match (`fixed_ips=…`, tags): values in, predicate out. */
export type CustomFilter<T> = (values: string[], view: View) => (item: T) => boolean;

/** How an attribute takes part in POST and PUT bodies (neutron-lib's allow_post/allow_put/default). */
export interface WriteRule {
  post?: boolean;
  put?: boolean;
  /** A POST without it is a 400 (`Failed to parse request. Required attribute …`). */
  required?: boolean;
  /** What a POST without it gets; `undefined` leaves the choice to the create code. */
  default?: unknown;
  check?: AttributeCheck;
  /** Only admins may set it (e.g. `create_network:shared`, `provider:*`). */
  adminOnly?: boolean;
}

/**
 * One row of a resource's attribute map (neutron-lib's RESOURCE_ATTRIBUTE_MAP plus extensions):
 * how it renders, whether it filters (`is_filter`) and sorts (`is_sort_key`), who may see it, and
 * how bodies may set it. Everything a collection does is driven by these rows.
 */
export interface Attribute<T> {
  key: string;
  /** The wire value; absent for filter-only attributes (`tags-any`, a subnet's `shared`). */
  read?: (item: T, view: View) => unknown;
  /** The model field a body value goes to on update; also the default `read`. */
  field?: keyof T;
  filter?: FilterKind | CustomFilter<T>;
  sort?: boolean;
  /** Shown to admins only (policy `get_<resource>:<attribute>`). */
  adminOnly?: boolean;
  write?: WriteRule;
}

export function readAttribute<T>(attribute: Attribute<T>, item: T, view: View): unknown {
  if (attribute.read) return attribute.read(item, view);
  return attribute.field === undefined ? undefined : item[attribute.field];
}

export function isReadable<T>(attribute: Attribute<T>): boolean {
  return attribute.read !== undefined || attribute.field !== undefined;
}

