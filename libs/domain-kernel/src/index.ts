export * from './errors';
export * from './decider';
export * from './calendar';
export * from './season';
export * from './clock';
export * from './documents';
export * from './testing';
export * from './settle-all';
