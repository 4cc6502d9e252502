// Turns two clouds' answers into values that are equal when the answers mean the same: what is
// specific to one cloud (ids, request ids, times, hosts, its own maximum microversion) is replaced
// by placeholders, and data the two clouds hold differently is reduced to its shape.
import type { Reply } from '../target';

const uuid = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi;
const requestId = /req-<uuid>/g;
const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g;
const origin = /https?:\/\/[^/\s"']+/g;

export interface ScrubOptions {
  /** Strings of this cloud only (its max microversion), each replaced by its placeholder. */
  replace?: Record<string, string>;
}

/** jsonschema lists an enum in the order of a Python set, which changes from process to process. */
const enumList = /is not one of \[([^\]]*)\]/g;

export function scrubText(text: string, options: ScrubOptions = {}): string {
  let out = text
    .replace(enumList, (_m, items: string) => `is not one of [${items.split(', ').sort().join(', ')}]`)
    .replace(uuid, '<uuid>').replace(requestId, '<request-id>').replace(isoTime, '<time>').replace(origin, '<origin>');
  for (const [value, placeholder] of Object.entries(options.replace ?? {})) out = out.split(value).join(placeholder);
  return out;
}

/** Every string in a JSON value scrubbed; keys are kept. */
export function scrubValue(value: unknown, options: ScrubOptions = {}): unknown {
  if (typeof value === 'string') return scrubText(value, options);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, options));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, options)]));
  return value;
}

/** An error answer as compared: status, the content type's kind, and the scrubbed body. */
export function errorShape(reply: Reply<unknown>, options: ScrubOptions = {}): { status: number; type: string; body: unknown } {
  const type = (reply.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  return { status: reply.status, type, body: scrubValue(reply.body, options) };
}

export interface LinkShape {
  rel: string;
  /** `absolute` (scheme and host, as Nova and Neutron write them) or `relative` (Glance). */
  form: 'absolute' | 'relative';
  path: string;
  /** The query's parameter names in their order, with the values of those that are not ids. */
  query: string[];
}

/** Parameters whose values are cloud-specific (ids); the others are compared with their values. */
const idParameters = new Set(['marker']);

export function linkShape(rel: string, href: string): LinkShape {
  const form = /^https?:\/\//.test(href) ? 'absolute' : 'relative';
  const url = new URL(href, 'http://relative.invalid');
  const query = [...url.searchParams].map(([name, value]) => (idParameters.has(name) ? name : `${name}=${scrubText(value)}`));
  return { rel, form, path: scrubText(url.pathname), query };
}

/** Nova's and Neutron's `[{rel, href}]` lists. */
export function linkListShape(links: unknown): LinkShape[] | undefined {
  if (!Array.isArray(links)) return undefined;
  return links.map((link: { rel?: string; href?: string }) => linkShape(link.rel ?? '', link.href ?? ''));
}

export type Shape = string | Shape[] | { [key: string]: Shape };

/**
 * A JSON value's structure: the type of each leaf, objects key by key (sorted), arrays by the
 * union of their items' shapes. Objects named in `dynamicKeys` (keyed by names the clouds choose,
 * such as `addresses` by network name) have their keys replaced by `<key>`.
 */
export function shapeOf(value: unknown, dynamicKeys: ReadonlySet<string> = new Set(), name = ''): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const items = new Map<string, Shape>();
    for (const item of value) {
      const shape = shapeOf(item, dynamicKeys);
      items.set(JSON.stringify(shape), shape);
    }
    return [...items.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, shape]) => shape);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (dynamicKeys.has(name)) {
      const merged = shapeOf(entries.map(([, v]) => v), dynamicKeys);
      return entries.length === 0 ? {} : { '<key>': merged };
    }
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shapeOf(v, dynamicKeys, k)]));
  }
  return typeof value;
}
