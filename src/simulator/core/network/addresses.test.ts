import { describe, expect, it } from 'vitest';
import { cidrsOverlap, formatCidr, formatIp, parseCidr, parseIp } from '../../../domain/network/addresses';
import { defaultAllocationPools } from './allocation';
import { atomically, assign, insert } from './transaction';

function cidr(text: string) {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`not a CIDR: ${text}`);
  return parsed;
}

describe('IP arithmetic', () => {
  it('reads and writes both families, IPv6 in RFC 5952 form', () => {
    const round = (text: string) => {
      const ip = parseIp(text);
      return ip && formatIp(ip);
    };
    expect(round('10.0.0.5')).toBe('10.0.0.5');
    expect(round('FD00:0:0:0:0:0:0:1')).toBe('fd00::1');
    expect(round('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(round('::')).toBe('::');
    expect([parseIp('256.0.0.1'), parseIp('1::2::3'), parseIp('1:2:3'), parseIp('abc')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('knows a CIDR’s network address, canonical form and overlaps', () => {
    const hosty = cidr('10.1.2.3/16');
    expect({ text: formatCidr(hosty), hostBitsSet: hosty.address !== hosty.network }).toEqual({ text: '10.1.0.0/16', hostBitsSet: true });
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect([cidrsOverlap(cidr('10.0.0.0/24'), cidr('10.0.0.128/25')), cidrsOverlap(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))]).toEqual([true, false]);
  });

  it('leaves the network, broadcast and gateway addresses out of the default pools', () => {
    expect(defaultAllocationPools(cidr('10.0.0.0/24'), '10.0.0.1')).toEqual([{ start: '10.0.0.2', end: '10.0.0.254' }]);
    expect(defaultAllocationPools(cidr('10.0.0.0/24'), '10.0.0.100')).toEqual([
      { start: '10.0.0.1', end: '10.0.0.99' },
      { start: '10.0.0.101', end: '10.0.0.254' },
    ]);
    expect(defaultAllocationPools(cidr('fd00:1::/64'), 'fd00:1::1')).toEqual([{ start: 'fd00:1::2', end: 'fd00:1::ffff:ffff:ffff:ffff' }]);
  });
});

describe('atomically', () => {
  it('undoes every change, in reverse, when the work throws', () => {
    const map = new Map<string, number>();
    const thing = { revision: 1 };
    expect(() =>
      atomically((tx) => {
        insert(tx, map, 'a', 1);
        assign(tx, thing, { revision: 2 });
        assign(tx, thing, { revision: 3 });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect([map.size, thing.revision]).toEqual([0, 1]);
  });
});
