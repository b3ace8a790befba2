export * from './event';
export * from './event-id';
export * from './upcasters';
export * from './event-store';
export * from './command-runner';
export * from './stream-cache';
