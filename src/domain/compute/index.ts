export * from './actions';
export * from './server-actions';
export * from './states';
// Types only: Nova's wire schemas are classic zod, which the SPA (importing this barrel) must not
// load. The BFF takes the schemas from './nova-wire' itself.
export type { NovaFlavor, NovaInstanceAction, NovaServer } from './nova-wire';
export * from './search';
export * from './view';
export * from './tasks';
