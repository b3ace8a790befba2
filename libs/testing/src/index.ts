export * from './test-env';
export * from './local-kafka';
export * from './local-servers';
export * from './eventually';
export * from './service-under-test';
export * from './query-audit';
export * from './documented-constraints';
