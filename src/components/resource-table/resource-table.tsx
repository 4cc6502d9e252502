import type { InfiniteData, QueryKey, UseInfiniteQueryResult } from '@tanstack/react-query';
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { cx } from '../../lib/cx';
import { countOf } from '../../lib/format';
import { useRecovery, type Recovery } from '../../lib/use-recovery';
import { Button } from '../ui/button';
import { ErrorNotice } from '../ui/error-notice';
import { Spinner } from '../ui/spinner';
import type { ResourceColumn, RowSelection, SortState } from './types';
import { uniqueRows } from './unique-rows';

export interface ResourceTableProps<TRow, TPage> {
  /** The grid's accessible name, e.g. "Servers". */
  label: string;
  columns: ReadonlyArray<ResourceColumn<TRow>>;
  /** The list's `useInfiniteQuery` result: pages, next-page loading and errors come from here. */
  query: UseInfiniteQueryResult<InfiniteData<TPage>>;
  /** The query's key: Retry ends the wait for the next automatic try (`recoverWhileShown`) and tries at once. */
  queryKey: QueryKey;
  /** The rows of one page. Keep it stable (module level): rows are recomputed when it changes. */
  getRows: (page: TPage) => readonly TRow[];
  /** A row's id; rows repeated across pages are shown once. Keep it stable too. */
  rowKey: (row: TRow) => string;
  /** Called on a row click and on Enter on the active row. */
  onOpen: (row: TRow) => void;
  /** The current sort; sortable columns show `aria-sort` from it. */
  sort?: SortState | undefined;
  /** A sortable column's header was pressed. */
  onSort?: ((column: string) => void) | undefined;
  /** For the count line: "120 servers loaded". */
  noun: { singular: string; plural: string };
  /** Shown instead of the grid when the list has no rows. */
  empty: ReactNode;
  /** Shown above the grid, e.g. "Searched part of the servers". */
  notice?: ReactNode;
  /** The label of the button that loads more when nothing is left to scroll ("Search further"). */
  loadMoreLabel?: string;
  /** Each row's height in px; rows are one line of text (or two small ones). */
  rowHeight?: number;
  /** Rows rendered beyond the visible ones on each side. */
  overscan?: number;
  /** Load the next page once the visible or active row is within this many rows of the end. */
  loadAhead?: number;
  /**
   * The scroll area's size before it is measured: the first paint renders this many rows, and
   * where there is no layout (jsdom) it stays the size.
   */
  initialRect?: Rect;
  /** When this changes (a new search or sort), the grid scrolls back to the top. */
  resetKey?: string;
  /** The scroll area's largest CSS height; a short list takes only what its rows need. */
  height?: string;
  /** Below this width the grid scrolls sideways rather than squeezing its columns. */
  minWidth?: string;
  /** Row selection with a checkbox column; without it rows cannot be selected. */
  selection?: RowSelection<TRow> | undefined;
}

const headerHeight = 40;
const defaultInitialRect: Rect = { width: 1024, height: 640 };

/**
 * A virtualized, infinitely loading list as an ARIA grid: one tab stop, arrow keys (and Home,
 * End, Page Up, Page Down) move the active row, Enter opens it. Only the rows in view (and a few
 * around them) are in the DOM; `aria-rowcount` and `aria-rowindex` still tell a screen reader
 * the size (-1 while more can load) and each row's place.
 */
