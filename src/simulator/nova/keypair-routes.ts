import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, notFound } from './faults';
import { NovaLinks } from './links';
import { collectionLinks, readPaging } from './paging';
import { queryOf } from './query';

/**
 * The seeded servers boot with `ops-key`, so every user has that one keypair; the simulator does
 * not create others. Its key is a fixed, syntactically valid public key.
 */
const opsKey = {
  name: 'ops-key',
  fingerprint: '3c:8a:5e:27:91:0d:b4:f6:1e:c2:77:a9:40:5b:d3:18',
  public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG0y2Fh6v3pK8Qe1Xj4mZr7sLw9NcT5uYb2HdA6oPq1R ops@stackdeck\n',
};

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
