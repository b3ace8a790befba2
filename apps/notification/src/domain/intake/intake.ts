import { assertNever } from '@admissions/domain-kernel';
import { isLanguage, type Language, type NotificationContent } from '../notification/notification-kind';
import type { OfferClosedReason } from '../offer-reminder/offer-reminder';
import type { ConsumedEvent } from './source-events';

/** Who a message is for: a person directly, or the candidate of a candidacy. */
export type RecipientRef = { readonly personId: string } | { readonly candidacyId: string };

export interface ContactUpdate {
  readonly recipient: RecipientRef;
  readonly email: string;
  readonly firstName?: string;
  readonly language?: Language;
}

export interface OwedMessage {
  readonly recipient: RecipientRef;
  readonly content: NotificationContent;
}

export type OfferFollowUp =
  | {
      readonly action: 'remind';
      readonly offerId: string;
      readonly personId: string;
      readonly programmeCode: string;
      readonly expiresAt: string;
    }
  | { readonly action: 'close'; readonly offerId: string; readonly reason: OfferClosedReason };

/** What one incoming event means here, in the order it is to be applied. */
export interface Intake {
  readonly links: readonly { readonly candidacyId: string; readonly personId: string }[];
  readonly contacts: readonly ContactUpdate[];
  readonly messages: readonly OwedMessage[];
  readonly offer?: OfferFollowUp;
}

const nothing: Intake = { links: [], contacts: [], messages: [] };
const message = (personId: string, content: NotificationContent): Intake => ({
  ...nothing,
  messages: [{ recipient: { personId }, content }],
});
const language = (value: string): Language | undefined => (isLanguage(value) ? value : undefined);

/**
 * The process manager's pure part: an event of another service becomes the contact details to
 * remember, the messages owed and the offer reminder to schedule or drop. Applying it twice
 * changes nothing (the application runs each step with the event as causation).
 */
