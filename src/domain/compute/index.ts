export * from './actions';
export * from './states';
export * from './nova-wire';
export * from './search';
export * from './view';
export * from './tasks';
