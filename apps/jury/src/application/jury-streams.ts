import { systemActorOf } from '@admissions/platform';

/** One stream per programme: every seat of a programme is counted by one decider (JURY-5). */
export const programmeStreamId = (programmeCode: string): string => `programme-${programmeCode}`;

/** The jury's file of a candidacy: review's facts as the jury took them in. */
export const admissionFileStreamId = (candidacyId: string): string => `admission-file-${candidacyId}`;

/** One referral stream per candidate (REC-1: one referral per candidate). */
export const referralStreamId = (candidateId: string): string => `referral-${candidateId}`;

/** The actor of commands the service gives itself (process managers, deadlines). */
export const SYSTEM_ACTOR = systemActorOf('jury');

/** Deadline ids: deterministic, so scheduling again replaces rather than duplicates. */
export const offerExpiryDeadlineId = (offerId: string): string => `offer-expiry:${offerId}`;
export const referralLapseDeadlineId = (referralId: string): string => `referral-lapse:${referralId}`;
