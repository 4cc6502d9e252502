// The feature's data layer alone, for route loaders in the main chunk: no components come with it.
export { defaultDirs, isNarrowed, readListParams, toggleSort, writeListParams, type NetworkListParams } from './list-params';
export { networkKeys, networkPortsQuery, networkQuery, networksListQuery } from './network-queries';
