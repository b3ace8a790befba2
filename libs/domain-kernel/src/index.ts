export * from './errors';
export * from './decider';
export * from './calendar';
export * from './clock';
export * from './documents';
export * from './testing';
