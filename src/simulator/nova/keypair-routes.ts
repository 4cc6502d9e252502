import type { FastifyInstance, FastifyRequest } from 'fastify';
import { opsKey } from '../core/compute/keypairs';
import { badRequest, notFound } from './faults';
import { NovaLinks } from './links';
import { collectionLinks, readPaging } from './paging';
import { queryOf } from './query';

/** `GET /os-keypairs` (paged from 2.35) and `/os-keypairs/{name}`; `type` from 2.2. */
export function registerKeypairRoutes(app: FastifyInstance): void {
  app.get('/os-keypairs', async (request) => {
    const paging = readPaging(queryOf(request));
    const all = [keypairView(request)];
    const start = paging.marker === undefined ? 0 : all.findIndex((k) => k.name === paging.marker) + 1;
    if (start === 0 && paging.marker !== undefined) throw badRequest(`Marker ${paging.marker} could not be found.`);
    const page = all.slice(start, start + paging.limit);
    const body: Record<string, unknown> = { keypairs: page.map((keypair) => ({ keypair })) };
    if (request.microversion.atLeast('2.35')) {
      const links = collectionLinks(new NovaLinks(request), request, 'os-keypairs', paging, page.map((k) => ({ id: k.name })));
      if (links.length > 0) body.keypairs_links = links;
    }
    return body;
  });

  app.get<{ Params: { name: string } }>('/os-keypairs/:name', async (request) => {
    const { name } = request.params;
    if (name !== opsKey.name) throw notFound(`Keypair ${name} not found for user ${request.caller.userId}`);
    return {
      keypair: { ...keypairView(request), user_id: request.caller.userId, deleted: false, created_at: '2025-01-06T09:12:44.000000', updated_at: null, deleted_at: null, id: 1 },
    };
  });
}

function keypairView(request: FastifyRequest): Record<string, string> & { name: string } {
  return request.microversion.atLeast('2.2') ? { ...opsKey, type: 'ssh' } : { ...opsKey };
}
