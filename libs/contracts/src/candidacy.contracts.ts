import type { EventContract, JsonSchema } from './contract';
import { integer, isoInstant, objectSchema, oneOf, string, personalData } from './contract';
import { personErasedContract } from './persons.contracts';

// The shapes mirror apps/candidacy/src/domain/**/*.events.ts field for field. Personal data (name,
// email, phone, birth date, address, and a document's file name) sits under `personal` only.

const calendarDate: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2027-09-01'] };
const country: JsonSchema = { type: 'string', pattern: '^[A-Z]{2}$', examples: ['FR'] };
const nonNegativeInteger: JsonSchema = { type: 'integer', minimum: 0 };
const positiveInteger: JsonSchema = { type: 'integer', minimum: 1 };
const language = oneOf('fr', 'en');
const intake = oneOf('SEPTEMBER', 'OCTOBER');
const programmeField = oneOf(
  'nameFr',
  'nameEn',
  'places',
  'intake',
  'intakeDate',
  'applicationWindow',
  'pedagogicalLeadId',
);

const programmeDetails: Record<string, JsonSchema> = {
  code: string,
  nameFr: string,
  nameEn: string,
  places: positiveInteger,
  intake,
  /** Paris calendar date in the intake's month (CAND-4). */
  intakeDate: calendarDate,
  /** Both ends inclusive, ISO instants in UTC. */
  applicationWindow: objectSchema({ opensAt: isoInstant, closesAt: isoInstant }),
  pedagogicalLeadId: string,
};

const address = objectSchema({ street: string, postalCode: string, city: string, country });

const personal = objectSchema(
  {
    firstName: string,
    lastName: string,
    email: string,
    phone: string,
    birthDate: calendarDate,
    address,
  },
  ['firstName', 'lastName', 'email'],
);

/** The part of `personal` the review service needs to reach the candidate. */
const contact = objectSchema({ firstName: string, lastName: string, email: string, phone: string }, [
  'firstName',
  'lastName',
  'email',
]);

const diploma = objectSchema(
  {
    kind: oneOf('CTI_ENGINEERING', 'BUSINESS_SCHOOL_MASTER', 'UNIVERSITY_M2', 'UNIVERSITY_M1', 'FOREIGN', 'OTHER'),
    title: string,
    country,
    year: integer,
    /** FOREIGN diplomas only. */
    declaredLevel: oneOf('BAC+5', 'BAC+4', 'OTHER'),
  },
  ['kind', 'title', 'country', 'year'],
);
const diplomas: JsonSchema = { type: 'array', items: diploma };

const eligibilityRule = oneOf('ELIG-1', 'ELIG-2', 'ELIG-3', 'ELIG-4', 'ELIG-5');
/** ELIG-6: an explained assessment — every check, the matched rule (if any) and the reason. */
const eligibility = objectSchema(
  {
    status: oneOf('ELIGIBLE', 'PENDING_EQUIVALENCE', 'INELIGIBLE'),
    matchedRule: eligibilityRule,
    checks: {
      type: 'array',
      items: objectSchema({ ruleId: eligibilityRule, passed: { type: 'boolean' }, reason: string }),
    },
    reason: string,
  },
  ['status', 'checks', 'reason'],
);

/** A document's metadata; its content stays in the candidacy service's store at `storageRef`. */
const documentRef: Record<string, JsonSchema> = {
  documentId: string,
  kind: oneOf('CV', 'MOTIVATION_LETTER', 'TRANSCRIPT', 'OTHER'),
  contentType: oneOf('application/pdf'),
  sizeBytes: { type: 'integer', minimum: 1, maximum: 10 * 1024 * 1024 },
  /** Lower-case hex SHA-256 of the content. */
  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', examples: ['0'.repeat(64)] },
  storageRef: string,
};

