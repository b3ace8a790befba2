export * from './admission-file';
export * from './programme-admissions';
export * from './referral';
export * from './retention';
