import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { owns } from '../core/network/access';
import { httpBadRequest, NeutronFault, policyNotAuthorized, revisionConstraintFailed } from '../core/network/errors';
import type { StandardAttributes } from '../core/network/model';
import { atomically } from '../core/network/transaction';
import { queryPairs } from '../http/python-urlencode';
import { createView, type View } from './attributes';
import { createBodies, revisionConstraint, updateBody } from './bodies';
import { type Collection, type CollectionWrites, findVisible, listItems, renderItem, showItem } from './collection';
import { resourceNotFound } from './errors';
import { extensions } from './extensions';
import { floatingIps } from './resources/floating-ips';
import { networks } from './resources/networks';
import { ports } from './resources/ports';
import { securityGroups } from './resources/security-groups';
import { subnets } from './resources/subnets';

// Variance: each collection is used only with its own item type.
type AnyCollection = Collection<StandardAttributes>;
const collections = new Map<string, AnyCollection>(
  ([networks, subnets, ports, floatingIps, securityGroups] as unknown as AnyCollection[]).map((c) => [c.path, c]),
);

interface Request {
  method: string;
  /** Path segments after `/v2.0/`, decoded, the `.json` format suffix dropped. */
  segments: string[];
  query: Array<[string, string]>;
  view: View;
  http: FastifyRequest;
}

type Handler = (request: Request, reply: FastifyReply) => unknown;

/**
 * Every `/v2.0/…` path in one place, as Neutron's router reads it: the last segment may carry a
 * `.json` format suffix (Routes strips it; any other suffix stays part of the id).
 */
export function registerResourceRoutes(app: FastifyInstance, cloud: SimulatedCloud, maxLimit: number): void {
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    url: '/v2.0/*',
    handler: async (http, reply) => {
      const request: Request = {
        method: http.method,
        segments: segmentsOf(http.url),
        query: queryPairs(http.url),
        view: createView(cloud.network, http.caller, cloud.clock.now()),
        http,
      };
      return route(request, maxLimit)(request, reply);
    },
  });
}

function segmentsOf(url: string): string[] {
  const path = (url.split('?')[0] ?? '').slice('/v2.0/'.length).replace(/\/$/, '');
  const segments = path.split('/').map((s) => decodeURIComponent(s));
  const last = segments.length - 1;
  segments[last] = (segments[last] ?? '').replace(/\.json$/, '');
  return segments;
}

function route(request: Request, maxLimit: number): Handler {
  const [first = '', id, ...rest] = request.segments;
  if (rest.length > 0) return notFound;
  if (first === 'extensions') return request.method !== 'GET' ? notFound : id === undefined ? listExtensions : showExtension(id);
  const collection = collections.get(first);
  if (!collection) return notFound;
  const handlers: Record<string, Handler | undefined> =
    id === undefined
      ? { GET: list(collection, maxLimit), POST: create(collection) }
      : { GET: show(collection, id), PUT: update(collection, id), DELETE: remove(collection, id) };
  return withRevisionCheck(handlers[request.method] ?? methodNotAllowed);
}

const notFound: Handler = () => {
  throw resourceNotFound();
};

const notAllowed = (method: string) => new NeutronFault(405, 'HTTPMethodNotAllowed', `The method ${method} is not allowed for this resource.`);

const methodNotAllowed: Handler = (request) => {
  throw notAllowed(request.method);
};

const listExtensions: Handler = () => ({ extensions });

const showExtension =
  (alias: string): Handler =>
  () => {
    const extension = extensions.find((e) => e.alias === alias);
    if (!extension) throw new NeutronFault(404, 'HTTPNotFound', `Extension with alias ${alias} does not exist`);
    return { extension };
  };

/** Neutron parses If-Match on every resource request, so a malformed one is a 400 even on GET. */
function withRevisionCheck(handler: Handler): Handler {
  return (request, reply) => {
    revisionConstraint(request.http.headers['if-match']);
    return handler(request, reply);
  };
}

/** The request URL without its query, as paging links repeat it (X-Forwarded-Proto honoured). */
function pathUrl(http: FastifyRequest): string {
  const forwarded = http.headers['x-forwarded-proto'];
  const scheme = typeof forwarded === 'string' && forwarded ? forwarded : http.protocol;
  return `${scheme}://${http.host}${http.url.split('?')[0]}`;
}

const list =
  (collection: AnyCollection, maxLimit: number): Handler =>
  (request) =>
    listItems(collection, request.view, request.query, { maxLimit, pathUrl: pathUrl(request.http) });

const show =
  (collection: AnyCollection, id: string): Handler =>
  (request) =>
    showItem(collection, request.view, id, request.query);

/** Floating IPs and security groups are read-only in the simulator. */
function writesOf(collection: AnyCollection, request: Request): CollectionWrites<StandardAttributes> {
  if (!collection.writes) throw notAllowed(request.method);
  return collection.writes;
}

const create =
  (collection: AnyCollection): Handler =>
  (request, reply) => {
    const writes = writesOf(collection, request);
    const { bulk, items } = createBodies(collection, request.http.body, request.view);
    const created = atomically((tx) => items.map((body) => writes.create(tx, body, request.view)));
    const rendered = created.map((item) => renderItem(collection, request.view, item));
    return reply.code(201).send(bulk ? { [collection.plural]: rendered } : { [collection.singular]: rendered[0] });
  };

/**
 * The item a PUT or DELETE may change: visible (else the 404), the caller's own or an admin's
 * (else the policy's 403), and at the revision an If-Match names (else the 412).
 */
function changeable(collection: AnyCollection, request: Request, id: string, action: 'update' | 'delete'): StandardAttributes {
  const item = findVisible(collection, request.view, id);
  if (!owns(request.view.viewer, item)) throw policyNotAuthorized(`rule:${action}_${collection.singular}`);
  const expected = revisionConstraint(request.http.headers['if-match']);
  if (expected !== undefined && expected !== item.revisionNumber) throw revisionConstraintFailed(expected, item.revisionNumber);
  return item;
}

const update =
  (collection: AnyCollection, id: string): Handler =>
  (request) => {
    const writes = writesOf(collection, request);
    const body = updateBody(collection, request.http.body, request.view);
    const item = changeable(collection, request, id, 'update');
    atomically((tx) => writes.update(tx, item, body, request.view));
    return { [collection.singular]: renderItem(collection, request.view, item) };
  };

const remove =
  (collection: AnyCollection, id: string): Handler =>
  (request, reply) => {
    const writes = writesOf(collection, request);
    if (request.http.body !== undefined && request.http.body !== null) throw httpBadRequest('Request body is not supported in DELETE.');
    const item = changeable(collection, request, id, 'delete');
    atomically((tx) => writes.remove(tx, item, request.view));
    return reply.code(204).send();
  };
