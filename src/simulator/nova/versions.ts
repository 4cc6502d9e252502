import type { FastifyInstance } from 'fastify';
import { requestOrigin } from '../http/service-app';

const minVersion = '2.1';

function v21(origin: string, maxVersion: string) {
  return {
    id: 'v2.1',
    links: [{ href: `${origin}/v2.1/`, rel: 'self' }],
    status: 'CURRENT',
    version: maxVersion,
    min_version: minVersion,
    updated: '2013-07-23T11:33:21Z',
  };
}

const rootlessHeaders = ['x-openstack-request-id', 'x-compute-request-id', 'openstack-api-version', 'x-openstack-nova-api-version', 'vary'];

/** `GET /` lists both APIs; `GET /v2.1` describes the one in use. `version` is the max microversion. */
export function registerVersionRoutes(app: FastifyInstance, maxVersion: string): void {
  app.get('/', async (request, reply) => {
    // The root's paste pipeline (oscomputeversions) has neither the request-id nor the
    // microversion middleware of /v2.1, so it answers without their headers.
    for (const header of rootlessHeaders) reply.removeHeader(header);
    const origin = requestOrigin(request);
    const v20 = {
      id: 'v2.0',
      links: [{ href: `${origin}/v2/`, rel: 'self' }],
      status: 'DEPRECATED',
      version: '',
      min_version: '',
      updated: '2025-07-04T12:00:00Z',
    };
    return { versions: [v20, v21(origin, maxVersion)] };
  });

  app.get('/v2.1', async (request) => {
    const version = v21(requestOrigin(request), maxVersion);
    return {
      version: {
        ...version,
        links: [...version.links, { href: 'http://docs.openstack.org/', rel: 'describedby', type: 'text/html' }],
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
      },
    };
  });
}
