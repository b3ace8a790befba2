import {
  boolean,
  isoInstant,
  nullableString,
  objectSchema,
  oneOf,
  string,
  type EventContract,
  type JsonSchema,
  personalData,
} from './contract';
import { personErasedContract } from './persons.contracts';

/*
 * The events the mobility service publishes (admissions.mobility.events), as other services and
 * campus systems read them. Libraries may not import apps, so the enums below repeat the mobility
 * domain's; apps/mobility/src/mobility.contracts.spec.ts validates events produced by the real
 * deciders against these schemas, so the two cannot drift apart unnoticed.
 */

const isoDate: JsonSchema = { type: 'string', format: 'date' };
const nonNegative: JsonSchema = { type: 'number', minimum: 0 };
const nullableNonNegative: JsonSchema = { type: ['number', 'null'], minimum: 0 };
const positiveInteger: JsonSchema = { type: 'integer', minimum: 1 };
const countryCode: JsonSchema = { type: 'string', pattern: '^[A-Z]{2}$', examples: ['DE'] };
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const agreementKind = oneOf('DOUBLE_DEGREE', 'EXCHANGE', 'MASTER');
const mobilityKind = oneOf(
  'DOUBLE_DEGREE',
  'MASTER_ABROAD',
  'EXCHANGE_SEMESTER',
  'EXCHANGE_TWO_SEMESTERS',
  'SUMMER_STAY',
  'SUMMER_INTERNSHIP',
  'FIRST_YEAR_HUMAN_INTERNSHIP',
  'FINAL_INTERNSHIP',
);
const category = oneOf('DEGREE_PROGRAMME', 'NON_DEGREE_STUDY', 'INTERNSHIP');
const authority = oneOf('STUDY_ADVISOR', 'TRAINING_DIRECTORATE', 'INTERNATIONAL_OFFICE');
const internshipKind = oneOf('ENGINEERING', 'FREE');

// ---- partners -------------------------------------------------------------------------------

const partnerSnapshot = {
  partnerId: string,
  name: string,
  country: countryCode,
  agreements: arrayOf(
    objectSchema({ kind: agreementKind, placesPerAcademicYear: positiveInteger, startsOn: isoDate, endsOn: isoDate }),
  ),
};

// ---- mobility plans -------------------------------------------------------------------------

/** Every plan event names its plan and its student. */
const planRef = { planId: string, studentId: string };

/** MobilityPlanProposed / MobilityPlanChanged carry the whole plan, so a reader needs no history. */
const planRecord = {
  ...planRef,
  kind: mobilityKind,
  category,
  host: objectSchema({ name: string, country: countryCode, partnerId: nullableString }),
  startOn: isoDate,
  endOn: isoDate,
  plannedEcts: nullableNonNegative,
  ectsSplit: nullable(objectSchema({ coursesEcts: nonNegative, projectEcts: nonNegative })),
  flags: objectSchema({
    costsBorneByStudent: boolean,
    supervisedByStudyAdvisor: boolean,
    countsOnlyWithDfiAndDri: boolean,
    engineeringInternshipRequired: boolean,
    freeInternshipAllowedOnReturn: boolean,
  }),
  // The student's situation is kept under `personal`, like every personal datum on the bus.
  personal: personalData(
    objectSchema({
      profile: objectSchema({
        regime: oneOf('REGULAR', 'APPRENTICE'),
        yearOfStudy: { type: 'integer', minimum: 1, maximum: 3 },
        track: string,
        engineeringInternshipValidated: boolean,
        internshipYearValidated: boolean,
      }),
    }),
  ),
};

const learningAgreementVersion = {
  ...planRef,
  version: positiveInteger,
  courses: {
    ...arrayOf(objectSchema({ code: string, title: string, ects: { type: 'number', exclusiveMinimum: 0 } })),
    minItems: 1,
  },
  totalEcts: nonNegative,
};

// ---- partner places (MOB-10) ----------------------------------------------------------------

/** Stream `partner-places-<partnerId>-<academicYear>`: one partner's places for one academic year. */
const placeRef = {
  partnerId: string,
  academicYear: { type: 'string', pattern: '^\\d{4}-\\d{4}$', examples: ['2027-2028'] },
  planId: string,
  agreementKind: oneOf('DOUBLE_DEGREE', 'EXCHANGE'),
};

const contract = (type: string, description: string, properties: Record<string, JsonSchema>): EventContract => ({
  type,
  version: 1,
  description,
  schema: objectSchema(properties),
});

