import type { EventContract, JsonSchema } from './contract';
import { personErasedContract } from './persons.contracts';
import {
  boolean,
  integer,
  isoInstant,
  nullableString,
  objectSchema,
  oneOf,
  string,
  stringArray,
  personalData,
} from './contract';

// The shapes mirror apps/review/src/domain/**/*.events.ts field for field. Personal data (the
// candidate's name, email and phone) sits under `personal` only.

const positiveInteger: JsonSchema = { type: 'integer', minimum: 1 };
const nonNegativeInteger: JsonSchema = { type: 'integer', minimum: 0 };
const opinionKind = oneOf('FAVOURABLE', 'UNFAVOURABLE');
const interviewMode = oneOf('ONSITE', 'VIDEO');

/** REV-3: the lead's reasoned opinion (the motivation has at least 30 characters). */
const reasonedOpinion: Record<string, JsonSchema> = {
  opinion: opinionKind,
  motivation: { type: 'string', minLength: 30, examples: ['Conclusive interview, coherent professional project'] },
};

/** REV-2: ONSITE has a room and no link, VIDEO a link and no room. */
const interviewPlace: Record<string, JsonSchema> = {
  mode: interviewMode,
  room: nullableString,
  link: nullableString,
};

const eligibilityCheck = objectSchema({ ruleId: string, passed: boolean, reason: string });

const fileSummary = objectSchema({
  diplomaLevel: nonNegativeInteger,
  diplomaKind: string,
  experienceMonths: nonNegativeInteger,
  /** The ELIG-* rule that matched at submission. */
  eligibilityRuleId: string,
  /** ELIG-6: the explained assessment made by the candidacy service. */
  eligibilityExplanation: objectSchema({ reason: string, checks: { type: 'array', items: eligibilityCheck } }),
  diplomas: {
    type: 'array',
    items: objectSchema({ kind: string, title: string, country: string, year: integer, declaredLevel: string }, [
      'kind',
      'title',
      'country',
      'year',
    ]),
  },
  documentIds: stringArray,
  submittedAt: isoInstant,
});

const candidatePersonal = personalData(
  objectSchema({ fullName: string, email: string, phone: string }, ['fullName', 'email']),
);

/** What the review service needs of a submitted file, kept until its rank is known. */
const submission: Record<string, JsonSchema> = {
  candidacyId: string,
  candidateId: string,
  programmeCode: string,
  /** The programme's pedagogical lead when the file was submitted. */
  leadId: string,
  eligibility: oneOf('ELIGIBLE', 'PENDING_EQUIVALENCE'),
  fileSummary,
  personal: candidatePersonal,
};

/** Bookkeeping of the review service (intake and programme directory): other services ignore it. */
const INTERNAL = 'Internal to the review service; published by its outbox like every event, not for consumers.';

