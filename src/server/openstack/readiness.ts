import type { FastifyBaseLogger } from 'fastify';
import type { Readiness } from '../../domain/api';
import { versionDocumentUrl } from '../../domain/identity';
import type { CloudRuntime } from '../clouds';
import { failed, type ServiceType, upstreamMessage } from './errors';
import { catalogEndpoint } from './service';

/** How long a probe may take: an orchestrator's probe gives up after a few seconds. */
export const probeTimeoutMs = 2000;

/** The services the BFF calls from the catalog (Keystone it reaches at its auth URL). */
const catalogServices = ['compute', 'network', 'image'] as const satisfies readonly ServiceType[];

type Checks = Readiness['checks'];

/**
 * One cloud's readiness, a check per service named `service:cloud`: Keystone at its auth URL, and
 * each service of the catalog the cloud last gave at a sign-in at its version document (which needs
 * no token). Before any sign-in the services are not known, which is no reason to be unready.
 */
export async function cloudReadiness(cloud: CloudRuntime, log: FastifyBaseLogger): Promise<Checks> {
  const id = cloud.config.id;
  const seen = cloud.lastCatalog;
  const probes: Array<[string, () => Promise<void>]> = [
    [`identity:${id}`, () => cloud.keystone.ping(log, probeTimeoutMs)],
    ...(seen ? catalogServices.map((service): [string, () => Promise<void>] => [`${service}:${id}`, () => probeService(cloud, seen, service, log)]) : []),
  ];
  const checks: Checks = Object.fromEntries(await Promise.all(probes.map(async ([name, probe]) => [name, await outcome(probe)] as const)));
  if (!seen) {
    checks[`services:${id}`] = { ok: true, message: 'Compute, network and image are checked once someone has signed in: their endpoints come with a sign-in.' };
  }
  return checks;
}

/** Any answer below 500 means the service is up; Glance and Keystone answer their roots with 300. */
async function probeService(cloud: CloudRuntime, seen: NonNullable<CloudRuntime['lastCatalog']>, service: ServiceType, log: FastifyBaseLogger): Promise<void> {
  const url = versionDocumentUrl(service, catalogEndpoint(cloud, seen, service));
  const res = await cloud.transport.send({ service, method: 'GET', url, log, timeoutMs: probeTimeoutMs });
  if (res.status >= 500) throw failed(service, res.status, upstreamMessage(res.body), res.requestId);
}

async function outcome(probe: () => Promise<void>): Promise<Checks[string]> {
  try {
    await probe();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
