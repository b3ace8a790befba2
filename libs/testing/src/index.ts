export * from './test-env';
export * from './eventually';
export * from './service-under-test';
