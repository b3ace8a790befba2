export * from './contract';
export * from './contract-registry';