/** The events the candidacy service publishes, as other services and campus systems read them. */
export const candidacyContracts: readonly EventContract[] = [
  {
    type: 'ProgrammeCreated',
    version: 1,
    description: 'CAND-4: a Mastère Spécialisé with its intake, intake date, places, window and lead.',
    schema: objectSchema({ ...programmeDetails, createdAt: isoInstant }),
  },
  {
    type: 'ProgrammeChanged',
    version: 1,
    description: 'Every value after the change, which fields changed, and the previous pedagogical lead.',
    schema: objectSchema({
      ...programmeDetails,
      changedFields: { type: 'array', items: programmeField, minItems: 1 },
      previousPedagogicalLeadId: string,
      changedAt: isoInstant,
    }),
  },
  {
    type: 'CandidacyOpened',
    version: 1,
    description: "CAND-1: the file is created online and opens the candidate's personal space.",
    schema: objectSchema({ candidacyId: string, candidateId: string, openedAt: isoInstant }),
  },
  {
    type: 'IdentityUpdated',
    version: 1,
    schema: objectSchema({
      candidacyId: string,
      personal: personalData(personal),
      preferredLanguage: language,
      updatedAt: isoInstant,
    }),
  },
  {
    type: 'DiplomasRecorded',
    version: 1,
    schema: objectSchema({ candidacyId: string, diplomas, recordedAt: isoInstant }),
  },
  {
    type: 'ExperienceRecorded',
    version: 1,
    schema: objectSchema({ candidacyId: string, months: nonNegativeInteger, recordedAt: isoInstant }),
  },
  {
    type: 'EligibilityAssessed',
    version: 1,
    description: 'ELIG-1..6: the explained eligibility after each change of diplomas or experience.',
    schema: objectSchema({ candidacyId: string, eligibility, assessedAt: isoInstant }),
  },
  {
    type: 'ProgrammeChosen',
    version: 1,
    description: 'The target programme; previousProgrammeCode is set when the file targeted another one.',
    schema: objectSchema(
      { candidacyId: string, programmeCode: string, previousProgrammeCode: string, chosenAt: isoInstant },
      ['candidacyId', 'programmeCode', 'chosenAt'],
    ),
  },
  {
    type: 'DocumentAttached',
    version: 1,
    description: 'A PDF of at most 10 MB; the content is not in the event, its reference and checksum are.',
    schema: objectSchema({
      ...documentRef,
      candidacyId: string,
      personal: personalData(objectSchema({ fileName: string })),
      attachedAt: isoInstant,
    }),
  },
  {
    type: 'DocumentRemoved',
    version: 1,
    schema: objectSchema({ candidacyId: string, documentId: string, removedAt: isoInstant }),
  },
  {
    type: 'CandidacySubmitted',
    version: 1,
    description: "CAND-2: a complete file, transmitted to the programme's pedagogical lead.",
    schema: objectSchema({
      candidacyId: string,
      candidateId: string,
      programmeCode: string,
      pedagogicalLeadId: string,
      personal: personalData(contact),
      preferredLanguage: language,
      diplomas,
      experienceMonths: nonNegativeInteger,
      eligibility,
      documents: { type: 'array', items: objectSchema(documentRef) },
      submittedAt: isoInstant,
    }),
  },
  {
    type: 'SubmissionRanked',
    version: 1,
    description: "CAND-3: the file's place in its programme's submission order (1 = first).",
    schema: objectSchema({ candidacyId: string, programmeCode: string, rank: positiveInteger, rankedAt: isoInstant }),
  },
  {
    type: 'CandidacyWithdrawn',
    version: 1,
    description: 'The candidate withdrew a draft or a submitted file; programmeCode is set when one was chosen.',
    schema: objectSchema(
      {
        candidacyId: string,
        candidateId: string,
        previousStatus: oneOf('DRAFT', 'SUBMITTED'),
        programmeCode: string,
        withdrawnAt: isoInstant,
      },
      ['candidacyId', 'candidateId', 'previousStatus', 'withdrawnAt'],
    ),
  },
  {
    type: 'SubmissionRegistered',
    version: 1,
    description: 'CAND-3: the ledger of a programme records the rank-th submission (1 = first).',
    schema: objectSchema({
      programmeCode: string,
      candidacyId: string,
      rank: positiveInteger,
      registeredAt: isoInstant,
    }),
  },
  // The erasure entry point lives in the candidacy service (docs/security.md, Erasure).
  personErasedContract,
];

/** The integration events of `admissions.candidacies.v1`: ids and dates only, no personal data. */
export const CANDIDACY_PUBLIC_TYPES = {
  submitted: 'admissions.candidacy.submitted',
  withdrawn: 'admissions.candidacy.withdrawn',
} as const;

export const candidacyPublicContracts: readonly EventContract[] = [
  {
    type: CANDIDACY_PUBLIC_TYPES.submitted,
    version: 1,
    description: 'CAND-2: a complete file was submitted to a programme (analysts count applications by it).',
    schema: objectSchema({ candidacyId: string, candidateId: string, programmeCode: string, submittedAt: isoInstant }),
  },
  {
    type: CANDIDACY_PUBLIC_TYPES.withdrawn,
    version: 1,
    description: "The candidate withdrew a submitted file: it leaves the programme's review and jury.",
    schema: objectSchema({ candidacyId: string, candidateId: string, programmeCode: string, withdrawnAt: isoInstant }),
  },
];
