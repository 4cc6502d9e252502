export { ResourceTable, type ResourceTableProps } from './resource-table';
export type { ResourceColumn, RowSelection, SortDirection, SortState } from './types';
export { uniqueRows, type UniqueRows } from './unique-rows';
