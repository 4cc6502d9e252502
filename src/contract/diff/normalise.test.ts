import { describe, expect, it } from 'vitest';
import { mismatches } from './compare';
import { errorShape, linkShape, scrubText, shapeOf } from './normalise';

const reply = (status: number, body: unknown, type = 'application/json') => ({ status, body, text: '', headers: new Headers({ 'content-type': type }) });

describe('normalising two clouds’ answers', () => {
  it('makes the same Nova 409 from two clouds equal, ids and request ids aside', () => {
    const message = (id: string) => `Cannot 'start' instance ${id} while it is in vm_state active`;
    const real = errorShape(reply(409, { conflictingRequest: { code: 409, message: message('a32a0a75-f6ae-445f-8c3d-7e42f2d81931') } }));
    const sim = errorShape(reply(409, { conflictingRequest: { code: 409, message: message('8865ee5f-dc75-4bb2-881e-c63681871fc2') } }));
    expect(mismatches(real, sim)).toEqual([]);
  });

  it('keeps a different message apart, and replaces request ids, times, hosts and a side’s own maximum', () => {
    const real = errorShape(reply(404, { itemNotFound: { code: 404, message: 'Instance 00000000-0000-4000-8000-000000000000 has no mapping to a cell.' } }));
    const sim = errorShape(reply(404, { itemNotFound: { code: 404, message: 'Instance 00000000-0000-4000-8000-000000000000 could not be found.' } }));
    expect(mismatches(real, sim).map((m) => m.path)).toEqual(['$.body.itemNotFound.message']);
    expect(scrubText('req-0b6a5a0e-4c1f-4f5e-9a43-2c1f8a9e7d10 at 2026-11-23T07:54:08.123456Z on http://10.0.0.5:8774/v2.1, maximum is 2.93', { replace: { '2.93': '<max>' } })).toBe(
      '<request-id> at <time> on <origin>/v2.1, maximum is <max>',
    );
  });

  it('sorts jsonschema’s enum lists, which Python prints in set order', () => {
    expect(scrubText("'x' is not one of ['b', 'a']")).toBe(scrubText("'x' is not one of ['a', 'b']"));
  });

  it('reduces links to rel, absolute or relative, path and parameters, the marker without its value', () => {
    expect(linkShape('next', 'http://127.0.0.1:9696/v2.0/networks?limit=2&fields=id&marker=0e0a8a10-cc9d-4151-afae-01678decfb87')).toEqual({
      rel: 'next',
      form: 'absolute',
      path: '/v2.0/networks',
      query: ['limit=2', 'fields=id', 'marker'],
    });
    expect(linkShape('next', '/v2/images?limit=1&marker=6c5b5b60-02e6-4089-ac9d-0f9280658f02').form).toBe('relative');
  });

  it('gives a body’s structure with leaf types, names the clouds choose as <key>', () => {
    const server = (net: string, reason: string | null) => ({ id: 'x', locked_reason: reason, addresses: { [net]: [{ addr: '10.0.0.1', version: 4 }] }, tags: [] });
    expect(shapeOf(server('demo-net-01', null), new Set(['addresses']))).toEqual(shapeOf(server('private', null), new Set(['addresses'])));
    expect(mismatches(shapeOf(server('a', null)), shapeOf(server('a', 'why')))).toEqual([{ path: '$.locked_reason', real: 'null', sim: 'string' }]);
  });
});
