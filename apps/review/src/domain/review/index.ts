export * from './review.commands';
export * from './review.events';
export * from './review.state';
export * from './review.decide';
