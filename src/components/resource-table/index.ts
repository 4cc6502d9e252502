export { ResourceTable, type ResourceTableProps } from './resource-table';
export type { ResourceColumn, SortDirection, SortState } from './types';
export { uniqueRows, type UniqueRows } from './unique-rows';
