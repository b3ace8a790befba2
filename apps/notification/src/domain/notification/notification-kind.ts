/** The languages a person may prefer (CandidacySubmitted/IdentityUpdated `preferredLanguage`). */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type JuryDecision = 'ADMITTED' | 'WAITLISTED' | 'REJECTED';
export type MobilityAuthority = 'STUDY_ADVISOR' | 'TRAINING_DIRECTORATE' | 'INTERNATIONAL_OFFICE';
export type InterviewMode = string;

interface InterviewPlace {
  readonly mode: InterviewMode;
  readonly room: string | null;
  readonly link: string | null;
}

/**
 * What each kind of message says, as data: the values a template needs and nothing personal
 * (no name, no address). Instants are ISO strings; templates write them in Europe/Paris.
 */
export interface NotificationParams {
  readonly SUBMISSION_RECEIPT: { readonly programmeCode: string; readonly submittedAt: string };
  readonly INTERVIEW_INVITATION: InterviewPlace & { readonly startsAt: string };
  readonly INTERVIEW_RESCHEDULED: InterviewPlace & { readonly startsAt: string; readonly previousStartsAt: string };
  readonly INTERVIEW_CANCELLED: { readonly reason: string | null };
  readonly ADMISSIBLE: { readonly programmeCode: string };
  readonly NOT_ADMISSIBLE: { readonly programmeCode: string; readonly explanation: string };
  /** JURY-2/JURY-3. */
  readonly JURY_DECISION: {
    readonly programmeCode: string;
    readonly decision: JuryDecision;
    readonly reason: string;
    readonly waitingListRank: number | null;
  };
  /** JURY-4: an offer that holds a seat until expiresAt. */
  readonly OFFER_MADE: { readonly programmeCode: string; readonly expiresAt: string };
  /** JURY-5: a released seat goes to the first on the waiting list, with its own window. */
  readonly WAITING_LIST_PROMOTION: { readonly programmeCode: string; readonly expiresAt: string };
  readonly OFFER_REMINDER: { readonly programmeCode: string; readonly expiresAt: string };
  readonly OFFER_EXPIRED: { readonly programmeCode: string; readonly expiredAt: string };
  readonly ENROLMENT_CONFIRMED: { readonly programmeCode: string; readonly enrolledAt: string };
  /** REC-4. */
  readonly REFERRAL_ACKNOWLEDGED: { readonly referralId: string; readonly acknowledgedAt: string };
  /** REC-5/REC-7. */
  readonly PROPOSALS_RECEIVED: { readonly programmeCodes: readonly string[]; readonly answerDueAt: string };
  readonly REFERRAL_OUTCOME: { readonly outcome: 'ACCEPTED' | 'LAPSED'; readonly programmeCode: string | null };
  readonly MOBILITY_APPROVED: { readonly planId: string; readonly authority: MobilityAuthority };
  readonly MOBILITY_REFUSED: { readonly planId: string; readonly authority: MobilityAuthority };
}

export type NotificationKind = keyof NotificationParams;

export const NOTIFICATION_KINDS = [
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
] as const satisfies readonly NotificationKind[];

/** A kind with its params, correlated: `{ kind: 'ADMISSIBLE', params: { programmeCode } }`. */
export type NotificationContent = {
  [K in NotificationKind]: { readonly kind: K; readonly params: NotificationParams[K] };
}[NotificationKind];

/** A message as a person reads it: the inbox shows it as is, the email wraps it. */
export interface RenderedMessage {
  readonly title: string;
  readonly body: string;
}

/** `notification-<source event id>-<kind>`: one message per (event, kind), whatever the deliveries. */
export function notificationIdOf(sourceEventId: string, kind: NotificationKind): string {
  return `notification-${sourceEventId}-${kind}`;
}

/** Whether a string can be a notification's id (and so its stream's), before any lookup. */
export function isNotificationId(id: string): boolean {
  return (
    id.startsWith('notification-') &&
    id.length <= 300 &&
    NOTIFICATION_KINDS.some((kind) => id.endsWith(`-${kind}`) && id.length > `notification--${kind}`.length)
  );
}
