// The candidacy service's pure domain: programmes, eligibility, candidates' files and the
// per-programme submission ledger (RULES.md ELIG-1..6, CAND-1..4). No I/O, no clock.
export * from './programme/programme.types';
export * from './programme/programme.commands';
export * from './programme/programme.events';
export * from './programme/programme.state';
export * from './programme/programme.decide';

export * from './eligibility/eligibility';

export * from './candidacy/candidacy.types';
export * from './candidacy/candidacy.commands';
export * from './candidacy/candidacy.events';
export * from './candidacy/candidacy.state';
export * from './candidacy/candidacy.completeness';
export * from './candidacy/candidacy.decide';

export * from './submission-ledger/submission-ledger.commands';
export * from './submission-ledger/submission-ledger.events';
export * from './submission-ledger/submission-ledger.state';
export * from './submission-ledger/submission-ledger.decide';

export { STAFF_ROLES, isStaff } from './shared/roles';
