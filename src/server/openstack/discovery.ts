import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { versionDocumentUrl } from '../../domain/identity';
import { badResponse, failed, upstreamMessage } from './errors';
import type { Transport, UpstreamResponse } from './transport';

/** The newest compute microversion whose responses Stackdeck reads. */
export const highestKnownComputeVersion = '2.100';

const extensionListSchema = z.object({ extensions: z.array(z.object({ alias: z.string() })) });

const versionDocSchema = z.object({
  version: z.object({ id: z.string(), version: z.string(), min_version: z.string() }),
});

export interface Microversion {
  major: number;
  minor: number;
}

export function parseMicroversion(value: string): Microversion | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(value.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

export function compareMicroversions(a: Microversion, b: Microversion): number {
  return a.major - b.major || a.minor - b.minor;
}

/**
 * Picks min(server maximum, highest known), never `latest`: `latest` would change the response
 * shapes under us the day the cloud is upgraded. An empty `version` means a cloud without
 * microversions, which speaks 2.1.
 */
export function chooseMicroversion(serverMin: string, serverMax: string, known = highestKnownComputeVersion): string {
  const max = parseMicroversion(serverMax);
  const ours = parseMicroversion(known);
  if (!max || !ours) return '2.1';
  const chosen = compareMicroversions(max, ours) < 0 ? max : ours;
  const min = parseMicroversion(serverMin);
  if (min && compareMicroversions(chosen, min) < 0) return serverMin;
  return `${chosen.major}.${chosen.minor}`;
}

/**
 * Layer 2 of the client (seed 004): version discovery, done once per endpoint and shared by every
 * session that uses it. A failed discovery is forgotten so the next call tries again.
 */
export class VersionDiscovery {
  private readonly compute = new Map<string, Promise<string>>();
  private readonly network = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(private readonly transport: Transport) {}

  computeMicroversion(endpoint: string, log: FastifyBaseLogger): Promise<string> {
    let found = this.compute.get(endpoint);
    if (!found) {
      found = this.discoverCompute(endpoint, log);
      this.compute.set(endpoint, found);
      found.catch(() => this.compute.delete(endpoint));
    }
    return found;
  }

  /**
   * The aliases of the extensions a Neutron endpoint loads (`GET /v2.0/extensions`), asked once
   * per endpoint and shared by every session: extensions are the cloud's configuration, not the
   * user's. `load` makes the call with the asking session's token (Neutron wants one). A Neutron
   * without the extensions API (404) has none that Stackdeck relies on.
   */
  networkExtensions(endpoint: string, load: () => Promise<UpstreamResponse>): Promise<ReadonlySet<string>> {
    let found = this.network.get(endpoint);
    if (!found) {
      found = load().then((res) => {
        if (res.status === 404) return new Set<string>();
        if (res.status !== 200) throw failed('network', res.status, upstreamMessage(res.body), res.requestId);
        const parsed = extensionListSchema.safeParse(res.body);
        if (!parsed.success) throw badResponse('network', 'The extension list is not in the expected shape.', res.requestId);
        return new Set(parsed.data.extensions.map((e) => e.alias));
      });
      this.network.set(endpoint, found);
      found.catch(() => this.network.delete(endpoint));
    }
    return found;
  }

  private async discoverCompute(endpoint: string, log: FastifyBaseLogger): Promise<string> {
    const res = await this.transport.send({ service: 'compute', method: 'GET', url: versionDocumentUrl('compute', endpoint), log });
    if (res.status !== 200) throw failed('compute', res.status, upstreamMessage(res.body), res.requestId);
    const parsed = versionDocSchema.safeParse(res.body);
    if (!parsed.success) throw badResponse('compute', 'The version document is not in the expected shape.', res.requestId);
    const { min_version, version } = parsed.data.version;
    return version ? chooseMicroversion(min_version, version) : '2.1';
  }
}
