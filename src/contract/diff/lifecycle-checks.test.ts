import { describe, expect, it } from 'vitest';
import { buildAddresses } from './lifecycle-checks';
import type { NovaServer } from './watch';

const server = (status: string, vmState: string, taskState: string | null, addresses: NovaServer['addresses'] = {}): NovaServer => ({
  status,
  'OS-EXT-STS:vm_state': vmState,
  'OS-EXT-STS:task_state': taskState,
  'OS-EXT-STS:power_state': 0,
  addresses,
});
const fixed = (addr: string) => [{ addr, version: 4, 'OS-EXT-IPS:type': 'fixed' }];

describe('addresses during a build', () => {
  it('compares whether any showed before networking, and the shape at the end, network names aside', () => {
    const real = buildAddresses([server('BUILD', 'building', 'scheduling'), server('BUILD', 'building', 'spawning', { 'demo-net-08': fixed('10.10.14.50') }), server('ACTIVE', 'active', null, { 'demo-net-08': fixed('10.10.14.50') })]);
    const sim = buildAddresses([server('BUILD', 'building', 'scheduling'), server('BUILD', 'building', null), server('BUILD', 'building', 'spawning'), server('ACTIVE', 'active', null, { private: fixed('10.0.0.3') })]);
    expect(real).toEqual(sim);
    expect(real.beforeNetworking).toBe(false);
  });

  it('tells addresses shown too early, and none at the end', () => {
    expect(buildAddresses([server('BUILD', 'building', null, { net: fixed('10.0.0.3') })]).beforeNetworking).toBe(true);
    expect(buildAddresses([server('ACTIVE', 'active', null)]).atEnd).toEqual({});
  });
});
