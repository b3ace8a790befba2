export * from './test-env';
export * from './eventually';
