import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { owns } from '../core/network/access';
import { httpBadRequest, NeutronFault, policyNotAuthorized, revisionConstraintFailed } from '../core/network/errors';
import type { StandardAttributes } from '../core/network/model';
import { atomically } from '../core/network/transaction';
import { queryPairs } from '../http/python-urlencode';
import { createView, type View } from './attributes';
import { createBodies, enforceAdminOnly, updateBody } from './bodies';
import { type Collection, type CollectionWrites, findVisible, listItems, renderItem, showItem } from './collection';
import { resourceNotFound } from './errors';
import { type Extension, extensions } from './extensions';
import { revisionConstraint } from './if-match';
import { floatingIps } from './resources/floating-ips';
import { networks } from './resources/networks';
import { ports } from './resources/ports';
import { securityGroups } from './resources/security-groups';
import { subnets } from './resources/subnets';

interface Request {
  method: string;
  /** Path segments after `/v2.0/`, decoded, the `.json` format suffix dropped. */
  segments: string[];
  query: Array<[string, string]>;
  view: View;
  http: FastifyRequest;
}

type Handler = (request: Request, reply: FastifyReply) => unknown;

/** A collection's handlers by method, for the collection path and for one item. */
interface CollectionRoutes {
  collection: Record<string, Handler>;
  item(id: string): Record<string, Handler>;
}

/**
 * Every `/v2.0/…` path in one place, as Neutron's router reads it: the last segment may carry a
 * `.json` format suffix (Routes strips it; any other suffix stays part of the id).
 */
/** The extensions that change how lists read their query, which a simulated cloud may leave out. */
export type ListingExtension = 'pagination' | 'sorting' | 'filter-validation';

/** `pagination_max_limit` and which listing extensions are loaded. */
export interface ListingConfig {
  maxLimit: number;
  pagination: boolean;
  sorting: boolean;
  filterValidation: boolean;
}

export function registerResourceRoutes(app: FastifyInstance, cloud: SimulatedCloud, listing: ListingConfig): void {
  const routes = new Map<string, CollectionRoutes>([
    [networks.path, collectionRoutes(networks, listing)],
    [subnets.path, collectionRoutes(subnets, listing)],
    [ports.path, collectionRoutes(ports, listing)],
    [floatingIps.path, collectionRoutes(floatingIps, listing)],
    [securityGroups.path, collectionRoutes(securityGroups, listing)],
  ]);
  const loaded = extensions.filter(
    (e) => !((e.alias === 'pagination' && !listing.pagination) || (e.alias === 'sorting' && !listing.sorting) || (e.alias === 'filter-validation' && !listing.filterValidation)),
  );
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
      return route(routes, loaded, request)(request, reply);
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

function route(routes: Map<string, CollectionRoutes>, loaded: Extension[], request: Request): Handler {
  const [first = '', id, ...rest] = request.segments;
  if (rest.length > 0) return notFound;
  if (first === 'extensions') return request.method !== 'GET' ? notFound : id === undefined ? listExtensions(loaded) : showExtension(loaded, id);
  const handlers = routes.get(first);
  if (!handlers) return notFound;
  const byMethod = id === undefined ? handlers.collection : handlers.item(id);
  return withRevisionCheck(byMethod[request.method] ?? methodNotAllowed);
}

const notFound: Handler = () => {
  throw resourceNotFound();
};

const notAllowed = (method: string) => new NeutronFault(405, 'HTTPMethodNotAllowed', `The method ${method} is not allowed for this resource.`);

const methodNotAllowed: Handler = (request) => {
  throw notAllowed(request.method);
};

const listExtensions =
  (loaded: Extension[]): Handler =>
  () => ({ extensions: loaded });

const showExtension =
  (loaded: Extension[], alias: string): Handler =>
  () => {
    const extension = loaded.find((e) => e.alias === alias);
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

function collectionRoutes<T extends StandardAttributes>(collection: Collection<T>, listing: ListingConfig): CollectionRoutes {
  /** Floating IPs and security groups are read-only in the simulator. */
  const writesFor = (request: Request): CollectionWrites<T> => {
    if (!collection.writes) throw notAllowed(request.method);
    return collection.writes;
  };

  /**
   * The item a PUT or DELETE may change: visible (else the 404), the caller's own or an admin's
   * (else the policy's 403), and at the revision an If-Match names (else the 412).
   */
  const changeable = (request: Request, id: string, action: 'update' | 'delete'): T => {
    const item = findVisible(collection, request.view, id);
    if (!owns(request.view.viewer, item)) throw policyNotAuthorized(`rule:${action}_${collection.singular}`);
    const expected = revisionConstraint(request.http.headers['if-match']);
    if (expected !== undefined && expected !== item.revisionNumber) throw revisionConstraintFailed(expected, item.revisionNumber);
    return item;
  };

  return {
    collection: {
      GET: (request) => listItems(collection, request.view, request.query, { ...listing, pathUrl: pathUrl(request.http) }),
      POST: (request, reply) => {
        const writes = writesFor(request);
        const { bulk, items } = createBodies(collection, request.http.body, request.view);
        for (const body of items) enforceAdminOnly(collection, body, 'post', request.view);
        const created = atomically((tx) => items.map((body) => writes.create(tx, body, request.view)));
        const rendered = created.map((item) => renderItem(collection, request.view, item));
        return reply.code(201).send(bulk ? { [collection.plural]: rendered } : { [collection.singular]: rendered[0] });
      },
    },
    item: (id) => ({
      GET: (request) => showItem(collection, request.view, id, request.query),
      PUT: (request) => {
        const writes = writesFor(request);
        const body = updateBody(collection, request.http.body, request.view);
        const item = changeable(request, id, 'update');
        enforceAdminOnly(collection, body, 'put', request.view);
        atomically((tx) => writes.update(tx, item, body, request.view));
        return { [collection.singular]: renderItem(collection, request.view, item) };
      },
      DELETE: (request, reply) => {
        const writes = writesFor(request);
        if (request.http.body !== undefined && request.http.body !== null) throw httpBadRequest('Request body is not supported in DELETE.');
        const item = changeable(request, id, 'delete');
        atomically((tx) => writes.remove(tx, item, request.view));
        return reply.code(204).send();
      },
    }),
  };
}
