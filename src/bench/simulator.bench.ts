import { request } from 'undici';
import { startSimulator } from '../simulator';
import { type Figure, percentile, round, timeSequential } from './measure';

/**
 * The simulated Nova at demo-and-then-some scale (issue 4): one page of 100 servers out of 10 000
 * with a name filter and a marker, over loopback HTTP; and the memory the cloud takes.
 */
export async function simulatorBench(): Promise<Figure[]> {
  const heapBefore = process.memoryUsage().heapUsed;
  const simulator = await startSimulator({ seed: { servers: 10_000, networks: 2_000, projects: 3 } });
  const heapAfter = process.memoryUsage().heapUsed;
  try {
    const auth = await request(`${simulator.authUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } } },
          scope: { project: { name: 'admin', domain: { name: 'Default' } } },
        },
      }),
    });
    await auth.body.dump();
    const token = String(auth.headers['x-subject-token']);
    const headers = { 'x-auth-token': token, 'openstack-api-version': 'compute 2.100' };
    const all = [...simulator.cloud.compute.servers.values()];
    const marker = all[Math.floor(all.length / 2)]?.id ?? '';

    const samples = await timeSequential(200, async () => {
      const res = await request(`${simulator.endpoints.compute}/servers/detail?all_tenants=1&limit=100&name=web&marker=${marker}`, { headers });
      if (res.statusCode !== 200) throw new Error(`Nova answered ${res.statusCode}`);
      await res.body.json();
    });
    const networks = [...simulator.cloud.network.networks.keys()].sort();
    const networkMarker = networks[1000] ?? '';
    const neutron = await timeSequential(200, async () => {
      const res = await request(`${simulator.endpoints.network}/v2.0/networks?limit=100&marker=${networkMarker}`, { headers });
      if (res.statusCode !== 200) throw new Error(`Neutron answered ${res.statusCode}`);
      await res.body.json();
    });
    return [
      { name: 'simulator: networks page of 100 of 2 000 (marker), median', value: round(percentile(neutron, 50)), unit: 'ms' },
      { name: 'simulator: servers/detail page of 100 of 10 000 (name filter, marker), median', value: round(percentile(samples, 50)), unit: 'ms' },
      { name: 'simulator: servers/detail page of 100 of 10 000 (name filter, marker), p99', value: round(percentile(samples, 99)), unit: 'ms' },
      { name: 'simulator: heap for 10 000 servers and 2 000 networks', value: round((heapAfter - heapBefore) / 2 ** 20, 1), unit: 'MiB' },
      { name: 'simulator: process RSS with 10 000 servers and 2 000 networks', value: round(process.memoryUsage().rss / 2 ** 20, 1), unit: 'MiB' },
    ];
  } finally {
    await simulator.close();
  }
}
