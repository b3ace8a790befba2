/**
 * The part of other services' events this service reads (tolerant reader): only the fields used,
 * so that their other fields may change freely. Shapes follow apps/<service>/src/domain/**\/*.events.ts
 * and are checked on arrival against the contracts in libs/contracts.
 */
export const CONSUMED = {
  candidacy: ['CandidacyOpened', 'IdentityUpdated', 'CandidacySubmitted'],
  review: [
    'ReviewOpened',
    'InterviewScheduled',
    'InterviewRescheduled',
    'InterviewCancelled',
    'CandidateDeclaredAdmissible',
    'CandidateDeclaredNotAdmissible',
  ],
  jury: [
    'AdmissionDecided',
    'OfferMade',
    'OfferExpired',
    'OfferDeclined',
    'CandidateEnrolled',
    'ReferralAcknowledged',
    'ProposalsMade',
    'ProposalAccepted',
    'ReferralLapsed',
  ],
  mobility: ['StudentContactRecorded', 'MobilityApproved', 'MobilityRefused'],
} as const;

export type SourceService = keyof typeof CONSUMED;
export type ConsumedType = (typeof CONSUMED)[SourceService][number];

interface Contact {
  readonly email: string;
  readonly firstName?: string;
}
interface Place {
  readonly mode: string;
  readonly room: string | null;
  readonly link: string | null;
}
interface OfferRef {
  readonly programmeCode: string;
  readonly offerId: string;
  readonly candidateId: string;
}

export interface ConsumedData {
  readonly CandidacyOpened: { readonly candidacyId: string; readonly candidateId: string };
  readonly IdentityUpdated: {
    readonly candidacyId: string;
    readonly personal: Contact;
    readonly preferredLanguage: string;
  };
  readonly CandidacySubmitted: {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly personal: Contact;
    readonly preferredLanguage: string;
    readonly submittedAt: string;
  };
  readonly ReviewOpened: {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly personal: { readonly email: string };
  };
  readonly InterviewScheduled: Place & { readonly candidacyId: string; readonly startsAt: string };
  readonly InterviewRescheduled: Place & {
    readonly candidacyId: string;
    readonly startsAt: string;
    readonly previousStartsAt: string;
  };
  readonly InterviewCancelled: { readonly candidacyId: string; readonly reason: string | null };
  readonly CandidateDeclaredAdmissible: { readonly candidateId: string; readonly programmeCode: string };
  readonly CandidateDeclaredNotAdmissible: {
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly reason: { readonly explanation: string };
  };
  readonly AdmissionDecided: {
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly decision: 'ADMITTED' | 'WAITLISTED' | 'REJECTED';
    readonly reason: string;
    readonly waitingListRank: number | null;
  };
  readonly OfferMade: OfferRef & { readonly origin: 'ADMISSION' | 'WAITING_LIST'; readonly expiresAt: string };
  readonly OfferExpired: OfferRef & { readonly expiredAt: string };
  readonly OfferDeclined: OfferRef;
  readonly CandidateEnrolled: OfferRef & { readonly enrolledAt: string };
  readonly ReferralAcknowledged: {
    readonly referralId: string;
    readonly candidateId: string;
    readonly acknowledgedAt: string;
  };
  readonly ProposalsMade: {
    readonly candidateId: string;
    readonly proposals: readonly { readonly programmeCode: string }[];
    readonly answerDueAt: string;
  };
  readonly ProposalAccepted: { readonly candidateId: string; readonly programmeCode: string };
  readonly ReferralLapsed: { readonly candidateId: string };
  readonly StudentContactRecorded: {
    readonly studentId: string;
    readonly personal: { readonly email: string };
    readonly preferredLanguage: string;
  };
  readonly MobilityApproved: {
    readonly planId: string;
    readonly studentId: string;
    readonly authority: 'STUDY_ADVISOR' | 'TRAINING_DIRECTORATE' | 'INTERNATIONAL_OFFICE';
  };
  readonly MobilityRefused: {
    readonly planId: string;
    readonly studentId: string;
    readonly authority: 'STUDY_ADVISOR' | 'TRAINING_DIRECTORATE' | 'INTERNATIONAL_OFFICE';
  };
}

/** A consumed event, correlated with its data (after its contract validated it). */
export type ConsumedEvent = { [T in ConsumedType]: { readonly type: T; readonly data: ConsumedData[T] } }[ConsumedType];

export function isConsumedType(type: string): type is ConsumedType {
  return Object.values(CONSUMED).some((types) => (types as readonly string[]).includes(type));
}
