import { describe, expect, it } from 'vitest';
import { readListParams, toggleSort, writeListParams } from './list-params';

const read = (search: string) => readListParams(new URLSearchParams(search));

describe('the servers list URL', () => {
  it('defaults to newest first, and writes the default as a plain URL', () => {
    expect(read('')).toEqual({ q: undefined, status: undefined, sort: 'created', dir: 'desc' });
    expect(writeListParams(read('')).toString()).toBe('');
  });

  it('round-trips a search, a status and a sort', () => {
    const params = read('q=10.0.3.17&status=error&sort=name&dir=desc');
    expect(params).toEqual({ q: '10.0.3.17', status: 'ERROR', sort: 'name', dir: 'desc' });
    expect(writeListParams(params).toString()).toBe('q=10.0.3.17&status=ERROR&sort=name&dir=desc');
  });

  it('ignores what it does not know', () => {
    expect(read('status=RUNNING&sort=ram&dir=up&q=%20%20')).toEqual({ q: undefined, status: undefined, sort: 'created', dir: 'desc' });
  });

  it('gives each sort its natural direction, and turns the same column around', () => {
    const byName = toggleSort(read(''), 'name');
    expect(byName).toMatchObject({ sort: 'name', dir: 'asc' });
    expect(toggleSort(byName, 'name')).toMatchObject({ sort: 'name', dir: 'desc' });
    expect(toggleSort(byName, 'created')).toMatchObject({ sort: 'created', dir: 'desc' });
    expect(writeListParams(toggleSort(read(''), 'created')).toString()).toBe('sort=created&dir=asc');
  });
});
