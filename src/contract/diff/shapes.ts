// What of a list or a resource answer is compared when the two clouds hold different data.
import type { Reply } from '../target';
import { errorShape, linkListShape, linkShape, type ScrubOptions, shapeOf } from './normalise';

const headerNames = ['x-openstack-request-id', 'x-compute-request-id', 'openstack-api-version', 'x-openstack-nova-api-version'];

/** Which of the OpenStack headers came back: each service sends its own set. */
export function headerSet(reply: Reply<unknown>): string[] {
  return headerNames.filter((name) => reply.headers.has(name));
}

const objectBody = (reply: Reply<unknown>): Record<string, unknown> => (reply.body && typeof reply.body === 'object' ? (reply.body as Record<string, unknown>) : {});

/**
 * A list answer: status, top-level keys, item count and each link's structure (Nova's and
 * Neutron's `<collection>_links`, Glance's `first`/`next`). Items' fields have checks of their own.
 */
export function listShape(reply: Reply<unknown>, collection: string, options: ScrubOptions = {}) {
  if (reply.status >= 400) return errorShape(reply, options);
  const body = objectBody(reply);
  const items = Array.isArray(body[collection]) ? (body[collection] as unknown[]) : [];
  const glanceLinks = ['first', 'next', 'schema'].filter((rel) => typeof body[rel] === 'string').map((rel) => linkShape(rel, body[rel] as string));
  return {
    status: reply.status,
    headers: headerSet(reply),
    keys: Object.keys(body).sort(),
    count: items.length,
    links: linkListShape(body[`${collection}_links`]) ?? glanceLinks,
  };
}

/** Any answer where the body's content is compared after scrubbing (errors, small documents). */
export function answerShape(reply: Reply<unknown>, options: ScrubOptions = {}) {
  return { ...errorShape(reply, options), headers: headerSet(reply) };
}

/** A resource's fields and their types, for bodies whose values are the clouds' own. */
export function fieldsShape(reply: Reply<unknown>, key: string, dynamicKeys: readonly string[] = []) {
  if (reply.status >= 400) return errorShape(reply);
  return { status: reply.status, fields: shapeOf(objectBody(reply)[key], new Set(dynamicKeys)) };
}

/** Whether a list came back in the order asked for, compared as the clouds compare (text by code point). */
export function isSorted(reply: Reply<unknown>, collection: string, key: string, dir: 'asc' | 'desc'): unknown {
  if (reply.status >= 400) return errorShape(reply);
  const items = (objectBody(reply)[collection] as Array<Record<string, unknown>> | undefined) ?? [];
  const values = items.map((item) => String(item[key] ?? ''));
  return values.every((v, i) => i === 0 || (dir === 'asc' ? (values[i - 1] as string) <= v : (values[i - 1] as string) >= v));
}

/** The next page's URL from a list answer, as each service gives it. */
export function nextHref(reply: Reply<unknown>, collection: string): string | undefined {
  const body = objectBody(reply);
  if (typeof body.next === 'string') return body.next;
  const links = body[`${collection}_links`] as Array<{ rel: string; href: string }> | undefined;
  return links?.find((link) => link.rel === 'next')?.href;
}

/** Objects keyed by names each cloud chooses (its network names, its metadata). */
export const dynamicKeys = ['addresses', 'metadata'];

/** A success's body has the cloud's values (a password, an image id, a server): its shape is compared. */
export function answerOf(reply: Reply<unknown>): unknown {
  return reply.status >= 400 ? errorShape(reply) : { status: reply.status, body: shapeOf(reply.body === '' ? null : reply.body, new Set(dynamicKeys)) };
}
