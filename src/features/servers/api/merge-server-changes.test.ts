import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ServerList, ServerSummary } from '../../../domain/api';
import { mergeServerChanges } from './merge-server-changes';

function summary(id: string, overrides: Partial<ServerSummary> = {}): ServerSummary {
  return {
    id,
    name: `server-${id}`,
    status: 'ACTIVE',
    vmState: 'active',
    taskState: null,
    powerState: 'running',
    locked: false,
    lockedReason: null,
    addresses: [],
    flavor: null,
    image: null,
    created: '2026-01-01T00:00:00Z',
    updated: '2026-01-02T00:00:00Z',
    actions: [],
    ...overrides,
  };
}

function data(...pages: string[][]): InfiniteData<ServerList, unknown> {
  return {
    pages: pages.map((ids, i) => ({ items: ids.map((id) => summary(id)), next: i < pages.length - 1 ? `c${i}` : null })),
    pageParams: pages.map((_, i) => (i === 0 ? undefined : `c${i - 1}`)),
  };
}

const ids = (d: InfiniteData<ServerList, unknown>) => d.pages.map((p) => p.items.map((s) => s.id));

describe('mergeServerChanges', () => {
  it('replaces a changed row in place, on whichever page it is', () => {
    const before = data(['a', 'b'], ['c', 'd']);
    const after = mergeServerChanges(before, [summary('c', { status: 'SHUTOFF', updated: '2026-01-03T00:00:00Z' })]);
    expect(ids(after)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(after.pages[1]?.items[0]?.status).toBe('SHUTOFF');
    // Untouched pages are the same objects: their rows do not re-render.
    expect(after.pages[0]).toBe(before.pages[0]);
    expect(after.pageParams).toBe(before.pageParams);
    expect(after.pages[1]?.next).toBe(before.pages[1]?.next);
  });

  it('drops a DELETED row', () => {
    const after = mergeServerChanges(data(['a', 'b'], ['c']), [summary('b', { status: 'DELETED', updated: '2026-01-03T00:00:00Z' })]);
    expect(ids(after)).toEqual([['a'], ['c']]);
  });

  it('leaves out servers the list has not loaded', () => {
    const before = data(['a']);
    const after = mergeServerChanges(before, [summary('z', { updated: '2026-01-03T00:00:00Z' })]);
    expect(after).toBe(before);
  });

  it('ignores a change older than the row', () => {
    const before = data(['a']);
    const after = mergeServerChanges(before, [summary('a', { status: 'ERROR', updated: '2026-01-01T12:00:00Z' })]);
    expect(after).toBe(before);
  });

  it('takes the newest of several changes to one server, whatever their order', () => {
    const newest = summary('a', { status: 'SHUTOFF', updated: '2026-01-05T00:00:00Z' });
    const older = summary('a', { status: 'REBOOT', updated: '2026-01-04T00:00:00Z' });
    expect(mergeServerChanges(data(['a']), [newest, older]).pages[0]?.items[0]).toBe(newest);
    expect(mergeServerChanges(data(['a']), [older, newest]).pages[0]?.items[0]).toBe(newest);
  });

  it('handles a row repeated on two pages', () => {
    const after = mergeServerChanges(data(['a', 'b'], ['b', 'c']), [summary('b', { status: 'DELETED', updated: '2026-01-03T00:00:00Z' })]);
    expect(ids(after)).toEqual([['a'], ['c']]);
  });

  it('returns the same data for no changes', () => {
    const before = data(['a']);
    expect(mergeServerChanges(before, [])).toBe(before);
  });
});
