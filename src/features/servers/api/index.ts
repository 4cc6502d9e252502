// What the route loader in the main chunk needs of the feature's data layer; the pages import the
// modules themselves, so that each chunk carries only what its page uses.
export { readListParams } from './list-params';
export { serversListQuery } from './server-queries';
