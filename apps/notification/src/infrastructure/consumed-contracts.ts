import {
  candidacyContracts,
  type EventContract,
  isoInstant,
  juryContracts,
  type JsonSchema,
  mobilityContracts,
  notificationContracts,
  objectSchema,
  oneOf,
  reviewContracts,
  string,
} from '@admissions/contracts';
import { CONSUMED, type ConsumedType } from '../domain';

const nullableString: JsonSchema = { type: ['string', 'null'] };
const authority = oneOf('STUDY_ADVISOR', 'TRAINING_DIRECTORATE', 'INTERNATIONAL_OFFICE');
const offerRef = { programmeCode: string, offerId: string, candidateId: string };
const place = { mode: string, room: nullableString, link: nullableString };

/**
 * What this service needs of each event it reads: the fields it uses, nothing else. They stand
 * in only for a type whose owner has not published its contract yet (libs/contracts/src/
 * <service>.contracts.ts); the owner's contract always wins.
 */
const READER_SCHEMAS: Record<ConsumedType, JsonSchema> = {
  CandidacyOpened: objectSchema({ candidacyId: string, candidateId: string }),
  IdentityUpdated: objectSchema({
    candidacyId: string,
    personal: objectSchema({ email: string }),
    preferredLanguage: oneOf('fr', 'en'),
  }),
  CandidacySubmitted: objectSchema({
    candidacyId: string,
    candidateId: string,
    programmeCode: string,
    personal: objectSchema({ email: string }),
    preferredLanguage: oneOf('fr', 'en'),
    submittedAt: isoInstant,
  }),
  ReviewOpened: objectSchema({ candidacyId: string, candidateId: string, personal: objectSchema({ email: string }) }),
  InterviewScheduled: objectSchema({ candidacyId: string, startsAt: isoInstant, ...place }, [
    'candidacyId',
    'startsAt',
    'mode',
  ]),
  InterviewRescheduled: objectSchema(
    { candidacyId: string, startsAt: isoInstant, previousStartsAt: isoInstant, ...place },
    ['candidacyId', 'startsAt', 'previousStartsAt', 'mode'],
  ),
  InterviewCancelled: objectSchema({ candidacyId: string, reason: nullableString }, ['candidacyId']),
  CandidateDeclaredAdmissible: objectSchema({ candidateId: string, programmeCode: string }),
  CandidateDeclaredNotAdmissible: objectSchema({
    candidateId: string,
    programmeCode: string,
    reason: objectSchema({ explanation: string }),
  }),
  AdmissionDecided: objectSchema(
    {
      candidateId: string,
      programmeCode: string,
      decision: oneOf('ADMITTED', 'WAITLISTED', 'REJECTED'),
      reason: string,
      waitingListRank: { type: ['integer', 'null'] },
    },
    ['candidateId', 'programmeCode', 'decision', 'reason'],
  ),
  OfferMade: objectSchema({ ...offerRef, origin: oneOf('ADMISSION', 'WAITING_LIST'), expiresAt: isoInstant }),
  OfferExpired: objectSchema({ ...offerRef, expiredAt: isoInstant }),
  OfferDeclined: objectSchema(offerRef),
  CandidateEnrolled: objectSchema({ ...offerRef, enrolledAt: isoInstant }),
  ReferralAcknowledged: objectSchema({ referralId: string, candidateId: string, acknowledgedAt: isoInstant }),
  ProposalsMade: objectSchema({
    candidateId: string,
    proposals: { type: 'array', items: objectSchema({ programmeCode: string }) },
    answerDueAt: isoInstant,
  }),
  ProposalAccepted: objectSchema({ candidateId: string, programmeCode: string }),
  ReferralLapsed: objectSchema({ candidateId: string }),
  StudentContactRecorded: objectSchema({
    studentId: string,
    personal: objectSchema({ email: string }),
    preferredLanguage: oneOf('fr', 'en'),
  }),
  MobilityApproved: objectSchema({ planId: string, studentId: string, authority }),
  MobilityRefused: objectSchema({ planId: string, studentId: string, authority }),
};

/**
 * The contracts this service works with: its own, and those of the events it consumes (from
 * their owners, or the reader's schema above while an owner's is missing).
 */
export function serviceContracts(): EventContract[] {
  const consumed = new Set<string>(Object.values(CONSUMED).flat());
  const owners = [...candidacyContracts, ...reviewContracts, ...juryContracts, ...mobilityContracts].filter((c) =>
    consumed.has(c.type),
  );
  const published = new Set(owners.map((c) => c.type));
  const standIns = (Object.keys(READER_SCHEMAS) as ConsumedType[])
    .filter((type) => !published.has(type))
    .map((type): EventContract => ({ type, version: 1, schema: READER_SCHEMAS[type] }));
  return [...notificationContracts, ...owners, ...standIns];
}
