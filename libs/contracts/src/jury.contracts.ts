import type { EventContract, JsonSchema } from './contract';
import { boolean, integer, isoInstant, nullableString, objectSchema, oneOf, string } from './contract';

// The shapes mirror apps/jury/src/domain/**/*.events.ts field for field. The jury's events carry
// no personal data: candidates are named by their ids only.

const nullableInteger: JsonSchema = { type: ['integer', 'null'] };
const nonNegativeInteger: JsonSchema = { type: 'integer', minimum: 0 };
const positiveInteger: JsonSchema = { type: 'integer', minimum: 1 };
/** Paris calendar month, YYYY-MM (JURY-1). */
const month: JsonSchema = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2027-03'] };
const decision = oneOf('ADMITTED', 'WAITLISTED', 'REJECTED');
const leadOpinion = objectSchema({ opinion: oneOf('FAVOURABLE', 'UNFAVOURABLE'), motivation: string });

const admissibleCandidate: Record<string, JsonSchema> = {
  programmeCode: string,
  candidateId: string,
  candidacyId: string,
  submissionRank: positiveInteger,
  leadOpinion,
};

const offerRef: Record<string, JsonSchema> = {
  programmeCode: string,
  offerId: string,
  candidateId: string,
  candidacyId: string,
};

const proposalRef = objectSchema({ proposalId: string, programmeCode: string });
const proposals: JsonSchema = { type: 'array', items: proposalRef, maxItems: 3 };

/** Internal events of the programme-admissions aggregate (stream `programme-<code>`). */
const programmeAdmissionsContracts: readonly EventContract[] = [
  {
    type: 'ProgrammeDefined',
    version: 1,
    description: "The jury's book of a programme, opened from candidacy's ProgrammeCreated (JURY-5 places).",
    schema: objectSchema({ programmeCode: string, places: nonNegativeInteger, definedAt: isoInstant }),
  },
  {
    type: 'PlacesChanged',
    version: 1,
    description: 'JURY-5: places never drop below the seats taken.',
    schema: objectSchema({
      programmeCode: string,
      places: nonNegativeInteger,
      previousPlaces: nonNegativeInteger,
      changedAt: isoInstant,
    }),
  },
  {
    type: 'CandidateAddedToAgenda',
    version: 1,
    description: "JURY-2: an admissible candidate on the next session's agenda, with the lead's reasoned opinion.",
    schema: objectSchema({ ...admissibleCandidate, sessionId: string, addedAt: isoInstant }),
  },
  {
    type: 'CandidateAwaitingSession',
    version: 1,
    description: 'JURY-1: no session of the programme is open yet; the candidate joins the next one scheduled.',
    schema: objectSchema({ ...admissibleCandidate, queuedAt: isoInstant }),
  },
  {
    type: 'JurySessionScheduled',
    version: 1,
    description: 'JURY-1: one session per programme per month, January to July.',
    schema: objectSchema({
      programmeCode: string,
      sessionId: string,
      month,
      sitsAt: isoInstant,
      scheduledAt: isoInstant,
    }),
  },
  {
    type: 'AdmissionDecided',
    version: 1,
    description: 'JURY-2/JURY-3: the decision with its reason; the waiting-list rank when waitlisted.',
    schema: objectSchema({
      programmeCode: string,
      sessionId: string,
      candidateId: string,
      candidacyId: string,
      decision,
      reason: string,
      waitingListRank: nullableInteger,
      decidedAt: isoInstant,
    }),
  },
  {
    type: 'SessionClosed',
    version: 1,
    description: 'JURY-2: every candidate of the session is decided.',
    schema: objectSchema({ programmeCode: string, sessionId: string, closedAt: isoInstant }),
  },
  {
    type: 'OfferMade',
    version: 1,
    description: 'JURY-4: an offer holds a seat until expiresAt (23:59:59.999 Paris of the 10th day).',
    schema: objectSchema({
      ...offerRef,
      origin: oneOf('ADMISSION', 'WAITING_LIST'),
      madeAt: isoInstant,
      expiresAt: isoInstant,
    }),
  },
  {
    type: 'OfferExpired',
    version: 1,
    description: 'JURY-4: the window ended without enrolment; the seat is released (JURY-5).',
    schema: objectSchema({ ...offerRef, expiredAt: isoInstant }),
  },
  {
    type: 'OfferDeclined',
    version: 1,
    description: 'JURY-5: the candidate declined; the seat is released.',
    schema: objectSchema({ ...offerRef, declinedAt: isoInstant }),
  },
  {
    type: 'CandidateEnrolled',
    version: 1,
    description: 'JURY-4: enrolment within the window.',
    schema: objectSchema({ ...offerRef, enrolledAt: isoInstant }),
  },
  {
    type: 'ReferralSeatHeld',
    version: 1,
    description: "REC-5: a rectorate proposal holds one of the programme's seats (for the proposal named).",
    schema: objectSchema(
      { programmeCode: string, referralId: string, heldAt: isoInstant, proposalId: string, candidateId: string },
      ['programmeCode', 'referralId', 'heldAt'],
    ),
  },
  {
    type: 'ReferralSeatReleased',
    version: 1,
    description: 'REC-7: a declined or lapsed proposal gives its seat back.',
    schema: objectSchema({ programmeCode: string, referralId: string, releasedAt: isoInstant }),
  },
];

