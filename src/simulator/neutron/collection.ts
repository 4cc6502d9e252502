import { notFound, type NotFoundWording } from '../core/network/errors';
import type { NetworkStore, StandardAttributes } from '../core/network/model';
import type { Transaction } from '../core/network/transaction';
import { type Attribute, isReadable, readAttribute, type View } from './attributes';
import { parseFilters } from './filters';
import { type Link, pageLinks, parsePaging, selectPage } from './paging';
import { listArgs, type QueryPairs } from './query';
import { comparator, parseSorts, withTieBreaker } from './sorting';

/** A POST or PUT item after the attribute checks: wire keys to converted values. */
export type Body = Record<string, unknown>;

export interface CollectionWrites<T> {
  create(tx: Transaction, body: Body, view: View): T;
  update(tx: Transaction, item: T, body: Body, view: View): void;
  remove(tx: Transaction, item: T, view: View): void;
}

/**
 * One Neutron collection: everything the generic list/show/write machinery needs to know.
 * Adding a collection is writing one of these, not another handler.
 */
export interface Collection<T extends StandardAttributes> {
  /** The URL segment, e.g. `security-groups`. */
  path: string;
  /** The body key of a list, e.g. `security_groups`. */
  plural: string;
  singular: string;
  notFound: NotFoundWording;
  /**
   * An unknown marker: networks and ports load the marker row and 404 (`not-found`); the OVO
   * pager used for subnets, floating IPs and security groups drops it (`first-page`).
   */
  unknownMarker: 'not-found' | 'first-page';
  attributes: ReadonlyArray<Attribute<T>>;
  items(store: NetworkStore): Map<string, T>;
  visible(item: T, view: View): boolean;
  /** Work Neutron does on any read, e.g. creating the project's default security group. */
  beforeRead?(view: View): void;
  writes?: CollectionWrites<T>;
}

/** The item as the caller may see it, else the collection's own 404 (never a 403). */
export function findVisible<T extends StandardAttributes>(collection: Collection<T>, view: View, id: string): T {
  const item = collection.items(view.store).get(id);
  if (item === undefined || !collection.visible(item, view)) throw notFound(collection.notFound, id);
  return item;
}

/** `fields=a&fields=b`: only those keys come back (unknown names are simply absent). */
function requestedFields(query: QueryPairs): Set<string> | undefined {
  const fields = listArgs(query, 'fields');
  return fields.length > 0 ? new Set(fields) : undefined;
}

/** The attributes this caller gets: admin-only ones (provider:*, binding:*) are policy-stripped. */
function shownAttributes<T extends StandardAttributes>(collection: Collection<T>, view: View, fields: Set<string> | undefined): Array<Attribute<T>> {
  return collection.attributes.filter((a) => isReadable(a) && (!a.adminOnly || view.viewer.isAdmin) && (!fields || fields.has(a.key)));
}

function render<T>(attributes: ReadonlyArray<Attribute<T>>, item: T, view: View): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const attribute of attributes) body[attribute.key] = readAttribute(attribute, item, view);
  return body;
}

export function showItem<T extends StandardAttributes>(collection: Collection<T>, view: View, id: string, query: QueryPairs): Record<string, unknown> {
  collection.beforeRead?.(view);
  const item = findVisible(collection, view, id);
  return { [collection.singular]: render(shownAttributes(collection, view, requestedFields(query)), item, view) };
}

export function renderItem<T extends StandardAttributes>(collection: Collection<T>, view: View, item: T): Record<string, unknown> {
  return render(shownAttributes(collection, view, undefined), item, view);
}

export interface ListOptions {
  /** `pagination_max_limit`: -1 (the default) for no limit. */
  maxLimit: number;
  /** Without the `pagination` extension limit, marker and page_reverse are ignored (NoPaginationHelper). */
  pagination?: boolean;
  /** Without the `sorting` extension sort_key and sort_dir are ignored (NoSortingHelper). */
  sorting?: boolean;
  /** Without `filter-validation` an unknown filter is ignored rather than a 400. */
  filterValidation?: boolean;
  /** The request's URL without its query, which the paging links repeat. */
  pathUrl: string;
}

/**
 * GET on a collection, in Neutron's order: fields, filters, limit, sorts (each can be a 400),
 * then filter → sort → slice, rendering only the page.
 */
export function listItems<T extends StandardAttributes>(collection: Collection<T>, view: View, query: QueryPairs, options: ListOptions): Record<string, unknown> {
  const fields = requestedFields(query);
  const matches = parseFilters(collection.attributes, query, view, options.filterValidation ?? true);
  const paging = (options.pagination ?? true) ? parsePaging(query, options.maxLimit) : undefined;
  const requested = (options.sorting ?? true) ? parseSorts(collection.attributes, query) : [];
  const sorts = paging || requested.length > 0 ? withTieBreaker(requested, collection.attributes) : requested;

  collection.beforeRead?.(view);
  const rows: T[] = [];
  for (const item of collection.items(view.store).values()) {
    if (collection.visible(item, view) && matches(item)) rows.push(item);
  }

  let page: T[] = rows;
  let links: Link[] | undefined;
  if (paging) {
    const marker = paging.marker === undefined ? undefined : markerItem(collection, view, paging.marker);
    page = selectPage(rows, sorts, view, paging, marker);
    links = pageLinks(options.pathUrl, query, page.map((item) => item.id), paging);
  } else if (sorts.length > 0) {
    page = rows.sort(comparator(sorts, view));
  }

  const shown = shownAttributes(collection, view, fields);
  const body: Record<string, unknown> = { [collection.plural]: page.map((item) => render(shown, item, view)) };
  if (links) body[`${collection.plural}_links`] = links;
  return body;
}

function markerItem<T extends StandardAttributes>(collection: Collection<T>, view: View, id: string): T | undefined {
  if (collection.unknownMarker === 'not-found') return findVisible(collection, view, id);
  const item = collection.items(view.store).get(id);
  return item && collection.visible(item, view) ? item : undefined;
}
