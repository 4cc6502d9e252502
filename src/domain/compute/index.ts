export * from './actions';
export * from './states';