/** Internal events of the referral aggregate (stream `referral-<candidateId>`). */
const referralContracts: readonly EventContract[] = [
  {
    type: 'ReferralFiled',
    version: 1,
    description: 'REC-1..3: a referral to the rectorate, within 15 days of the last negative answer.',
    schema: objectSchema({
      referralId: string,
      candidateId: string,
      transcriptDocumentRef: string,
      lastNegativeAnswerAt: isoInstant,
      academicYear: { type: 'string', pattern: '^\\d{4}-\\d{4}$', examples: ['2027-2028'] },
      proposalsDueBy: isoInstant,
      filedAt: isoInstant,
    }),
  },
  {
    type: 'ReferralAcknowledged',
    version: 1,
    description: 'REC-4: the referral is registered; the candidate is emailed the acknowledgement.',
    schema: objectSchema({ referralId: string, candidateId: string, acknowledgedAt: isoInstant }),
  },
  {
    type: 'ProposalRecorded',
    version: 1,
    description: 'REC-5/REC-6: one of at most three proposals, no later than 31 October.',
    schema: objectSchema({ referralId: string, proposalId: string, programmeCode: string, recordedAt: isoInstant }),
  },
  {
    type: 'ProposalsMade',
    version: 1,
    description: 'REC-7: the proposals are sent; the candidate answers by answerDueAt.',
    schema: objectSchema({
      referralId: string,
      candidateId: string,
      proposals,
      proposalsMadeAt: isoInstant,
      answerDueAt: isoInstant,
    }),
  },
  {
    type: 'ProposalAccepted',
    version: 1,
    description: 'REC-7: accepting one proposal declines the others.',
    schema: objectSchema({
      referralId: string,
      proposalId: string,
      programmeCode: string,
      candidateId: string,
      acceptedAt: isoInstant,
    }),
  },
  {
    type: 'ProposalDeclined',
    version: 1,
    description: 'REC-7: its seat is released.',
    schema: objectSchema({ referralId: string, proposalId: string, programmeCode: string, declinedAt: isoInstant }),
  },
  {
    type: 'ReferralLapsed',
    version: 1,
    description: 'REC-7: no answer within 15 days; every proposal lapses and its seat is released.',
    schema: objectSchema({
      referralId: string,
      candidateId: string,
      releasedProposals: proposals,
      lapsedAt: isoInstant,
    }),
  },
];

/**
 * Internal events of the jury's file of a candidacy (stream `admission-file-<candidacyId>`):
 * review's facts as the jury took them in, each caused by (ce_causationid) the review event it
 * comes from, so that a decision's explanation cites it.
 */
const admissionFileContracts: readonly EventContract[] = [
  {
    type: 'EligibilityRecorded',
    version: 1,
    description: "ELIG-6: the file's explained eligibility at submission, from review's ReviewOpened.",
    schema: objectSchema({
      candidacyId: string,
      candidateId: string,
      programmeCode: string,
      eligibility: objectSchema({
        status: oneOf('ELIGIBLE', 'PENDING_EQUIVALENCE'),
        matchedRule: string,
        reason: string,
        checks: { type: 'array', items: objectSchema({ ruleId: string, passed: boolean, reason: string }) },
      }),
      recordedAt: isoInstant,
    }),
  },
  {
    type: 'EquivalenceConfirmationRecorded',
    version: 1,
    description: "ELIG-5: the reviewer confirmed the foreign diploma's level (review's EquivalenceConfirmed).",
    schema: objectSchema({ candidacyId: string, confirmedAt: isoInstant, recordedAt: isoInstant }),
  },
  {
    type: 'InterviewOutcomeRecorded',
    version: 1,
    description: "REV-2: the interview's outcome and notes (review's InterviewHeld).",
    schema: objectSchema({
      candidacyId: string,
      startsAt: isoInstant,
      conclusive: boolean,
      notes: string,
      recordedAt: isoInstant,
    }),
  },
  {
    type: 'LeadOpinionRecorded',
    version: 1,
    description:
      "REV-3: the lead's reasoned opinion (review's OpinionGiven), or a correction of it with its reason (OpinionCorrected).",
    schema: objectSchema({
      candidacyId: string,
      leadOpinion,
      givenAt: isoInstant,
      correctionReason: nullableString,
      recordedAt: isoInstant,
    }),
  },
];

