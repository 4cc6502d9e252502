import { describe, expect, it } from 'vitest';
import { cidrContains, formatCidr, formatIp, parseCidr, parseIp } from './addresses';
import { type NetworkSearch, partialNameMatches, planNetworkSearch, subnetMatches } from './search';

describe('planNetworkSearch', () => {
  it.each<[string, NetworkSearch | undefined]>([
    ['5f1c34e4-8f0a-4c3e-9a55-0c2b9c1f7a10', { kind: 'id', id: '5f1c34e4-8f0a-4c3e-9a55-0c2b9c1f7a10' }],
    ['5F1C34E48F0A4C3E9A550C2B9C1F7A10', { kind: 'id', id: '5f1c34e4-8f0a-4c3e-9a55-0c2b9c1f7a10' }],
    ['10.0.0.0/24', { kind: 'cidr', version: 4, cidr: '10.0.0.0/24' }],
    ['10.0.0.5/24', { kind: 'cidr', version: 4, cidr: '10.0.0.0/24' }],
    [' FD00:1:0::/64 ', { kind: 'cidr', version: 6, cidr: 'fd00:1::/64' }],
    ['10.0.3.17', { kind: 'ip', version: 4, address: '10.0.3.17' }],
    ['2001:DB8:0:0:1:0:0:1', { kind: 'ip', version: 6, address: '2001:db8::1:0:0:1' }],
    ['fd00::1', { kind: 'ip', version: 6, address: 'fd00::1' }],
    ['10.0.3', { kind: 'name', value: '10.0.3' }],
    ['300.1.1.1', { kind: 'name', value: '300.1.1.1' }],
    ['10.0.0.0/33', { kind: 'name', value: '10.0.0.0/33' }],
    ['net/a', { kind: 'name', value: 'net/a' }],
    ['private', { kind: 'name', value: 'private' }],
    ['deadbeef', { kind: 'name', value: 'deadbeef' }],
    ['cafe', { kind: 'name', value: 'cafe' }],
    ['  ', undefined],
  ])('%j', (q, plan) => {
    expect(planNetworkSearch(q)).toEqual(plan);
  });
});

describe('subnet matching', () => {
  const ip = (address: string) => {
    const plan = planNetworkSearch(address);
    if (plan?.kind !== 'ip' && plan?.kind !== 'cidr') throw new Error(`not an address: ${address}`);
    return plan;
  };

  it('finds the subnet that contains an address, either family', () => {
    expect(subnetMatches(ip('10.0.3.17'), '10.0.3.0/24')).toBe(true);
    expect(subnetMatches(ip('10.0.3.17'), '10.0.0.0/16')).toBe(true);
    expect(subnetMatches(ip('10.0.3.17'), '10.0.30.0/24')).toBe(false);
    expect(subnetMatches(ip('10.0.3.17'), 'fd00::/8')).toBe(false);
    expect(subnetMatches(ip('fd00:1::1a'), 'fd00:1::/64')).toBe(true);
    expect(subnetMatches(ip('fd00:2::1a'), 'fd00:1::/64')).toBe(false);
    expect(subnetMatches(ip('10.0.3.17'), undefined)).toBe(false);
  });

  it('matches a CIDR exactly, in canonical form', () => {
    expect(subnetMatches(ip('10.0.0.0/24'), '10.0.0.0/24')).toBe(true);
    expect(subnetMatches(ip('10.0.0.0/24'), '10.0.0.0/16')).toBe(false);
    expect(subnetMatches(ip('FD00:1::/64'), 'fd00:1::/64')).toBe(true);
  });

  it('does the arithmetic at the edges of a range', () => {
    const cidr = parseCidr('192.168.1.128/25');
    if (!cidr) throw new Error('parse failed');
    expect(formatCidr(cidr)).toBe('192.168.1.128/25');
    expect(cidrContains(cidr, parseIp('192.168.1.128') as NonNullable<ReturnType<typeof parseIp>>)).toBe(true);
    expect(cidrContains(cidr, parseIp('192.168.1.255') as NonNullable<ReturnType<typeof parseIp>>)).toBe(true);
    expect(cidrContains(cidr, parseIp('192.168.1.127') as NonNullable<ReturnType<typeof parseIp>>)).toBe(false);
    expect(formatCidr(parseCidr('0.0.0.0/0') as NonNullable<ReturnType<typeof parseCidr>>)).toBe('0.0.0.0/0');
    expect(formatIp(parseIp('::') as NonNullable<ReturnType<typeof parseIp>>)).toBe('::');
    expect([parseIp('1::2::3'), parseIp('1:2:3'), parseIp('256.1.1.1'), parseCidr('10.0.0.0/'), parseCidr('fd00::/129')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('partialNameMatches', () => {
  it('finds the text anywhere in a name, any case, but not the exact name Neutron already found', () => {
    expect(partialNameMatches('back', 'backend-prod-01')).toBe(true);
    expect(partialNameMatches('PROD', 'backend-prod-01')).toBe(true);
    expect(partialNameMatches('prod', 'frontend-dev-02')).toBe(false);
    expect(partialNameMatches('private', 'private')).toBe(false);
    expect(partialNameMatches('private', 'Private')).toBe(true);
    expect(partialNameMatches('x', undefined)).toBe(false);
  });
});
