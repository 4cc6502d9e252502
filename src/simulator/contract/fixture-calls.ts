// Which call each response fixture in shared/fixtures/openstack answers, so the specs can be held
// against the real samples: where a spec rejects a sample, the spec is wrong.
import type { OpenstackService } from '../testing/shape';
import type { SpecCall } from './response-schema';

type FixtureCall = Omit<SpecCall, 'microversion'>;

const serverAction = (status: number, action: string): FixtureCall => ({ operation: 'POST /v2.1/servers/{id}/action', status, action });

/** Every `*-resp*.json` fixture, by service and file name; the microversion comes from the name. */
export const fixtureCalls: Record<OpenstackService, Record<string, FixtureCall>> = {
  compute: {
    // The spec has no unversioned root: its `/v2.1/` is "List All Major Versions", and Nova routes
    // both `/v2.1/` and `/v2.1/versions/{id}` to the one-version document.
    'versions-get-resp.json': { operation: 'GET /v2.1/', status: 200 },
    'v21-version-get-resp.json': { operation: 'GET /v2.1/versions/{id}', status: 200 },
    'server-get-resp.v2.1.json': { operation: 'GET /v2.1/servers/{id}', status: 200 },
    'server-get-resp.v2.47.json': { operation: 'GET /v2.1/servers/{id}', status: 200 },
    'server-get-resp.v2.100.json': { operation: 'GET /v2.1/servers/{id}', status: 200 },
    'server-get-resp-rescue.json': { operation: 'GET /v2.1/servers/{id}', status: 200 },
    'servers-details-resp.v2.1.json': { operation: 'GET /v2.1/servers/detail', status: 200 },
    'servers-details-resp.v2.100.json': { operation: 'GET /v2.1/servers/detail', status: 200 },
    'servers-list-resp.v2.100.json': { operation: 'GET /v2.1/servers', status: 200 },
    'flavors-detail-resp.v2.75.json': { operation: 'GET /v2.1/flavors/detail', status: 200 },
    'flavors-detail-resp.v2.102.json': { operation: 'GET /v2.1/flavors/detail', status: 200 },
    'instance-actions-list-resp.v2.1.json': { operation: 'GET /v2.1/servers/{server_id}/os-instance-actions', status: 200 },
    'instance-actions-list-with-limit-resp.v2.58.json': { operation: 'GET /v2.1/servers/{server_id}/os-instance-actions', status: 200 },
    'instance-actions-list-resp.v2.84.json': { operation: 'GET /v2.1/servers/{server_id}/os-instance-actions', status: 200 },
    'instance-action-get-resp.v2.84.json': { operation: 'GET /v2.1/servers/{server_id}/os-instance-actions/{id}', status: 200 },
    'instance-action-get-non-admin-resp.v2.84.json': { operation: 'GET /v2.1/servers/{server_id}/os-instance-actions/{id}', status: 200 },
    'action-rescue-resp.json': serverAction(200, 'rescue'),
    'action-create-image-resp.v2.45.json': serverAction(202, 'createImage'),
  },
  identity: {
    'auth-project-scoped-resp.json': { operation: 'POST /v3/auth/tokens', status: 201 },
    'auth-unscoped-resp.json': { operation: 'POST /v3/auth/tokens', status: 201 },
    'auth-appcred-resp.json': { operation: 'POST /v3/auth/tokens', status: 201 },
    'auth-receipt-401-resp.json': { operation: 'POST /v3/auth/tokens', status: 401 },
    'auth-projects-resp.json': { operation: 'GET /v3/auth/projects', status: 200 },
    'auth-catalog-resp.json': { operation: 'GET /v3/auth/catalog', status: 200 },
  },
  network: {
    'networks-list-resp.json': { operation: 'GET /v2.0/networks', status: 200 },
    'networks-bulk-create-resp.json': { operation: 'POST /v2.0/networks', status: 201 },
    'subnets-list-resp.json': { operation: 'GET /v2.0/subnets', status: 200 },
    'ports-list-resp.json': { operation: 'GET /v2.0/ports', status: 200 },
    'extensions-list-resp.json': { operation: 'GET /v2.0/extensions', status: 200 },
  },
  image: {
    'images-list-resp.json': { operation: 'GET /v2/images', status: 200 },
    'image-show-resp.json': { operation: 'GET /v2/images/{image_id}', status: 200 },
  },
};

/** Nova's samples name their microversion (`server-get-resp.v2.47.json`); unnamed ones are 2.1. */
export function fixtureMicroversion(service: OpenstackService, file: string): string | undefined {
  if (service !== 'compute') return undefined;
  return /\.v(\d+\.\d+)\.json$/.exec(file)?.[1] ?? '2.1';
}
