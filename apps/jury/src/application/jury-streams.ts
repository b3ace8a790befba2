import type { Actor } from '@admissions/domain-kernel';

/** One stream per programme: every seat of a programme is counted by one decider (JURY-5). */
export const programmeStreamId = (programmeCode: string): string => `programme-${programmeCode}`;

/** One referral stream per candidate (REC-1: one referral per candidate). */
export const referralStreamId = (candidateId: string): string => `referral-${candidateId}`;

/** The actor of commands the service gives itself (process managers, deadlines). */
export const SYSTEM_ACTOR: Actor = { id: 'system:jury', roles: ['admin'] };

/** Deadline ids: deterministic, so scheduling again replaces rather than duplicates. */
export const offerExpiryDeadlineId = (offerId: string): string => `offer-expiry:${offerId}`;
export const referralLapseDeadlineId = (referralId: string): string => `referral-lapse:${referralId}`;
