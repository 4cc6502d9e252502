import { request } from 'undici';
import { startSimulatorProcess } from '../simulator/testing/simulator-process';
import { type Figure, get, percentile, round, startSignedInBff, throughput, timeSequential } from './measure';

/**
 * What the BFF adds to a list call (architecture.md budget: ≤ 1 ms median over calling Nova
 * directly, one connection at a time), and its requests/s with 50 connections, on 10 000 servers.
 */
export async function bffBench(): Promise<Figure[]> {
  // The cloud runs in its own process, as a real one would, so its work is not billed to the BFF.
  const simulator = await startSimulatorProcess(['--servers', '10000', '--networks', '2000']);
  const authUrl = simulator.environments[0]?.OS_AUTH_URL ?? '';
  const bff = await startSignedInBff(authUrl, 64);
  try {
    const { token, compute } = await directToken(authUrl);
    const direct = () =>
      get(`${compute}/servers/detail?limit=50&sort_key=created_at&sort_dir=desc`, bff.dispatcher, {
        'x-auth-token': token,
        'openstack-api-version': 'compute 2.100',
      });
    const viaBff = () => get(`${bff.base}/api/servers?limit=50`, bff.dispatcher, { cookie: bff.cookie });

    const directMs = percentile(await timeSequential(200, direct), 50);
    const bffMs = percentile(await timeSequential(200, viaBff), 50);
    const rps = await throughput(50, 5_000, viaBff);
    return [
      { name: 'bff: list of 50 servers, Nova directly, median', value: round(directMs), unit: 'ms' },
      { name: 'bff: list of 50 servers through the BFF, median', value: round(bffMs), unit: 'ms' },
      { name: 'bff: added by the BFF to a list call, median', value: round(bffMs - directMs), unit: 'ms', budget: 1 },
      { name: 'bff: list calls per second, 50 connections', value: round(rps, 0), unit: 'req/s', higherIsBetter: true },
    ];
  } finally {
    await bff.close();
    await simulator.stop();
  }
}

/** A token for demo, and Nova's URL from its catalog, as the BFF would find it. */
async function directToken(authUrl: string): Promise<{ token: string; compute: string }> {
  const res = await request(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: 'demo' } } },
        scope: { project: { name: 'demo', domain: { name: 'Default' } } },
      },
    }),
  });
  const body = (await res.body.json()) as { token: { catalog: Array<{ type: string; endpoints: Array<{ interface: string; url: string }> }> } };
  const compute = body.token.catalog.find((e) => e.type === 'compute')?.endpoints.find((e) => e.interface === 'public')?.url ?? '';
  return { token: String(res.headers['x-subject-token']), compute };
}
