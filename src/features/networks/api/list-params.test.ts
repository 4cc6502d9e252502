import { describe, expect, it } from 'vitest';
import { isNarrowed, readListParams, toggleSort, writeListParams } from './list-params';

const read = (search: string) => readListParams(new URLSearchParams(search));

describe('the networks list URL', () => {
  it('defaults to names A→Z, and writes the default as a plain URL', () => {
    expect(read('')).toEqual({ q: undefined, shared: undefined, external: undefined, status: undefined, sort: 'name', dir: 'asc' });
    expect(writeListParams(read('')).toString()).toBe('');
    expect(isNarrowed(read(''))).toBe(false);
  });

  it('round-trips a search, the yes/no filters, a status and a sort', () => {
    const params = read('q=10.0.0.0%2F24&shared=false&external=true&status=down&sort=status&dir=desc');
    expect(params).toEqual({ q: '10.0.0.0/24', shared: false, external: true, status: 'DOWN', sort: 'status', dir: 'desc' });
    expect(writeListParams(params).toString()).toBe('q=10.0.0.0%2F24&shared=false&external=true&status=DOWN&sort=status&dir=desc');
    expect(isNarrowed(read('shared=false'))).toBe(true);
  });

  it('ignores what it does not know', () => {
    expect(read('shared=yes&external=1&status=RUNNING&sort=mtu&dir=up&q=%20%20')).toEqual(read(''));
  });

  it('turns the same column around, and starts another in its natural direction', () => {
    const desc = toggleSort(read(''), 'name');
    expect(desc).toMatchObject({ sort: 'name', dir: 'desc' });
    expect(writeListParams(desc).toString()).toBe('sort=name&dir=desc');
    expect(toggleSort(desc, 'status')).toMatchObject({ sort: 'status', dir: 'asc' });
  });
});
