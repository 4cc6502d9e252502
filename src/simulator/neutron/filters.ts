import { httpBadRequest } from '../core/network/errors';
import type { StandardAttributes } from '../core/network/model';
import { type Attribute, type CustomFilter, type FilterKind, readAttribute, type View } from './attributes';
import { toBoolean, toInteger } from './checks';
import { pyRepr } from '../core/compute/actions/python-repr';
import type { QueryPairs } from './query';

/** Query keys that are not filters (api_common.get_filters' `skips`). */
const listControls = new Set(['fields', 'sort_key', 'sort_dir', 'limit', 'marker', 'page_reverse']);

/**
 * Names that exist on Neutron's SQLAlchemy base model are silently skipped before validation
 * (`hasattr(model_base.BASEV2, key)`), so `?metadata=x` is ignored where `?colour=x` is a 400.
 */
const modelBaseNames = new Set(['metadata', 'registry', 'get', 'keys', 'values', 'items', 'update', 'save', 'iteritems']);

const convert: Record<FilterKind, (value: string) => unknown> = {
  string: (value) => value,
  boolean: toBoolean,
  integer: toInteger,
};

/**
 * Builds the AND of every filter in the query, as Neutron's get_filters does: a repeated key ORs
 * its values, an empty value matches an empty attribute (`empty-string-filtering`), values convert
 * as the attribute does (a bad boolean is a 400 at once), and unknown keys are collected into one
 * 400 `['x'] is invalid attribute for filtering` (`filter-validation`).
 */
export function parseFilters<T>(attributes: ReadonlyArray<Attribute<T>>, query: QueryPairs, view: View, validate = true): (item: T) => boolean {
  const byKey = new Map(attributes.map((a) => [a.key, a]));
  const valuesByKey = new Map<string, string[]>();
  for (const [key, value] of query) {
    if (listControls.has(key) || modelBaseNames.has(key)) continue;
    valuesByKey.set(key, [...(valuesByKey.get(key) ?? []), value]);
  }
  const invalid: string[] = [];
  const predicates: Array<(item: T) => boolean> = [];
  for (const [key, values] of valuesByKey) {
    const attribute = byKey.get(key);
    if (!attribute?.filter) {
      invalid.push(key);
      continue;
    }
    predicates.push(predicateFor(attribute, attribute.filter, values, view));
  }
  if (invalid.length > 0 && validate) throw httpBadRequest(`${pyRepr(invalid)} is invalid attribute for filtering`);
  return (item) => predicates.every((matches) => matches(item));
}

function predicateFor<T>(attribute: Attribute<T>, filter: FilterKind | CustomFilter<T>, values: string[], view: View): (item: T) => boolean {
  if (typeof filter === 'function') return filter(values, view);
  const wanted = new Set(values.map(convert[filter]));
  return (item) => {
    const value = readAttribute(attribute, item, view);
    // A SQL `IN` never matches NULL; other values compare as the column does, numbers as text.
    return value !== null && value !== undefined && wanted.has(filter === 'string' ? String(value) : value);
  };
}

/** `tags=a,b` and repeated `tags` alike: one set of tag names. */
function tagSet(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => v.split(',')))];
}

/**
 * standard-attr-tag's four filters (neutron/objects/tag.py): `tags` all of, `tags-any` one of,
 * `not-tags` not all of, `not-tags-any` none of.
 */
export function tagFilters<T extends StandardAttributes>(): Array<Attribute<T>> {
  const tagged =
    (test: (has: (tag: string) => boolean, wanted: string[]) => boolean): CustomFilter<T> =>
    (values) => {
      const wanted = tagSet(values);
      return (item) => test((tag) => item.tags.includes(tag), wanted);
    };
  return [
    { key: 'tags', field: 'tags', filter: tagged((has, wanted) => wanted.every(has)) },
    { key: 'tags-any', filter: tagged((has, wanted) => wanted.some(has)) },
    { key: 'not-tags', filter: tagged((has, wanted) => !wanted.every(has)) },
    { key: 'not-tags-any', filter: tagged((has, wanted) => !wanted.some(has)) },
  ];
}
