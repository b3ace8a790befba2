import type {
  Language,
  NotificationContent,
  NotificationKind,
  NotificationParams,
  RenderedMessage,
} from '../notification/notification-kind';
import { admissible } from './admissible.template';
import { enrolmentConfirmed } from './enrolment-confirmed.template';
import { interviewCancelled } from './interview-cancelled.template';
import { interviewInvitation } from './interview-invitation.template';
import { interviewRescheduled } from './interview-rescheduled.template';
import { juryDecision } from './jury-decision.template';
import { mobilityApproved, mobilityRefused } from './mobility-decision.template';
import { notAdmissible } from './not-admissible.template';
import { offerExpired } from './offer-expired.template';
import { offerMade } from './offer-made.template';
import { offerReminder } from './offer-reminder.template';
import { proposalsReceived } from './proposals-received.template';
import { referralAcknowledged } from './referral-acknowledged.template';
import { referralOutcome } from './referral-outcome.template';
import { submissionReceipt } from './submission-receipt.template';
import type { Template } from './template';
import { waitingListPromotion } from './waiting-list-promotion.template';

export { formatInstant, formatDay } from './template';

/** Every kind has its template in both languages: a kind without one does not compile. */
const TEMPLATES: { readonly [K in NotificationKind]: Template<NotificationParams[K]> } = {
  SUBMISSION_RECEIPT: submissionReceipt,
  INTERVIEW_INVITATION: interviewInvitation,
  INTERVIEW_RESCHEDULED: interviewRescheduled,
  INTERVIEW_CANCELLED: interviewCancelled,
  ADMISSIBLE: admissible,
  NOT_ADMISSIBLE: notAdmissible,
  JURY_DECISION: juryDecision,
  OFFER_MADE: offerMade,
  WAITING_LIST_PROMOTION: waitingListPromotion,
  OFFER_REMINDER: offerReminder,
  OFFER_EXPIRED: offerExpired,
  ENROLMENT_CONFIRMED: enrolmentConfirmed,
  REFERRAL_ACKNOWLEDGED: referralAcknowledged,
  PROPOSALS_RECEIVED: proposalsReceived,
  REFERRAL_OUTCOME: referralOutcome,
  MOBILITY_APPROVED: mobilityApproved,
  MOBILITY_REFUSED: mobilityRefused,
};

export function render(content: NotificationContent, language: Language): RenderedMessage {
  // The mapped type correlates kind and params; TypeScript cannot follow it through a union.
  const template = TEMPLATES[content.kind] as Template<typeof content.params>;
  return template[language](content.params);
}

const GREETINGS: Record<Language, (firstName: string | undefined) => string> = {
  fr: (firstName) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,'),
  en: (firstName) => (firstName ? `Dear ${firstName},` : 'Hello,'),
};

const SIGNATURES: Record<Language, string> = {
  fr: 'Ce message est aussi disponible dans votre espace candidat.\n\nLe service des admissions',
  en: 'This message is also in your candidate space.\n\nThe Admissions Office',
};

/** The email's text: the inbox message with a greeting and a signature. */
export function emailText(message: RenderedMessage, language: Language, firstName?: string): string {
  return `${GREETINGS[language](firstName)}\n\n${message.body}\n\n${SIGNATURES[language]}\n`;
}
