import { describe, expect, it } from 'vitest';
import { addressMatches, escapeRegex, ipFilterValue, planServerSearch, type ServerSearch } from './search';

describe('planServerSearch', () => {
  it.each<[string, ServerSearch[]]>([
    ['0e44cc9c-e052-415d-afbf-469b0d384170', [{ kind: 'id', id: '0e44cc9c-e052-415d-afbf-469b0d384170' }]],
    ['0E44CC9CE052415DAFBF469B0D384170', [{ kind: 'id', id: '0e44cc9c-e052-415d-afbf-469b0d384170' }]],
    ['0e44cc9c', [{ kind: 'id-prefix', prefix: '0e44cc9c' }, { kind: 'name', value: '0e44cc9c' }]],
    ['0e44cc9c-e05', [{ kind: 'id-prefix', prefix: '0e44cc9c-e05' }, { kind: 'name', value: '0e44cc9c-e05' }]],
    ['deadbeef', [{ kind: 'id-prefix', prefix: 'deadbeef' }, { kind: 'name', value: 'deadbeef' }]],
    ['10.0.3.17', [{ kind: 'ip', version: 4, value: '10.0.3.17', exact: true }]],
    ['10.0.3', [{ kind: 'ip', version: 4, value: '10.0.3', exact: false }, { kind: 'name', value: '10.0.3' }]],
    ['10', [{ kind: 'ip', version: 4, value: '10', exact: false }, { kind: 'name', value: '10' }]],
    ['fd00:1::1a', [{ kind: 'ip', version: 6, value: 'fd00:1::1a', exact: true }]],
    ['fd00:1:', [{ kind: 'ip', version: 6, value: 'fd00:1:', exact: false }]],
    ['web.1', [{ kind: 'name', value: 'web.1' }]],
    ['300.1.1.1', [{ kind: 'name', value: '300.1.1.1' }]],
    ['  ', []],
  ])('%s', (q, plan) => {
    expect(planServerSearch(q)).toEqual(plan);
  });
});

describe('filters sent to Nova', () => {
  it('escapes regex metacharacters in names', () => {
    expect(escapeRegex('web.1 (old)*')).toBe('web\\.1 \\(old\\)\\*');
  });

  it('sends the address as typed: Neutron matches it as a substring', () => {
    expect(ipFilterValue({ kind: 'ip', version: 4, value: '10.0.3.17', exact: true })).toBe('10.0.3.17');
    expect(ipFilterValue({ kind: 'ip', version: 4, value: '10.0', exact: false })).toBe('10.0');
  });

  it('checks what Nova answered, since Nova matches substrings', () => {
    const exact = { kind: 'ip', version: 4, value: '10.0.3.17', exact: true } as const;
    expect(addressMatches(exact, ['10.0.3.170'])).toBe(false);
    expect(addressMatches(exact, ['fd00::1', '10.0.3.17'])).toBe(true);
    expect(addressMatches({ kind: 'ip', version: 4, value: '10.0', exact: false }, ['110.0.0.1'])).toBe(false);
  });
});