/** The events the review service publishes, as other services and campus systems read them. */
export const reviewContracts: readonly EventContract[] = [
  {
    type: 'ReviewOpened',
    version: 1,
    description: "REV-1: a submitted file is opened for examination, with its summary and the candidate's contact.",
    schema: objectSchema({
      candidacyId: string,
      candidateId: string,
      programmeCode: string,
      eligibility: oneOf('ELIGIBLE', 'PENDING_EQUIVALENCE'),
      /** CAND-3: the file's place in its programme's submission order (1 = first). */
      submissionRank: positiveInteger,
      fileSummary,
      personal: candidatePersonal,
      openedAt: isoInstant,
    }),
  },
  {
    type: 'ReviewAssigned',
    version: 1,
    description: "REV-1: the file is assigned to its programme's pedagogical lead (again when the lead changes).",
    schema: objectSchema({
      candidacyId: string,
      leadId: string,
      previousLeadId: nullableString,
      assignedAt: isoInstant,
    }),
  },
  {
    type: 'InterviewScheduled',
    version: 1,
    description: 'REV-2: the lead will meet the candidate; startsAt is a UTC instant (shown in Europe/Paris).',
    schema: objectSchema({ candidacyId: string, startsAt: isoInstant, ...interviewPlace, scheduledAt: isoInstant }),
  },
  {
    type: 'InterviewRescheduled',
    version: 1,
    description: 'REV-2: the interview moves to a new time or place.',
    schema: objectSchema({
      candidacyId: string,
      startsAt: isoInstant,
      ...interviewPlace,
      previousStartsAt: isoInstant,
      rescheduledAt: isoInstant,
    }),
  },
  {
    type: 'InterviewCancelled',
    version: 1,
    description: 'REV-2: the scheduled interview is called off (by the lead, a withdrawal or a refused equivalence).',
    schema: objectSchema({ candidacyId: string, reason: nullableString, cancelledAt: isoInstant }),
  },
  {
    type: 'InterviewHeld',
    version: 1,
    description: 'REV-2/REV-4: the outcome of the interview, conclusive or not, with the notes.',
    schema: objectSchema({
      candidacyId: string,
      startsAt: isoInstant,
      conclusive: boolean,
      notes: string,
      recordedAt: isoInstant,
    }),
  },
  {
    type: 'EquivalenceConfirmed',
    version: 1,
    description: 'ELIG-5: the reviewer confirms the foreign diploma is of equivalent level.',
    schema: objectSchema({ candidacyId: string, confirmedAt: isoInstant }),
  },
  {
    type: 'EquivalenceRefused',
    version: 1,
    description: 'ELIG-5: the reviewer refuses the equivalence, with the reason.',
    schema: objectSchema({ candidacyId: string, reason: string, refusedAt: isoInstant }),
  },
  {
    type: 'OpinionGiven',
    version: 1,
    description: 'REV-3: the reasoned opinion the lead gives the jury (once).',
    schema: objectSchema({ candidacyId: string, ...reasonedOpinion, givenAt: isoInstant }),
  },
  {
    type: 'OpinionCorrected',
    version: 1,
    description: 'REV-3: a correction supersedes the opinion, with the previous one and the reason.',
    schema: objectSchema({
      candidacyId: string,
      ...reasonedOpinion,
      previous: objectSchema(reasonedOpinion),
      reason: string,
      correctedAt: isoInstant,
    }),
  },
  {
    type: 'CandidateDeclaredAdmissible',
    version: 1,
    description: "REV-4: the file goes to the jury, with its submission rank and the lead's reasoned opinion.",
    schema: objectSchema({
      candidacyId: string,
      candidateId: string,
      programmeCode: string,
      submissionRank: positiveInteger,
      leadOpinion: objectSchema(reasonedOpinion),
      declaredAt: isoInstant,
    }),
  },
  {
    type: 'CandidateDeclaredNotAdmissible',
    version: 1,
    description: 'REV-4/ELIG-5: the candidacy ends as not admissible, with the reason.',
    schema: objectSchema({
      candidacyId: string,
      candidateId: string,
      programmeCode: string,
      reason: objectSchema({
        code: oneOf('UNFAVOURABLE_OPINION', 'INCONCLUSIVE_INTERVIEW', 'EQUIVALENCE_REFUSED'),
        explanation: string,
      }),
      declaredAt: isoInstant,
    }),
  },
  {
    type: 'ReviewClosed',
    version: 1,
    description: 'The candidacy was withdrawn: the review is closed and read only.',
    schema: objectSchema({ candidacyId: string, reason: oneOf('CANDIDACY_WITHDRAWN'), closedAt: isoInstant }),
  },
  // ---- internal bookkeeping -------------------------------------------------------------------
  {
    type: 'SubmissionReceived',
    version: 1,
    description: `${INTERNAL} CandidacySubmitted, kept until the file's rank arrives.`,
    schema: objectSchema({ ...submission, submittedAt: isoInstant, receivedAt: isoInstant }),
  },
  {
    type: 'SubmissionRankReceived',
    version: 1,
    description: `${INTERNAL} CAND-3: the rank the candidacy service gave the file.`,
    schema: objectSchema({ candidacyId: string, programmeCode: string, rank: positiveInteger, receivedAt: isoInstant }),
  },
  {
    type: 'WithdrawalReceived',
    version: 1,
    description: `${INTERNAL} The candidacy was withdrawn; a file not yet opened will not be.`,
    schema: objectSchema({ candidacyId: string, receivedAt: isoInstant }),
  },
  {
    type: 'ProgrammeLeadRecorded',
    version: 1,
    description: `${INTERNAL} REV-1: the programme's pedagogical lead since effectiveAt.`,
    schema: objectSchema({
      programmeCode: string,
      leadId: string,
      previousLeadId: nullableString,
      effectiveAt: isoInstant,
      recordedAt: isoInstant,
    }),
  },
  {
    type: 'ReviewTracked',
    version: 1,
    description: `${INTERNAL} REV-1: a review that follows the programme's lead.`,
    schema: objectSchema({ programmeCode: string, candidacyId: string, trackedAt: isoInstant }),
  },
  {
    type: 'ReviewUntracked',
    version: 1,
    description: `${INTERNAL} A closed review no longer follows the programme's lead.`,
    schema: objectSchema({ programmeCode: string, candidacyId: string, untrackedAt: isoInstant }),
  },
  // Recorded when the erasure host's PersonErased arrives (docs/security.md, Erasure).
  personErasedContract,
];

/** The integration events of `admissions.admissibility.v1`: the outcome of the review, no personal data. */
export const ADMISSIBILITY_TYPES = {
  admissible: 'admissions.admissibility.admissible',
  notAdmissible: 'admissions.admissibility.not-admissible',
} as const;

const admissibilityOf: Record<string, JsonSchema> = {
  candidacyId: string,
  candidateId: string,
  programmeCode: string,
  declaredAt: isoInstant,
};

export const admissibilityContracts: readonly EventContract[] = [
  {
    type: ADMISSIBILITY_TYPES.admissible,
    version: 1,
    description: 'REV-4: the file goes to the jury of its programme.',
    schema: objectSchema(admissibilityOf),
  },
  {
    type: ADMISSIBILITY_TYPES.notAdmissible,
    version: 1,
    description:
      'REV-4/ELIG-5: the candidacy ends before the jury; the reason code says why (its wording stays internal).',
    schema: objectSchema({
      ...admissibilityOf,
      reasonCode: oneOf('UNFAVOURABLE_OPINION', 'INCONCLUSIVE_INTERVIEW', 'EQUIVALENCE_REFUSED'),
    }),
  },
];