/** The events the jury service publishes on `admissions.jury.events`. */
export const juryContracts: readonly EventContract[] = [
  ...programmeAdmissionsContracts,
  ...referralContracts,
  ...admissionFileContracts,
];

// ---- the public integration stream `admissions.decisions.v1` --------------------------------

/**
 * Types of the public decision stream. They are not the jury's internal events: a mapper turns
 * those into these, so the inside may change without breaking campus systems. A type only ever
 * changes compatibly (new optional fields); a breaking change is a new version of the stream.
 */
export const DECISION_TYPES = {
  admitted: 'admissions.decision.admitted',
  waitlisted: 'admissions.decision.waitlisted',
  rejected: 'admissions.decision.rejected',
  offerMade: 'admissions.decision.offer-made',
  offerExpired: 'admissions.decision.offer-expired',
  offerDeclined: 'admissions.decision.offer-declined',
  enrolled: 'admissions.decision.enrolled',
  referralOutcome: 'admissions.decision.referral-outcome',
} as const;

export type DecisionType = (typeof DECISION_TYPES)[keyof typeof DECISION_TYPES];

const application: Record<string, JsonSchema> = {
  candidateId: string,
  candidacyId: string,
  programmeCode: string,
};

const decided: Record<string, JsonSchema> = {
  ...application,
  sessionId: string,
  reason: string,
  decidedAt: isoInstant,
};

/** The integration events of `admissions.decisions.v1`, version 1 each. */
export const decisionContracts: readonly EventContract[] = [
  {
    type: DECISION_TYPES.admitted,
    version: 1,
    description: 'JURY-2: the jury admitted the candidate; an offer with a 10-day window follows (offer-made).',
    schema: objectSchema(decided),
  },
  {
    type: DECISION_TYPES.waitlisted,
    version: 1,
    description: "JURY-2/JURY-5: the candidate is on the programme's waiting list, at this rank when decided.",
    schema: objectSchema({ ...decided, waitingListRank: positiveInteger }),
  },
  {
    type: DECISION_TYPES.rejected,
    version: 1,
    description: 'JURY-2: the jury rejected the candidate, with its reason.',
    schema: objectSchema(decided),
  },
  {
    type: DECISION_TYPES.offerMade,
    version: 1,
    description:
      'JURY-4: a seat is held for the candidate until enrolBy (after an admission or from the waiting list).',
    schema: objectSchema({
      ...application,
      offerId: string,
      origin: oneOf('ADMISSION', 'WAITING_LIST'),
      madeAt: isoInstant,
      enrolBy: isoInstant,
    }),
  },
  {
    type: DECISION_TYPES.offerExpired,
    version: 1,
    description: 'JURY-4: the 10-day window ended without enrolment; the seat went back to the programme.',
    schema: objectSchema({ ...application, offerId: string, expiredAt: isoInstant }),
  },
  {
    type: DECISION_TYPES.offerDeclined,
    version: 1,
    description: 'The candidate declined the offer; the seat went back to the programme.',
    schema: objectSchema({ ...application, offerId: string, declinedAt: isoInstant }),
  },
  {
    type: DECISION_TYPES.enrolled,
    version: 1,
    description: 'JURY-4: the candidate enrolled within the window.',
    schema: objectSchema({ ...application, offerId: string, enrolledAt: isoInstant }),
  },
  {
    type: DECISION_TYPES.referralOutcome,
    version: 1,
    description: 'REC-7: the referral ended: a proposal accepted (its programme), or all lapsed unanswered.',
    schema: objectSchema(
      {
        referralId: string,
        candidateId: string,
        outcome: oneOf('ACCEPTED', 'LAPSED'),
        programmeCode: string,
        proposalCount: integer,
        decidedAt: isoInstant,
      },
      ['referralId', 'candidateId', 'outcome', 'proposalCount', 'decidedAt'],
    ),
  },
];