export function intakeOf(event: ConsumedEvent): Intake {
  switch (event.type) {
    case 'CandidacyOpened':
      return { ...nothing, links: [{ candidacyId: event.data.candidacyId, personId: event.data.candidateId }] };
    case 'IdentityUpdated': {
      const { candidacyId, personal, preferredLanguage } = event.data;
      return {
        ...nothing,
        contacts: [
          {
            recipient: { candidacyId },
            email: personal.email,
            firstName: personal.firstName,
            language: language(preferredLanguage),
          },
        ],
      };
    }
    case 'CandidacySubmitted': {
      const { candidacyId, candidateId, programmeCode, personal, preferredLanguage, submittedAt } = event.data;
      return {
        links: [{ candidacyId, personId: candidateId }],
        contacts: [
          {
            recipient: { personId: candidateId },
            email: personal.email,
            firstName: personal.firstName,
            language: language(preferredLanguage),
          },
        ],
        messages: [
          {
            recipient: { personId: candidateId },
            content: { kind: 'SUBMISSION_RECEIPT', params: { programmeCode, submittedAt } },
          },
        ],
      };
    }
    case 'ReviewOpened': {
      const { candidacyId, candidateId, personal } = event.data;
      return {
        ...nothing,
        links: [{ candidacyId, personId: candidateId }],
        contacts: [{ recipient: { personId: candidateId }, email: personal.email }],
      };
    }
    case 'InterviewScheduled': {
      const { candidacyId, startsAt, mode, room, link } = event.data;
      return {
        ...nothing,
        messages: [
          {
            recipient: { candidacyId },
            content: {
              kind: 'INTERVIEW_INVITATION',
              params: { startsAt, mode, room: room ?? null, link: link ?? null },
            },
          },
        ],
      };
    }
    case 'InterviewRescheduled': {
      const { candidacyId, startsAt, previousStartsAt, mode, room, link } = event.data;
      return {
        ...nothing,
        messages: [
          {
            recipient: { candidacyId },
            content: {
              kind: 'INTERVIEW_RESCHEDULED',
              params: { startsAt, previousStartsAt, mode, room: room ?? null, link: link ?? null },
            },
          },
        ],
      };
    }
    case 'InterviewCancelled':
      return {
        ...nothing,
        messages: [
          {
            recipient: { candidacyId: event.data.candidacyId },
            content: { kind: 'INTERVIEW_CANCELLED', params: { reason: event.data.reason ?? null } },
          },
        ],
      };
    case 'CandidateDeclaredAdmissible':
      return message(event.data.candidateId, {
        kind: 'ADMISSIBLE',
        params: { programmeCode: event.data.programmeCode },
      });
    case 'CandidateDeclaredNotAdmissible': {
      const { candidateId, programmeCode, reason } = event.data;
      return message(candidateId, {
        kind: 'NOT_ADMISSIBLE',
        params: { programmeCode, explanation: reason.explanation },
      });
    }
    case 'AdmissionDecided': {
      const { candidateId, programmeCode, decision, reason, waitingListRank } = event.data;
      return message(candidateId, {
        kind: 'JURY_DECISION',
        params: { programmeCode, decision, reason, waitingListRank: waitingListRank ?? null },
      });
    }
    case 'OfferMade': {
      const { offerId, candidateId, programmeCode, origin, expiresAt } = event.data;
      const kind = origin === 'WAITING_LIST' ? 'WAITING_LIST_PROMOTION' : 'OFFER_MADE';
      return {
        ...message(candidateId, { kind, params: { programmeCode, expiresAt } }),
        offer: { action: 'remind', offerId, personId: candidateId, programmeCode, expiresAt },
      };
    }
    case 'OfferExpired': {
      const { offerId, candidateId, programmeCode, expiredAt } = event.data;
      return {
        ...message(candidateId, { kind: 'OFFER_EXPIRED', params: { programmeCode, expiredAt } }),
        offer: { action: 'close', offerId, reason: 'EXPIRED' },
      };
    }
    case 'OfferDeclined':
      return { ...nothing, offer: { action: 'close', offerId: event.data.offerId, reason: 'DECLINED' } };
    case 'CandidateEnrolled': {
      const { offerId, candidateId, programmeCode, enrolledAt } = event.data;
      return {
        ...message(candidateId, { kind: 'ENROLMENT_CONFIRMED', params: { programmeCode, enrolledAt } }),
        offer: { action: 'close', offerId, reason: 'ENROLLED' },
      };
    }
    case 'ReferralAcknowledged': {
      const { referralId, candidateId, acknowledgedAt } = event.data;
      return message(candidateId, { kind: 'REFERRAL_ACKNOWLEDGED', params: { referralId, acknowledgedAt } });
    }
    case 'ProposalsMade': {
      const { candidateId, proposals, answerDueAt } = event.data;
      return message(candidateId, {
        kind: 'PROPOSALS_RECEIVED',
        params: { programmeCodes: proposals.map((p) => p.programmeCode), answerDueAt },
      });
    }
    case 'ProposalAccepted':
      return message(event.data.candidateId, {
        kind: 'REFERRAL_OUTCOME',
        params: { outcome: 'ACCEPTED', programmeCode: event.data.programmeCode },
      });
    case 'ReferralLapsed':
      return message(event.data.candidateId, {
        kind: 'REFERRAL_OUTCOME',
        params: { outcome: 'LAPSED', programmeCode: null },
      });
    case 'StudentContactRecorded': {
      const { studentId, personal, preferredLanguage } = event.data;
      return {
        ...nothing,
        contacts: [
          { recipient: { personId: studentId }, email: personal.email, language: language(preferredLanguage) },
        ],
      };
    }
    case 'MobilityApproved': {
      const { planId, studentId, authority } = event.data;
      return message(studentId, { kind: 'MOBILITY_APPROVED', params: { planId, authority } });
    }
    case 'MobilityRefused': {
      const { planId, studentId, authority } = event.data;
      return message(studentId, { kind: 'MOBILITY_REFUSED', params: { planId, authority } });
    }
    default:
      return assertNever(event);
  }
}
