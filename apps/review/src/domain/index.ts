export * from './review';
export * from './intake';
export * from './programme-directory';
export * from './retention';