export const mobilityContracts: readonly EventContract[] = [
  contract('PartnerRegistered', 'The international office registered a partner institution and its agreements.', {
    ...partnerSnapshot,
    registeredBy: string,
    registeredAt: isoInstant,
  }),
  contract('PartnerChanged', "A partner's details changed; the event carries the full new details.", {
    ...partnerSnapshot,
    changedBy: string,
    changedAt: isoInstant,
  }),
  contract('MobilityPlanProposed', 'A student proposed a mobility plan that passed the MOB-1..9 checks.', {
    ...planRecord,
    proposedAt: isoInstant,
  }),
  contract('MobilityPlanChanged', 'A student reworked a plan not yet started; earlier approvals no longer hold.', {
    ...planRecord,
    changedAt: isoInstant,
  }),
  contract('MobilityApproved', 'One authority approved the plan (MOB-5 study advisor, MOB-7 DFI and DRI).', {
    ...planRef,
    authority,
    approvedBy: string,
    approvedAt: isoInstant,
  }),
  contract('MobilityRefused', 'One authority refused the plan; the reason is personal data.', {
    ...planRef,
    authority,
    refusedBy: string,
    refusedAt: isoInstant,
    personal: personalData(objectSchema({ reason: string })),
  }),
  contract('MobilityPlanCancelled', 'MOB-10: the plan was given up before departure; a place it held is freed.', {
    ...planRef,
    cancelledBy: string,
    cancelledAt: isoInstant,
  }),
  contract('LearningAgreementProposed', 'Before departure, a new version of the courses to follow abroad.', {
    ...learningAgreementVersion,
    proposedAt: isoInstant,
  }),
  contract('LearningAgreementChanged', 'During the mobility, a new version of the courses.', {
    ...learningAgreementVersion,
    changedAt: isoInstant,
  }),
  contract('LearningAgreementApproved', 'The study advisor approved a version of the learning agreement.', {
    ...planRef,
    version: positiveInteger,
    approvedBy: string,
    approvedAt: isoInstant,
  }),
  contract('MobilityStarted', 'The student left for the host.', {
    ...planRef,
    startedBy: string,
    startedAt: isoInstant,
  }),
  contract('CreditsRecorded', 'On return, the credits obtained abroad; validated when they reach those required.', {
    ...planRef,
    obtainedEcts: nonNegative,
    requiredEcts: nonNegative,
    validated: boolean,
    recordedBy: string,
    recordedAt: isoInstant,
  }),
  contract('InternshipCompleted', 'An internship abroad is over, with its actual dates.', {
    ...planRef,
    startedOn: isoDate,
    endedOn: isoDate,
    days: positiveInteger,
    completedBy: string,
    completedAt: isoInstant,
  }),
  contract('MobilityRequirementFulfilled', "MOB-1: this completed mobility fulfils the student's requirement.", {
    ...planRef,
    kind: mobilityKind,
    fulfilledAt: isoInstant,
  }),
  contract('MobilityRequirementNotFulfilled', 'MOB-1: the mobility is completed but does not count, with why.', {
    ...planRef,
    kind: mobilityKind,
    reasons: { ...arrayOf(objectSchema({ ruleId: string, message: string })), minItems: 1 },
    assessedAt: isoInstant,
  }),
  contract('EngineeringInternshipRecorded', 'MOB-5 / MOB-6: the internship done around an exchange.', {
    ...planRef,
    internshipKind,
    timing: oneOf('BEFORE_MOBILITY', 'AFTER_MOBILITY'),
    startOn: isoDate,
    endOn: isoDate,
    lastObligation: boolean,
    recordedBy: string,
    recordedAt: isoInstant,
  }),
  contract('PartnerPlaceClaimed', "MOB-10: the international office's approval took one of the partner's places.", {
    ...placeRef,
    planVersion: positiveInteger,
    placesPerAcademicYear: { type: 'integer', minimum: 0 },
    claimedBy: string,
    claimedAt: isoInstant,
  }),
  contract('PartnerPlaceReleased', 'MOB-10: a refused, cancelled or changed plan gave its place back.', {
    ...placeRef,
    reason: oneOf('REFUSED', 'CANCELLED', 'CHANGED', 'NOT_APPROVED'),
    releasedBy: string,
    releasedAt: isoInstant,
  }),
  contract(
    'StudentContactRecorded',
    "Where the school's messages reach a student (internal topic only, for the notification service's directory).",
    {
      studentId: string,
      personal: personalData(objectSchema({ email: string })),
      preferredLanguage: oneOf('fr', 'en'),
      recordedAt: isoInstant,
    },
  ),
  // Recorded when the erasure host's PersonErased arrives (docs/security.md, Erasure).
  personErasedContract,
];

/** The integration events of `admissions.mobility.v1`: what housing and the student records follow. */
export const MOBILITY_PUBLIC_TYPES = {
  approvalGiven: 'admissions.mobility.approval-given',
  requirementFulfilled: 'admissions.mobility.requirement-fulfilled',
} as const;

export const mobilityPublicContracts: readonly EventContract[] = [
  {
    type: MOBILITY_PUBLIC_TYPES.approvalGiven,
    version: 1,
    description: 'MOB-5/MOB-7: one authority approved a mobility plan (the plan leaves once all three have).',
    schema: objectSchema({ ...planRef, authority, approvedAt: isoInstant }),
  },
  {
    type: MOBILITY_PUBLIC_TYPES.requirementFulfilled,
    version: 1,
    description: "MOB-1: a completed mobility fulfils the student's international requirement.",
    schema: objectSchema({ ...planRef, kind: mobilityKind, fulfilledAt: isoInstant }),
  },
];
