import { QueryClient, QueryClientProvider, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/errors';
import { recoverWhileShown } from '../../lib/query-client';
import { ResourceTable } from './resource-table';
import type { ResourceColumn, SortState } from './types';
import { uniqueRows } from './unique-rows';

interface Row {
  id: string;
  name: string;
}
interface Page {
  rows: Row[];
  next: number | null;
}

const getRows = (page: Page) => page.rows;
const rowKey = (row: Row) => row.id;
const columns: Array<ResourceColumn<Row>> = [
  { id: 'name', header: 'Name', width: '1fr', sortable: true, cell: (row) => row.name },
  { id: 'id', header: 'ID', width: '1fr', cell: (row) => row.id },
];

function makePage(start: number, size: number, total: number): Page {
  const end = Math.min(start + size, total);
  return {
    rows: Array.from({ length: end - start }, (_, i) => ({ id: `r${start + i}`, name: `row ${start + i}` })),
    next: end < total ? end : null,
  };
}

interface HarnessProps {
  fetchPage: (start: number) => Promise<Page>;
  initial?: InfiniteData<Page, number>;
  onOpen?: (row: Row) => void;
  sort?: SortState;
  onSort?: (column: string) => void;
  selectable?: boolean;
  onSelect?: (keys: string[]) => void;
  /** The lists' policy: a failure that may pass is tried again with backoff. */
  recover?: boolean;
}

function Harness({ fetchPage, initial, onOpen = () => {}, sort, onSort, selectable = false, onSelect, recover = false }: HarnessProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const query = useInfiniteQuery({
    queryKey: ['rows'],
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: 0,
    getNextPageParam: (last: Page) => last.next ?? undefined,
    ...(initial && { initialData: initial }),
    ...(recover && recoverWhileShown),
    staleTime: Infinity,
  });
  return (
    <ResourceTable
      label="Things"
      columns={columns}
      query={query}
      queryKey={['rows']}
      getRows={getRows}
      rowKey={rowKey}
      onOpen={onOpen}
      sort={sort}
      onSort={onSort}
      noun={{ singular: 'thing', plural: 'things' }}
      empty={<p>No things</p>}
      selection={
        selectable
          ? {
              selected,
              onChange: (next) => {
                setSelected(next);
                onSelect?.([...next].sort());
              },
              rowLabel: (row) => `Select ${row.name}`,
              allLabel: 'Select all loaded things',
            }
          : undefined
      }
    />
  );
}

function renderTable(props: HarnessProps) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <Harness {...props} />
    </QueryClientProvider>,
  );
  return { user };
}

const dataRows = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');

describe('uniqueRows', () => {
  it('keeps each key once, at its first place, with the later copy', () => {
    const pages = [
      { rows: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] },
      { rows: [{ id: 'b', name: 'B2' }, { id: 'c', name: 'C' }] },
    ];
    const { rows, indexOf } = uniqueRows(pages, (p) => p.rows, (r) => r.id);
    expect(rows).toEqual([{ id: 'a', name: 'A' }, { id: 'b', name: 'B2' }, { id: 'c', name: 'C' }]);
    expect(indexOf.get('c')).toBe(2);
  });
});

