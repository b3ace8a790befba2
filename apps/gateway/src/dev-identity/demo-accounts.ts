import type { Role } from '@admissions/platform';

export interface DemoAccount {
  readonly login: string;
  /** The token subject the services see; a pedagogical lead's is the lead id of the demo catalogue. */
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/** Every demo account signs in with this password; the development provider never runs in production. */
export const DEMO_PASSWORD = 'demo';

/** One account per role, and a second candidate (a candidate must not see another's file). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'camille', sub: 'candidate-camille', name: 'Camille Martin', roles: ['candidate'] },
  { login: 'noah', sub: 'candidate-noah', name: 'Noah Dubois', roles: ['candidate'] },
  { login: 'lead', sub: 'lead-cyber', name: 'Inès Leroy (MS-CYBER)', roles: ['pedagogical-lead'] },
  { login: 'jury', sub: 'jury-member-1', name: 'Paul Bernard', roles: ['jury-member'] },
  { login: 'officer', sub: 'admissions-officer-1', name: 'Léa Petit', roles: ['admissions-officer'] },
  { login: 'rectorate', sub: 'rectorate-officer-1', name: 'Hugo Moreau', roles: ['rectorate-officer'] },
  { login: 'student', sub: 'student-1', name: 'Jade Laurent', roles: ['student'] },
  { login: 'dri', sub: 'international-office-1', name: 'Louis Simon', roles: ['international-office'] },
  { login: 'dfi', sub: 'training-directorate-1', name: 'Chloé Michel', roles: ['training-directorate'] },
  { login: 'advisor', sub: 'study-advisor-1', name: 'Lucas Garcia', roles: ['study-advisor'] },
  { login: 'dpo', sub: 'data-protection-officer-1', name: 'Emma Roux', roles: ['data-protection-officer'] },
  { login: 'admin', sub: 'admin-1', name: 'Admin', roles: ['admin'] },
];

export const accountByLogin = (login: string): DemoAccount | undefined =>
  DEMO_ACCOUNTS.find((account) => account.login === login);

export const accountBySub = (sub: string): DemoAccount | undefined =>
  DEMO_ACCOUNTS.find((account) => account.sub === sub);
