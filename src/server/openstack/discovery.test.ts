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
