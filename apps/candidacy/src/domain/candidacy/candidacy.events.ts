import { DomainEvent } from '@admissions/domain-kernel';
import { Contact, Diploma, DocumentRef, EligibilityResult, Language, Personal } from './candidacy.types';

/** CAND-1: the file exists and the candidate's space (a read model keyed by candidateId) opens. */
export type CandidacyOpened = DomainEvent<
  'CandidacyOpened',
  { readonly candidacyId: string; readonly candidateId: string; readonly openedAt: string }
>;

export type IdentityUpdated = DomainEvent<
  'IdentityUpdated',
  {
    readonly candidacyId: string;
    readonly personal: Personal;
    readonly preferredLanguage: Language;
    readonly updatedAt: string;
  }
>;

export type DiplomasRecorded = DomainEvent<
  'DiplomasRecorded',
  { readonly candidacyId: string; readonly diplomas: readonly Diploma[]; readonly recordedAt: string }
>;

export type ExperienceRecorded = DomainEvent<
  'ExperienceRecorded',
  { readonly candidacyId: string; readonly months: number; readonly recordedAt: string }
>;

/** ELIG-1..6: follows every change of diplomas or experience, with the explained result. */
export type EligibilityAssessed = DomainEvent<
  'EligibilityAssessed',
  { readonly candidacyId: string; readonly eligibility: EligibilityResult; readonly assessedAt: string }
>;

/** `previousProgrammeCode` when the file moves from one programme to another (per-programme read models). */
export type ProgrammeChosen = DomainEvent<
  'ProgrammeChosen',
  {
    readonly candidacyId: string;
    readonly programmeCode: string;
    readonly previousProgrammeCode?: string;
    readonly chosenAt: string;
  }
>;

/** The file name, chosen by the candidate, is personal data: it sits under `personal`. */
export type DocumentAttached = DomainEvent<
  'DocumentAttached',
  DocumentRef & {
    readonly candidacyId: string;
    readonly personal: { readonly fileName: string };
    readonly attachedAt: string;
  }
>;

export type DocumentRemoved = DomainEvent<
  'DocumentRemoved',
  { readonly candidacyId: string; readonly documentId: string; readonly removedAt: string }
>;

/**
 * CAND-2: a complete file is transmitted to the programme's pedagogical lead. Carries what the
 * review service needs, so it never reads this service's data: the candidate's contact under
 * `personal`, diplomas, experience, eligibility, documents (references only), language and lead.
 */
export type CandidacySubmitted = DomainEvent<
  'CandidacySubmitted',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly programmeCode: string;
    readonly pedagogicalLeadId: string;
    readonly personal: Contact;
    readonly preferredLanguage: Language;
    readonly diplomas: readonly Diploma[];
    readonly experienceMonths: number;
    readonly eligibility: EligibilityResult;
    readonly documents: readonly DocumentRef[];
    readonly submittedAt: string;
  }
>;

/** CAND-3: the file's place in its programme's submission order (1 = first), from the ledger. */
export type SubmissionRanked = DomainEvent<
  'SubmissionRanked',
  { readonly candidacyId: string; readonly programmeCode: string; readonly rank: number; readonly rankedAt: string }
>;

export type CandidacyWithdrawn = DomainEvent<
  'CandidacyWithdrawn',
  {
    readonly candidacyId: string;
    readonly candidateId: string;
    readonly previousStatus: 'DRAFT' | 'SUBMITTED';
    readonly programmeCode?: string;
    readonly withdrawnAt: string;
  }
>;

export type CandidacyEvent =
  | CandidacyOpened
  | IdentityUpdated
  | DiplomasRecorded
  | ExperienceRecorded
  | EligibilityAssessed
  | ProgrammeChosen
  | DocumentAttached
  | DocumentRemoved
  | CandidacySubmitted
  | SubmissionRanked
  | CandidacyWithdrawn;
