export * from './contract';
export * from './contract-registry';
export * from './candidacy.contracts';
export * from './review.contracts';
export * from './jury.contracts';
export * from './notification.contracts';
export * from './mobility.contracts';
