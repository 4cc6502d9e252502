export * from './catalog';
export * from './keystone';
