import { httpBadRequest, NeutronFault } from '../core/network/errors';
import type { StandardAttributes } from '../core/network/model';
import type { View } from './attributes';
import { checkAttribute } from './checks';
import type { Body, Collection } from './collection';

const isDict = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `Controller.prepare_request_body` for POST: one item or, under the plural key, a bulk list (each
 * item bare or wrapped in the singular key). Every item is checked before anything is created.
 */
export function createBodies<T extends StandardAttributes>(collection: Collection<T>, raw: unknown, view: View): { bulk: boolean; items: Body[] } {
  if (!isDict(raw) || Object.keys(raw).length === 0) throw httpBadRequest('Resource body required');
  const { plural, singular } = collection;
  if (!(plural in raw)) return { bulk: false, items: [prepare(collection, raw, 'post', view)] };
  const items = raw[plural];
  if (!Array.isArray(items)) throw httpBadRequest('Body contains invalid data');
  if (items.length === 0) throw httpBadRequest('Resources required');
  return { bulk: true, items: items.map((item) => prepare(collection, isDict(item) && singular in item ? item : { [singular]: item }, 'post', view)) };
}

export function updateBody<T extends StandardAttributes>(collection: Collection<T>, raw: unknown, view: View): Body {
  if (!isDict(raw) || Object.keys(raw).length === 0) throw httpBadRequest('Resource body required');
  return prepare(collection, raw, 'put', view);
}

function prepare<T extends StandardAttributes>(collection: Collection<T>, raw: Record<string, unknown>, method: 'post' | 'put', view: View): Body {
  const { singular, attributes } = collection;
  const item = raw[singular];
  if (item === undefined || item === null) throw httpBadRequest(`Unable to find '${singular}' in request body`);
  if (!isDict(item)) throw httpBadRequest(`Object '${singular}' contains invalid data`);
  const body: Body = { ...item };
  populateProject(body, method, view);

  const known = new Set(attributes.map((a) => a.key));
  const unknown = Object.keys(body).filter((key) => !known.has(key));
  if (unknown.length > 0) throw httpBadRequest(`Unrecognized attribute(s) '${unknown.join(', ')}'`);

  for (const attribute of attributes) {
    const rule = attribute.write;
    const given = attribute.key in body;
    if (method === 'put') {
      if (given && !rule?.put) throw httpBadRequest(`Cannot update read-only attribute ${attribute.key}`);
    } else if (rule?.post) {
      if (!given && rule.required) throw httpBadRequest(`Failed to parse request. Required attribute '${attribute.key}' not specified`);
      if (!given && rule.default !== undefined) body[attribute.key] = rule.default;
    } else if (given) {
      throw httpBadRequest(`Attribute '${attribute.key}' not allowed in POST`);
    }
  }
  for (const attribute of attributes) {
    const check = attribute.write?.check;
    if (check && attribute.key in body) body[attribute.key] = checkAttribute(attribute.key, body[attribute.key], check);
  }
  return body;
}

/**
 * `populate_project_info` and `_validate_privileges`: tenant_id and project_id are one value, only
 * an admin may name another project, and a create without one is the caller's.
 */
function populateProject(body: Body, method: 'post' | 'put', view: View): void {
  if ('tenant_id' in body && !('project_id' in body)) body.project_id = body.tenant_id;
  else if ('project_id' in body && !('tenant_id' in body)) body.tenant_id = body.project_id;
  if (body.project_id !== body.tenant_id) throw httpBadRequest("'project_id' and 'tenant_id' do not match");
  if ('project_id' in body && body.project_id !== view.viewer.projectId && !view.viewer.isAdmin) {
    throw httpBadRequest("Specifying 'project_id' other than the authenticated project in request is not allowed for the current user.");
  }
  if (method === 'post' && !('project_id' in body)) {
    body.project_id = view.viewer.projectId;
    body.tenant_id = view.viewer.projectId;
  }
}

/**
 * Policy on attributes only admins may set (`create_network:shared`, `update_port:binding:host_id`…):
 * Neutron checks those explicitly set to something other than their default, and names every rule.
 * It runs after the body checks and after the item was found, as Neutron's policy hook does.
 */
export function enforceAdminOnly<T extends StandardAttributes>(collection: Collection<T>, body: Body, method: 'post' | 'put', view: View): void {
  if (view.viewer.isAdmin) return;
  const action = `${method === 'post' ? 'create' : 'update'}_${collection.singular}`;
  const set = collection.attributes.filter((a) => a.write?.adminOnly && a.key in body && body[a.key] !== a.write.default).map((a) => `rule:${action}:${a.key}`);
  if (set.length > 0) throw new NeutronFault(403, 'PolicyNotAuthorized', `(rule:${action} and ${set.join(' and ')}) is disallowed by policy`);
}
