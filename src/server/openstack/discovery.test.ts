import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator';
import type { Simulator } from '../testing/stack';
import { chooseMicroversion, VersionDiscovery } from './discovery';
import { Transport } from './transport';

describe('chooseMicroversion', () => {
  it.each([
    ['2.1', '2.104', '2.100'],
    ['2.1', '2.93', '2.93'],
    ['2.1', '2.100', '2.100'],
    ['2.1', '2.9', '2.9'],
    ['2.1', '', '2.1'],
    ['2.101', '2.104', '2.101'],
  ])('min %s, max %s → %s', (min, max, chosen) => {
    expect(chooseMicroversion(min, max)).toBe(chosen);
  });
});

describe('VersionDiscovery against the simulated Nova', () => {
  const log = pino({ level: 'silent' });
  let zed: Simulator;
  let transport: Transport;
  beforeAll(async () => {
    zed = await startSimulator({ novaMaxVersion: '2.93' });
    transport = new Transport({ timeoutMs: 5000 });
  });
  afterAll(async () => {
    await transport.close();
    await zed.close();
  });

  it('negotiates once per endpoint and caches the answer', async () => {
    const discovery = new VersionDiscovery(transport);
    const calls: string[] = [];
    const counting = pino({ level: 'info' }, { write: (line: string) => calls.push(line) });
    const [a, b] = await Promise.all([
      discovery.computeMicroversion(zed.endpoints.compute, counting),
      discovery.computeMicroversion(zed.endpoints.compute, counting),
    ]);
    expect([a, b]).toEqual(['2.93', '2.93']);
    expect(await discovery.computeMicroversion(zed.endpoints.compute, counting)).toBe('2.93');
    expect(calls).toHaveLength(1);
  });

  it('finds the version document behind a catalog URL that carries a project id', async () => {
    const discovery = new VersionDiscovery(transport);
    expect(await discovery.computeMicroversion(`${zed.endpoints.compute}/0123456789abcdef0123456789abcdef`, log)).toBe('2.93');
  });
});

describe('VersionDiscovery: Neutron extensions', () => {
  const reply = (status: number, body: unknown) => ({ status, headers: {}, body, requestId: undefined });
  const discovery = () => new VersionDiscovery(new Transport({ timeoutMs: 1000 }));

  it('asks once per endpoint, whoever asks', async () => {
    const d = discovery();
    let calls = 0;
    const load = async () => {
      calls += 1;
      return reply(200, { extensions: [{ alias: 'pagination' }, { alias: 'sorting' }] });
    };
    const [a, b] = await Promise.all([d.networkExtensions('http://n/v2.0', load), d.networkExtensions('http://n/v2.0', load)]);
    expect([...a]).toEqual(['pagination', 'sorting']);
    expect(b).toBe(a);
    await d.networkExtensions('http://other/v2.0', load);
    expect(calls).toBe(2);
  });

  it('takes a Neutron without the extensions API as one without extensions, and forgets a failure', async () => {
    const d = discovery();
    expect((await d.networkExtensions('http://old/v2.0', async () => reply(404, ''))).size).toBe(0);
    await expect(d.networkExtensions('http://n/v2.0', async () => reply(500, { NeutronError: { message: 'boom' } }))).rejects.toMatchObject({ code: 'upstream.error' });
    expect((await d.networkExtensions('http://n/v2.0', async () => reply(200, { extensions: [{ alias: 'pagination' }] }))).has('pagination')).toBe(true);
  });
});
