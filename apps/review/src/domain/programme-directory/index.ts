export * from './programme-directory';