export function ResourceTable<TRow, TPage>({
  label,
  columns,
  query,
  queryKey,
  getRows,
  rowKey,
  onOpen,
  sort,
  onSort,
  noun,
  empty,
  notice,
  loadMoreLabel = 'Load more',
  rowHeight = 52,
  overscan = 6,
  loadAhead = 20,
  initialRect = defaultInitialRect,
  height = 'min(70vh, 48rem)',
  minWidth = '56rem',
  resetKey,
  selection,
}: ResourceTableProps<TRow, TPage>) {
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const recovery = useRecovery(query, queryKey);
  const pages = query.data?.pages;
  const { rows, indexOf } = useMemo(() => uniqueRows(pages ?? [], getRows, rowKey), [pages, getRows, rowKey]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeIndex = activeKey === null ? -1 : (indexOf.get(activeKey) ?? -1);

  // Selection: the last row ticked is the anchor of a shift-click (or Shift+Space) range.
  const anchorKey = useRef<string | null>(null);
  const toggleRow = (index: number, range: boolean) => {
    if (!selection) return;
    const row = rows[index];
    if (row === undefined) return;
    const key = rowKey(row);
    const checked = !selection.selected.has(key);
    const next = new Set(selection.selected);
    const anchor = range && anchorKey.current !== null ? indexOf.get(anchorKey.current) : undefined;
    const [from, to] = anchor === undefined ? [index, index] : [Math.min(anchor, index), Math.max(anchor, index)];
    for (let i = from; i <= to; i++) {
      const k = rowKey(rows[i] as TRow);
      if (checked) next.add(k);
      else next.delete(k);
    }
    anchorKey.current = key;
    selection.onChange(next);
  };
  const allSelected = selection !== undefined && rows.length > 0 && rows.every((row) => selection.selected.has(rowKey(row)));
  const someSelected = selection !== undefined && !allSelected && rows.some((row) => selection.selected.has(rowKey(row)));
  const toggleAll = () => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const row of rows) {
      if (allSelected) next.delete(rowKey(row));
      else next.add(rowKey(row));
    }
    anchorKey.current = null;
    selection.onChange(next);
  };
  const shownColumns = useMemo<ReadonlyArray<ResourceColumn<TRow>>>(() => {
    if (!selection) return columns;
    const selectColumn: ResourceColumn<TRow> = {
      id: '__select',
      header: selection.allLabel,
      width: '1.5rem',
      headerContent: <SelectAllBox label={selection.allLabel} checked={allSelected} mixed={someSelected} onToggle={toggleAll} />,
      cell: () => null,
    };
    return [selectColumn, ...columns];
    // toggleAll reads the latest rows through the closure of this render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columns, selection, allSelected, someSelected, rows]);

  // The active row stays rendered even when scrolled out of view: aria-activedescendant points at it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );

  // The React Compiler cannot memoize around the virtualizer's mutable instance; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => (rows[index] === undefined ? index : rowKey(rows[index] as TRow)),
    overscan,
    initialRect,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    rangeExtractor,
    observeElementRect: keepSizeUntilLaidOut,
  });
  const virtualRows = virtualizer.getVirtualItems();

  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setActiveKey(null);
  }
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [resetKey]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage } = query;
  const lastRendered = virtualRows.at(-1)?.index ?? -1;
  const furthest = Math.max(lastRendered, activeIndex);
  useEffect(() => {
    // With no rows yet there is nothing to scroll: the empty state offers to load more instead.
    // Placeholder rows (the previous search's, while the new one loads) have no next page of their own.
    if (!hasNextPage || isFetchingNextPage || isFetchNextPageError || isPlaceholderData || rows.length === 0) return;
    if (furthest >= rows.length - 1 - loadAhead) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage, furthest, rows.length, loadAhead]);

  const moveTo = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    setActiveKey(rowKey(row));
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed in a row's own controls, or in a menu a row opened (a portal, but still a
    // React child), are theirs.
    if (event.target !== event.currentTarget) return;
    if (event.altKey || event.ctrlKey || event.metaKey || rows.length === 0) return;
    if (event.key === ' ' && selection && activeIndex >= 0) {
      event.preventDefault();
      toggleRow(activeIndex, event.shiftKey);
      return;
    }
    const last = rows.length - 1;
    const viewport = (scrollRef.current?.clientHeight || initialRect.height) - headerHeight;
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const from = activeIndex;
    const target: Record<string, number> = {
      ArrowDown: from < 0 ? 0 : Math.min(from + 1, last),
      ArrowUp: from < 0 ? 0 : Math.max(from - 1, 0),
      PageDown: Math.min(Math.max(from, 0) + page, last),
      PageUp: Math.max(from - page, 0),
      Home: 0,
      End: last,
    };
    if (event.key in target) {
      event.preventDefault();
      moveTo(target[event.key] as number);
    } else if (event.key === 'Enter' && from >= 0) {
      event.preventDefault();
      onOpen(rows[from] as TRow);
    }
  };

  const onRowClick = (event: MouseEvent<HTMLDivElement>, row: TRow) => {
    // Links, buttons and checkboxes inside a row do their own thing, as does a menu the row
    // opened (a portal: a React child, not a DOM one); selecting text is not a click to open.
    if (!event.currentTarget.contains(event.target as Node)) return;
    if ((event.target as Element).closest('a, button, input, label')) return;
    if (window.getSelection()?.toString()) return;
    setActiveKey(rowKey(row));
    onOpen(row);
  };

  const gridTemplateColumns = shownColumns.map((c) => c.width).join(' ');
  const done = query.isSuccess && !hasNextPage;
  const rowId = (index: number) => `${baseId}-row-${index}`;

  // While the tries go on the query stays pending, showing the previous view's rows if it has them.
  if (recovery.failure !== null && (rows.length === 0 || isPlaceholderData)) {
    return (
      <Frame notice={notice}>
        <ErrorNotice title={`The ${noun.plural} could not be loaded`} error={recovery.failure} onRetry={recovery.retryNow} retryIn={recovery.retryIn} />
      </Frame>
    );
  }

  if (query.isPending) {
    return (
      <Frame notice={notice} status={<span>Loading {noun.plural}…</span>}>
        {/* A picture of the grid to come; the status line says it is loading. */}
        <div aria-hidden="true" className="overflow-hidden rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <HeaderRow columns={shownColumns} template={gridTemplateColumns} minWidth={minWidth} sort={sort} />
          <div>
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className="grid items-center gap-4 border-t border-slate-100 px-4 dark:border-slate-800" style={{ gridTemplateColumns, height: rowHeight, minWidth }}>
                {shownColumns.map((c) => (
                  <div key={c.id} className="h-3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-700" style={{ width: `${50 + ((i * 17 + c.id.length * 7) % 40)}%` }} />
                ))}
              </div>
            ))}
          </div>
        </div>
      </Frame>
    );
  }

  const status = done ? (
    <span>All {countOf(rows.length, noun.singular, noun.plural)} loaded</span>
  ) : (
    <span>
      {countOf(rows.length, noun.singular, noun.plural)} loaded
      {isFetchingNextPage ? ', loading more…' : rows.length > 0 ? ', more load as you scroll' : ''}
    </span>
  );

  if (rows.length === 0) {
    return (
      <Frame notice={notice} status={status}>
        {empty}
        {hasNextPage && !isPlaceholderData ? (
          <p className="mt-4 text-center">
            <Button pending={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              {loadMoreLabel}
            </Button>
          </p>
        ) : null}
      </Frame>
    );
  }

  return (
    <Frame notice={notice} status={status}>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={done ? rows.length + 1 : -1}
        aria-colcount={shownColumns.length}
        aria-multiselectable={selection ? true : undefined}
        aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
        aria-busy={isFetchingNextPage || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // The first row in view becomes active, without scrolling: a click that focused the grid
          // must still land on the row under the pointer.
          if (event.target !== event.currentTarget || activeIndex >= 0) return;
          const first = rows[virtualizer.range?.startIndex ?? 0];
          if (first !== undefined) setActiveKey(rowKey(first));
        }}
        className={cx(
          'group relative overflow-auto overscroll-contain rounded-xl border border-slate-200 bg-white outline-none dark:border-slate-800 dark:bg-slate-900',
          'focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 dark:focus-visible:ring-indigo-400 dark:focus-visible:ring-offset-slate-950',
        )}
        // As tall as its rows, up to `height`; borders included so a short list does not scroll.
        style={{ height: `min(${headerHeight + virtualizer.getTotalSize() + 2}px, ${height})`, contain: 'strict' } satisfies CSSProperties}
      >
        <HeaderRow columns={shownColumns} template={gridTemplateColumns} minWidth={minWidth} sort={sort} onSort={onSort} sticky />
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {virtualRows.map((virtualRow) => {
            const row = rows[virtualRow.index] as TRow;
            const active = virtualRow.index === activeIndex;
            const selected = selection ? selection.selected.has(rowKey(row)) : undefined;
            return (
              <div
                key={virtualRow.key}
                id={rowId(virtualRow.index)}
                role="row"
                aria-rowindex={virtualRow.index + 2}
                aria-selected={selected}
                data-active={active || undefined}
                data-selected={selected || undefined}
                onClick={(event) => onRowClick(event, row)}
                className={cx(
                  'absolute inset-x-0 top-0 grid cursor-pointer items-center gap-4 border-t border-slate-100 px-4 text-sm dark:border-slate-800',
                  'hover:bg-slate-50 dark:hover:bg-slate-800/60',
                  'data-[selected]:bg-indigo-50/40 dark:data-[selected]:bg-indigo-950/25',
                  'data-[active]:bg-indigo-50/70 dark:data-[active]:bg-indigo-950/40',
                  'group-focus-visible:data-[active]:shadow-[inset_3px_0_0_var(--color-indigo-600)]',
                )}
                style={{ gridTemplateColumns, height: rowHeight, transform: `translateY(${virtualRow.start - headerHeight}px)` }}
              >
                {shownColumns.map((column) => (
                  <div key={column.id} role="gridcell" className={cx('min-w-0 truncate', column.className)}>
                    {column.id === '__select' && selection ? (
                      <input
                        type="checkbox"
                        // The grid is the one tab stop: Space on the active row ticks it too.
                        tabIndex={-1}
                        aria-label={selection.rowLabel(row)}
                        checked={selected ?? false}
                        onMouseDown={(event) => {
                          // Shift-click selects a range, not the text in between.
                          if (event.shiftKey) event.preventDefault();
                        }}
                        onChange={(event) => toggleRow(virtualRow.index, (event.nativeEvent as globalThis.MouseEvent).shiftKey === true)}
                        className="size-4 cursor-pointer accent-indigo-600"
                      />
                    ) : (
                      column.cell(row)
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <LoadMoreFooter
        query={query}
        recovery={recovery}
        noun={noun.plural}
        loadMoreLabel={loadMoreLabel}
      />
    </Frame>
  );
}

/**
 * react-virtual measures the scroll area from its client size; where that is 0 (not laid out
 * yet, or jsdom, which has no layout) keep the last size, `initialRect` at first.
 */
function keepSizeUntilLaidOut(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => {
    if (rect.width === 0 && rect.height === 0) return;
    cb(rect);
  });
}

function Frame({ notice, status, children }: { notice?: ReactNode; status?: ReactNode; children: ReactNode }) {
  return (
    <div className="mt-4 grid gap-3">
      <div className="flex min-h-6 flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
        <p aria-live="polite">{status}</p>
      </div>
      {notice}
      {children}
    </div>
  );
}

interface HeaderRowProps<TRow> {
  columns: ReadonlyArray<ResourceColumn<TRow>>;
  template: string;
  minWidth: string;
  sort?: SortState | undefined;
  onSort?: ((column: string) => void) | undefined;
  sticky?: boolean;
}

function HeaderRow<TRow>({ columns, template, minWidth, sort, onSort, sticky = false }: HeaderRowProps<TRow>) {
  return (
    <div role="rowgroup" className={cx(sticky && 'sticky top-0 z-10')}>
      <div
        role="row"
        aria-rowindex={1}
        className="grid items-center gap-4 border-b border-slate-200 bg-slate-50 px-4 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300"
        style={{ gridTemplateColumns: template, height: headerHeight, minWidth }}
      >
        {columns.map((column) => {
          const sorted = sort?.column === column.id ? sort.direction : undefined;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              className={cx('min-w-0 truncate', column.className)}
            >
              {column.headerContent !== undefined ? (
                column.headerContent
              ) : column.sortable && onSort ? (
                <button
                  type="button"
                  // The grid is the one tab stop of the rows; the headers are reached with Tab before it.
                  onClick={() => onSort(column.id)}
                  className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white"
                >
                  {column.header}
                  <SortIcon direction={sorted} />
                </button>
              ) : (
                column.header
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SortIcon({ direction }: { direction: 'asc' | 'desc' | undefined }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className={cx('size-3.5', direction ? 'text-indigo-700 dark:text-indigo-300' : 'text-slate-400')}>
      {direction !== 'desc' ? <path fill="currentColor" d="M8 3.5 11.5 7h-7z" opacity={direction ? 1 : 0.7} /> : null}
      {direction !== 'asc' ? <path fill="currentColor" d="M8 12.5 4.5 9h7z" opacity={direction ? 1 : 0.7} /> : null}
    </svg>
  );
}

function LoadMoreFooter<TPage>({
  query,
  recovery,
  noun,
  loadMoreLabel,
}: {
  query: UseInfiniteQueryResult<InfiniteData<TPage>>;
  recovery: Recovery;
  noun: string;
  loadMoreLabel: string;
}) {
  if (!query.hasNextPage || query.isPlaceholderData) return null;
  if (query.isFetchNextPageError || (query.isFetchingNextPage && recovery.failure !== null)) {
    return (
      <ErrorNotice
        compact
        title={`More ${noun} could not be loaded`}
        error={recovery.failure ?? query.error}
        // With pages loaded, fetchNextPage cancels the wait for the next try itself.
        onRetry={() => void query.fetchNextPage()}
        retryIn={recovery.retryIn}
      />
    );
  }
  return (
    <div className="flex items-center justify-center gap-2 text-sm text-slate-600 dark:text-slate-400">
      {query.isFetchingNextPage ? (
        <>
          <Spinner />
          <span>Loading more {noun}…</span>
        </>
      ) : (
        // For anyone who does not scroll: the same next page, on a button.
        <Button onClick={() => void query.fetchNextPage()}>{loadMoreLabel}</Button>
      )}
    </div>
  );
}

function SelectAllBox({ label, checked, mixed, onToggle }: { label: string; checked: boolean; mixed: boolean; onToggle: () => void }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={checked}
      ref={(node) => {
        if (node) node.indeterminate = mixed;
      }}
      onChange={onToggle}
      className="size-4 cursor-pointer accent-indigo-600"
    />
  );
}
