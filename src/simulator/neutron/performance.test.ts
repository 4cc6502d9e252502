// A sanity bound, not a benchmark: with 2 000 networks and about 17 000 ports, one page costs a
// few milliseconds because only the page is rendered (filter → sort → slice → render). It counts
// this process's CPU time (client and simulator both run here), not wall time, so other test
// files running in parallel on the same cores do not make it flaky.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceSession, type ServiceSession } from '../testing/service-session';

let s: ServiceSession;
beforeAll(async () => {
  s = await startServiceSession({ seed: { networks: 2000, servers: 12_000, projects: 10 } });
}, 60_000);
afterAll(() => s.close());

async function medianMs(url: string, token: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = process.cpuUsage();
    const reply = await s.call('network', url, { token });
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
    expect(reply.status).toBe(200);
  }
  return times.sort((a, b) => a - b)[7] as number;
}

describe('listing speed', () => {
  it('serves a page of 100 networks from the middle of 2 000, with and without a name filter, in a few ms', async () => {
    expect(s.sim.cloud.network.networks.size).toBe(2000);
    const ids = [...s.sim.cloud.network.networks.keys()].sort();
    const marker = ids[1000] as string;
    const byMarker = await medianMs(`/v2.0/networks?limit=100&marker=${marker}`, s.admin);
    const name = [...s.sim.cloud.network.networks.values()][500]?.name as string;
    const byName = await medianMs(`/v2.0/networks?limit=100&name=${name}&marker=${marker}`, s.admin);
    // Alone these take 2 to 5 ms over loopback HTTP.
    expect(byMarker).toBeLessThan(25);
    expect(byName).toBeLessThan(25);
  });

  it('serves a page of 100 ports out of 17 000, sorted, with a substring filter', async () => {
    expect(s.sim.cloud.network.ports.size).toBeGreaterThan(15_000);
    const page = await medianMs('/v2.0/ports?limit=100&sort_key=mac_address&sort_dir=desc', s.admin);
    const filtered = await medianMs('/v2.0/ports?limit=100&fixed_ips=ip_address_substr=10.1', s.admin);
    // Alone these take 5 to 15 ms.
    expect(page).toBeLessThan(60);
    expect(filtered).toBeLessThan(60);
  });
});
