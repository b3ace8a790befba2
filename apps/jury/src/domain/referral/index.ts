export * from './referral.commands';
export * from './referral.events';
export * from './referral.state';
export * from './referral.decide';
