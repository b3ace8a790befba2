import type { EventContract, JsonSchema } from './contract';
import { personErasedContract } from './persons.contracts';
import { isoInstant, objectSchema, oneOf, string, personalData } from './contract';

// The shapes mirror apps/notification/src/domain/**/*.events.ts field for field. Personal data
// (the address and first name a message is sent to) sits under `personal` only.

const nonNegative: JsonSchema = { type: 'integer', minimum: 0 };
const language = oneOf('fr', 'en');
const kind = oneOf(
  'SUBMISSION_RECEIPT',
  'INTERVIEW_INVITATION',
  'INTERVIEW_RESCHEDULED',
  'INTERVIEW_CANCELLED',
  'ADMISSIBLE',
  'NOT_ADMISSIBLE',
  'JURY_DECISION',
  'OFFER_MADE',
  'WAITING_LIST_PROMOTION',
  'OFFER_REMINDER',
  'OFFER_EXPIRED',
  'ENROLMENT_CONFIRMED',
  'REFERRAL_ACKNOWLEDGED',
  'PROPOSALS_RECEIVED',
  'REFERRAL_OUTCOME',
  'MOBILITY_APPROVED',
  'MOBILITY_REFUSED',
);
const notification: Record<string, JsonSchema> = { notificationId: string, recipientId: string };
const offerRef: Record<string, JsonSchema> = {
  offerId: string,
  recipientId: string,
  programmeCode: string,
  expiresAt: isoInstant,
  offerEventId: string,
};

/** The events the notification service publishes, as other services and campus systems read them. */
export const notificationContracts: readonly EventContract[] = [
  {
    type: 'NotificationRequested',
    version: 1,
    description:
      'A message is owed to a person (JURY-3, REC-4, ...): its kind, language and text as the person reads it; id = notification-<source event id>-<kind>.',
    schema: objectSchema({
      ...notification,
      kind,
      language,
      title: string,
      body: string,
      sourceEventId: string,
      sourceType: string,
      requestedAt: isoInstant,
    }),
  },
  {
    type: 'NotificationSent',
    version: 1,
    description:
      "The SMTP server accepted the message (round 0 = first sending, +1 per retry: staff's, or the service's once a missing contact arrives).",
    schema: objectSchema({
      ...notification,
      kind,
      round: nonNegative,
      attempts: nonNegative,
      messageId: string,
      sentAt: isoInstant,
    }),
  },
  {
    type: 'NotificationFailed',
    version: 1,
    description:
      'Every attempt of the round failed, or no address is known yet (sent again once the contact is recorded); staff see it and may retry.',
    schema: objectSchema({
      ...notification,
      kind,
      round: nonNegative,
      attempts: nonNegative,
      error: string,
      failedAt: isoInstant,
    }),
  },
  {
    type: 'NotificationRetried',
    version: 1,
    schema: objectSchema({ ...notification, kind, round: nonNegative, retriedBy: string, retriedAt: isoInstant }),
  },
  {
    type: 'NotificationRead',
    version: 1,
    description: "The recipient opened the message in their candidate space's inbox.",
    schema: objectSchema({ ...notification, readAt: isoInstant }),
  },
  {
    type: 'RecipientContactRecorded',
    version: 1,
    description: 'Where and in which language a person receives messages: only what sending needs.',
    schema: objectSchema({
      recipientId: string,
      personal: personalData(objectSchema({ email: string, firstName: string }, ['email'])),
      language,
      recordedAt: isoInstant,
    }),
  },
  {
    type: 'NotificationAwaitingContact',
    version: 1,
    description:
      "A message found no address for the person: their contact, once recorded, sends it (the failure meanwhile is staff's to see).",
    schema: objectSchema({ ...notification, awaitedAt: isoInstant }),
  },
  {
    type: 'CandidacyLinkedToRecipient',
    version: 1,
    schema: objectSchema({ candidacyId: string, recipientId: string, linkedAt: isoInstant }),
  },
  {
    type: 'OfferReminderScheduled',
    version: 1,
    description: 'JURY-4: a reminder two days before the offer expires.',
    schema: objectSchema({ ...offerRef, remindAt: isoInstant, scheduledAt: isoInstant }),
  },
  {
    type: 'OfferReminderDue',
    version: 1,
    schema: objectSchema({ offerId: string, dueAt: isoInstant }),
  },
  {
    type: 'OfferReminderCancelled',
    version: 1,
    schema: objectSchema({
      offerId: string,
      reason: oneOf('ENROLLED', 'DECLINED', 'EXPIRED'),
      cancelledAt: isoInstant,
    }),
  },
  // Recorded when the erasure host's PersonErased arrives (docs/security.md, Erasure).
  personErasedContract,
];
