// The feature's data layer alone, for route loaders in the main chunk: no components come with it.
export { defaultDirs, readListParams, toggleSort, writeListParams, type ServerListParams } from './list-params';
export { mergeServerChanges } from './merge-server-changes';
export { applyServerChanges, serverChangesQuery, serverConsoleQuery, serverKeys, serverQuery, serversListQuery } from './server-queries';
export { computeOptionKeys, flavorsQuery, imagesQuery, limitsQuery } from './compute-options';
