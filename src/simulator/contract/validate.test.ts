// The validator itself: it must fail where a careless one would pass, or the contract tests prove nothing.
import { describe, expect, it } from 'vitest';
import { specViolations } from './validate';

const show = (microversion: string) => ({ operation: 'GET /v2.1/servers/{id}', status: 200, microversion });

describe('specViolations', () => {
  it('throws for a call the spec has no body for, so a typo cannot pass', () => {
    expect(() => specViolations({ operation: 'GET /v2.1/server/{id}', status: 200 }, {})).toThrow('no JSON body for GET /v2.1/server/{id} 200');
    expect(() => specViolations({ operation: 'GET /v2.1/servers/{id}', status: 201 }, {})).toThrow('no JSON body');
    expect(() => specViolations({ operation: 'GET /v1/things', status: 200 }, {})).toThrow('in none of the specs');
  });

  it('rejects a top-level key the spec does not describe', () => {
    expect(specViolations({ operation: 'GET /v2.1/servers/detail', status: 200, microversion: '2.1' }, { server: [] })).toEqual(['/server: not in the spec (got [])']);
  });

  it('holds properties to the microversion the call asked for', () => {
    expect(specViolations(show('2.1'), { server: { locked: false } })).toEqual(['/server/locked: outside the microversion, per the spec (got false)']);
    expect(specViolations(show('2.9'), { server: { locked: false } })).toEqual([]);
    expect(specViolations(show('2.47'), { server: { flavor: { id: '1' } } })).toEqual(['/server/flavor/id: outside the microversion, per the spec (got "1")']);
  });

  it('excuses a known spec error only where it is and only with the value it allows', () => {
    expect(specViolations(show('2.1'), { server: { image: '' } })).toEqual([]);
    expect(specViolations(show('2.1'), { server: { image: 'cirros' } })).toEqual(['/server/image: must be object (got "cirros")']);
    expect(specViolations(show('2.3'), { server: { key_name: null, 'OS-EXT-SRV-ATTR:hostname': null } })).toEqual(['/server/OS-EXT-SRV-ATTR:hostname: must be string (got null)']);
  });

  it('picks the action’s variant of the action union', () => {
    const createImage = { operation: 'POST /v2.1/servers/{id}/action', status: 202, microversion: '2.45', action: 'createImage' };
    expect(specViolations(createImage, { image_id: 'a0d3b3c4-3ad5-4a43-9b2a-2d8c8a2ca2a1' })).toEqual([]);
    expect(specViolations({ ...createImage, microversion: '2.44' }, { image_id: 'a0d3b3c4-3ad5-4a43-9b2a-2d8c8a2ca2a1' })).toHaveLength(1);
    expect(() => specViolations({ ...createImage, action: 'createImages' }, {})).toThrow('no createImages variant');
  });
});
