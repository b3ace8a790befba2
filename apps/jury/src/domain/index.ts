export * from './programme-admissions';
export * from './referral';
