export * from './addresses';
export * from './neutron-wire';
export * from './search';
export * from './view';
