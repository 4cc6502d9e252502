export * from './auth';
export * from './errors';
export * from './health';
export * from './networks';
export * from './paths';
export * from './servers';
export * from './tasks';