describe('ResourceTable', () => {
  it('keeps fewer than 100 rows in the DOM with 10 000 loaded, and tells the real size', async () => {
    const total = 10_000;
    const pages = Array.from({ length: 100 }, (_, i) => makePage(i * 100, 100, total));
    const { user } = renderTable({ fetchPage: () => Promise.reject(new Error('not called')), initial: { pages, pageParams: pages.map((_, i) => i * 100) } });

    const grid = screen.getByRole('grid', { name: 'Things' });
    expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
    expect(screen.getByText('All 10,000 things loaded')).toBeInTheDocument();
    expect(dataRows(grid).length).toBeLessThan(100);

    act(() => grid.focus());
    expect(grid).toHaveAttribute('aria-activedescendant', dataRows(grid)[0]?.id);
    await user.keyboard('{End}');
    const last = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    expect(last).toHaveAttribute('aria-rowindex', String(total + 1));
    expect(last).toHaveTextContent('row 9999');
    expect(dataRows(grid).length).toBeLessThan(100);

    // Scrolled to the middle: the rows there, still a handful.
    grid.scrollTop = 52 * 5000;
    fireEvent.scroll(grid);
    await waitFor(() => expect(within(grid).getByText('row 5000')).toBeInTheDocument());
    expect(dataRows(grid).length).toBeLessThan(100);
  });

  it('moves the active row with the arrow keys and opens it with Enter or a click', async () => {
    const onOpen = vi.fn();
    const { user } = renderTable({ fetchPage: async (start) => makePage(start, 50, 50), onOpen });
    const grid = await screen.findByRole('grid', { name: 'Things' });
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith({ id: 'r2', name: 'row 2' });
    await user.keyboard('{Home}{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith({ id: 'r0', name: 'row 0' });
    await user.click(within(grid).getByText('row 4'));
    expect(onOpen).toHaveBeenLastCalledWith({ id: 'r4', name: 'row 4' });
  });

  it('loads the next page near the end, says -1 rows while more can load, and shows repeated rows once', async () => {
    // Every page repeats the last row of the one before, as after a marker fell back.
    const fetchPage = vi.fn(async (start: number) => makePage(Math.max(0, start - 1), start === 0 ? 100 : 101, 250));
    const { user } = renderTable({ fetchPage });
    const grid = await screen.findByRole('grid', { name: 'Things' });
    expect(grid).toHaveAttribute('aria-rowcount', '-1');
    expect(screen.getByText('100 things loaded, more load as you scroll')).toBeInTheDocument();
    expect(fetchPage).toHaveBeenCalledTimes(1);

    act(() => grid.focus());
    await user.keyboard('{End}');
    await waitFor(() => expect(fetchPage).toHaveBeenCalledTimes(2));
    await user.keyboard('{End}');
    await waitFor(() => expect(screen.getByText('All 250 things loaded')).toBeInTheDocument());
    expect(grid).toHaveAttribute('aria-rowcount', '251');
    const ids = dataRows(grid).map((row) => row.getAttribute('aria-rowindex'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks the sorted column and reports a header press', async () => {
    const onSort = vi.fn();
    const { user } = renderTable({ fetchPage: async (start) => makePage(start, 5, 5), sort: { column: 'name', direction: 'desc' }, onSort });
    const grid = await screen.findByRole('grid', { name: 'Things' });
    const header = within(grid).getByRole('columnheader', { name: 'Name' });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'ID' })).not.toHaveAttribute('aria-sort');
    await user.click(within(header).getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenCalledWith('name');
  });

  it('shows a loading state, then the error with a retry that recovers', async () => {
    let fail = true;
    const fetchPage = vi.fn(async (start: number) => {
      if (fail) throw new ApiError({ code: 'upstream.unavailable', status: 503, message: 'The compute service (Nova) cannot be reached.', requestId: 'req-1' });
      return makePage(start, 3, 3);
    });
    const { user } = renderTable({ fetchPage });
    expect(screen.getByText('Loading things…')).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The things could not be loaded');
    expect(alert).toHaveTextContent('The compute service (Nova) cannot be reached.');
    expect(alert).toHaveTextContent('req-1');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('grid', { name: 'Things' })).toBeInTheDocument();
    expect(screen.getByText('All 3 things loaded')).toBeInTheDocument();
  });

  describe('after a failure that may pass (the lists’ policy)', () => {
    const unavailable = () => new ApiError({ code: 'upstream.unavailable', status: 503, message: 'The compute service (Nova) cannot be reached.' });

    it('says when it tries again, counts down, and shows the rows without a click once the service is back', async () => {
      let fail = true;
      const fetchPage = vi.fn(async (start: number) => {
        if (fail) throw unavailable();
        return makePage(start, 3, 3);
      });
      renderTable({ fetchPage, recover: true });
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The things could not be loaded');
      expect(alert).toHaveTextContent('The compute service (Nova) cannot be reached.');
      expect(within(alert).getByText('Retrying in 2 s')).toBeInTheDocument();
      expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
      expect(await within(alert).findByText('Retrying in 1 s')).toBeInTheDocument();
      fail = false;
      expect(await screen.findByRole('grid', { name: 'Things' }, { timeout: 3000 })).toBeInTheDocument();
      expect(screen.getByText('All 3 things loaded')).toBeInTheDocument();
      expect(fetchPage).toHaveBeenCalledTimes(2);
    });

    it('waits longer after each failure', async () => {
      const fetchPage = vi.fn(async () => {
        throw unavailable();
      });
      renderTable({ fetchPage, recover: true });
      expect(await screen.findByText('Retrying in 2 s')).toBeInTheDocument();
      expect(await screen.findByText('Retrying in 4 s', undefined, { timeout: 3000 })).toBeInTheDocument();
      expect(fetchPage).toHaveBeenCalledTimes(2);
    });

    it('tries at once when Retry is pressed during the wait', async () => {
      let fail = true;
      const fetchPage = vi.fn(async (start: number) => {
        if (fail) throw unavailable();
        return makePage(start, 3, 3);
      });
      const { user } = renderTable({ fetchPage, recover: true });
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByText('Retrying in 2 s')).toBeInTheDocument();
      fail = false;
      const pressed = performance.now();
      await user.click(within(alert).getByRole('button', { name: 'Retry' }));
      expect(await screen.findByRole('grid', { name: 'Things' })).toBeInTheDocument();
      expect(performance.now() - pressed).toBeLessThan(1500);
      expect(fetchPage).toHaveBeenCalledTimes(2);
    });

    it('does not try again by itself after a client error', async () => {
      const fetchPage = vi.fn(async () => {
        throw new ApiError({ code: 'upstream.forbidden', status: 403, message: 'You may not see these things.' });
      });
      renderTable({ fetchPage, recover: true });
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('You may not see these things.');
      expect(alert).not.toHaveTextContent(/Retrying/);
      expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
      expect(fetchPage).toHaveBeenCalledTimes(1);
    });
  });

  it('selects rows with checkboxes, a shift-click range, Space on the active row and the header box', async () => {
    const onOpen = vi.fn();
    const onSelect = vi.fn();
    const { user } = renderTable({ fetchPage: async (start) => makePage(start, 10, 10), onOpen, selectable: true, onSelect });
    const grid = await screen.findByRole('grid', { name: 'Things' });
    expect(grid).toHaveAttribute('aria-multiselectable', 'true');
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(3);

    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 2' }));
    await user.keyboard('{Shift>}');
    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 5' }));
    await user.keyboard('{/Shift}');
    expect(onSelect).toHaveBeenLastCalledWith(['r2', 'r3', 'r4', 'r5']);
    expect(within(grid).getByText('row 3').closest('[role="row"]')).toHaveAttribute('aria-selected', 'true');
    expect(within(grid).getByText('row 6').closest('[role="row"]')).toHaveAttribute('aria-selected', 'false');
    // Ticking a box does not open the row.
    expect(onOpen).not.toHaveBeenCalled();

    const all = within(grid).getByRole('checkbox', { name: 'Select all loaded things' });
    expect(all).toHaveProperty('indeterminate', true);
    await user.click(all);
    expect(onSelect).toHaveBeenLastCalledWith(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
    expect(all).toBeChecked();
    await user.click(all);
    expect(onSelect).toHaveBeenLastCalledWith([]);

    act(() => grid.focus());
    await user.keyboard('{ArrowDown} ');
    expect(onSelect).toHaveBeenLastCalledWith(['r1']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Shift>} {/Shift}');
    expect(onSelect).toHaveBeenLastCalledWith(['r1', 'r2', 'r3']);
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith(['r1', 'r2']);
  });

  it('shows the empty state when there are no rows', async () => {
    renderTable({ fetchPage: async () => ({ rows: [], next: null }) });
    expect(await screen.findByText('No things')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });
});
