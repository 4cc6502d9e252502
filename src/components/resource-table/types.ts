import type { ReactNode } from 'react';

export type SortDirection = 'asc' | 'desc';

export interface SortState<TColumn extends string = string> {
  column: TColumn;
  direction: SortDirection;
}

export interface ResourceColumn<TRow> {
  /** Stable id; also what `onSort` receives for a sortable column. */
  id: string;
  /** The column header's text (and the column's accessible name). */
  header: string;
  cell: (row: TRow) => ReactNode;
  /** A CSS grid track for the column: `'2fr'`, `'minmax(10rem, 1.5fr)'`, `'9rem'`. */
  width: string;
  /** Shows a sort button in the header; the list is sorted by whoever fetches it (the server). */
  sortable?: boolean;
  /** Extra classes for the header and each cell, e.g. `text-right`. */
  className?: string;
  /** Shown in the header instead of `header` (which stays the column's name for code and tests). */
  headerContent?: ReactNode;
}

/**
 * Rows the user has ticked, by row key. UI state that the caller holds (component state or a
 * store); the table draws the checkboxes and handles clicks, shift-click ranges, Space on the
 * active row and the header's box for every loaded row.
 */
export interface RowSelection<TRow> {
  selected: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  /** The row checkbox's accessible name: "Select web-01". */
  rowLabel: (row: TRow) => string;
  /** The header checkbox's accessible name: "Select all loaded servers". */
  allLabel: string;
}
