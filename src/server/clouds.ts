import type { Cloud } from '../domain/api';
import type { CatalogEntry } from '../domain/identity';
import { VersionDiscovery } from './openstack/discovery';
import { KeystoneClient } from './openstack/keystone';
import { Transport } from './openstack/transport';
import type { CloudConfig } from './plugins/config';

/** A configured cloud with its clients. Each has its own connection pool (and CA file). */
export interface CloudRuntime {
  config: CloudConfig;
  transport: Transport;
  keystone: KeystoneClient;
  discovery: VersionDiscovery;
  /**
   * The catalog of the cloud's latest sign-in (or scope change) and the region it chose: where
   * readiness finds the services to probe, since a catalog comes only with a token.
   */
  lastCatalog?: { catalog: CatalogEntry[]; region: string } | undefined;
}

export class CloudRegistry {
  private readonly clouds: Map<string, CloudRuntime>;

  constructor(configs: readonly CloudConfig[], options: { timeoutMs: number }) {
    this.clouds = new Map(
      configs.map((config) => {
        const transport = new Transport({ timeoutMs: options.timeoutMs, caFile: config.caFile });
        const runtime: CloudRuntime = { config, transport, keystone: new KeystoneClient(transport, config.authUrl), discovery: new VersionDiscovery(transport) };
        return [config.id, runtime];
      }),
    );
  }

  list(): Cloud[] {
    return this.all().map(({ config }) => ({ id: config.id, name: config.name }));
  }

  get(id: string): CloudRuntime | undefined {
    return this.clouds.get(id);
  }

  /** The cloud a login without a `cloud` field goes to. */
  get default(): CloudRuntime {
    const [first] = this.clouds.values();
    if (!first) throw new Error('No cloud is configured.');
    return first;
  }

  all(): CloudRuntime[] {
    return [...this.clouds.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((c) => c.transport.close()));
  }
}
