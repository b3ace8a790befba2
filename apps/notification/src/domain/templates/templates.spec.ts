import {
  LANGUAGES,
  NOTIFICATION_KINDS,
  type NotificationContent,
  type NotificationKind,
} from '../notification/notification-kind';
import { emailText, formatInstant, render } from '.';

const EXPIRY = '2026-03-25T22:59:59.999Z';
const SAMPLES: { readonly [K in NotificationKind]: Extract<NotificationContent, { kind: K }> } = {
  SUBMISSION_RECEIPT: {
    kind: 'SUBMISSION_RECEIPT',
    params: { programmeCode: 'MS-DATA', submittedAt: '2026-03-15T09:30:00Z' },
  },
  INTERVIEW_INVITATION: {
    kind: 'INTERVIEW_INVITATION',
    params: { startsAt: '2026-04-02T08:00:00Z', mode: 'ONSITE', room: 'B-204', link: null },
  },
  INTERVIEW_RESCHEDULED: {
    kind: 'INTERVIEW_RESCHEDULED',
    params: {
      startsAt: '2026-04-03T08:00:00Z',
      previousStartsAt: '2026-04-02T08:00:00Z',
      mode: 'VIDEO',
      room: null,
      link: 'https://v/x',
    },
  },
  INTERVIEW_CANCELLED: { kind: 'INTERVIEW_CANCELLED', params: { reason: null } },
  ADMISSIBLE: { kind: 'ADMISSIBLE', params: { programmeCode: 'MS-DATA' } },
  NOT_ADMISSIBLE: {
    kind: 'NOT_ADMISSIBLE',
    params: { programmeCode: 'MS-DATA', explanation: 'Inconclusive interview.' },
  },
  JURY_DECISION: {
    kind: 'JURY_DECISION',
    params: { programmeCode: 'MS-DATA', decision: 'REJECTED', reason: 'Places filled.', waitingListRank: null },
  },
  OFFER_MADE: { kind: 'OFFER_MADE', params: { programmeCode: 'MS-DATA', expiresAt: EXPIRY } },
  WAITING_LIST_PROMOTION: { kind: 'WAITING_LIST_PROMOTION', params: { programmeCode: 'MS-DATA', expiresAt: EXPIRY } },
  OFFER_REMINDER: { kind: 'OFFER_REMINDER', params: { programmeCode: 'MS-DATA', expiresAt: EXPIRY } },
  OFFER_EXPIRED: { kind: 'OFFER_EXPIRED', params: { programmeCode: 'MS-DATA', expiredAt: EXPIRY } },
  ENROLMENT_CONFIRMED: {
    kind: 'ENROLMENT_CONFIRMED',
    params: { programmeCode: 'MS-DATA', enrolledAt: '2026-03-20T10:00:00Z' },
  },
  REFERRAL_ACKNOWLEDGED: {
    kind: 'REFERRAL_ACKNOWLEDGED',
    params: { referralId: 'ref-1', acknowledgedAt: '2026-07-01T10:00:00Z' },
  },
  PROPOSALS_RECEIVED: {
    kind: 'PROPOSALS_RECEIVED',
    params: { programmeCodes: ['M1-A', 'M1-B', 'M1-C'], answerDueAt: '2026-10-16T21:59:59.999Z' },
  },
  REFERRAL_OUTCOME: { kind: 'REFERRAL_OUTCOME', params: { outcome: 'LAPSED', programmeCode: null } },
  MOBILITY_APPROVED: { kind: 'MOBILITY_APPROVED', params: { planId: 'plan-1', authority: 'TRAINING_DIRECTORATE' } },
  MOBILITY_REFUSED: { kind: 'MOBILITY_REFUSED', params: { planId: 'plan-1', authority: 'STUDY_ADVISOR' } },
};

describe('templates', () => {
  it.each(NOTIFICATION_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const)))(
    '%s has a %s version with a title and a body',
    (kind, language) => {
      const { title, body } = render(SAMPLES[kind], language);
      expect(title.trim()).not.toBe('');
      expect(body.trim()).not.toBe('');
      expect(`${title}${body}`).not.toMatch(/undefined|null|NaN|Invalid Date|\[object/);
    },
  );

  it('the French and English versions differ', () => {
    for (const kind of NOTIFICATION_KINDS) expect(render(SAMPLES[kind], 'fr')).not.toEqual(render(SAMPLES[kind], 'en'));
  });

  it('writes dates as a person in Paris reads them, summer and winter time alike (Time)', () => {
    expect(formatInstant(EXPIRY, 'fr')).toBe('25 mars 2026 à 23:59');
    expect(formatInstant(EXPIRY, 'en')).toBe('25 March 2026 at 23:59');
    expect(formatInstant('2026-04-02T08:00:00Z', 'fr')).toBe('2 avril 2026 à 10:00');
  });

  it('JURY-4: the offer tells the last moment to enrol', () => {
    expect(render(SAMPLES.OFFER_MADE, 'fr').body).toContain('jusqu’au 25 mars 2026 à 23:59 (heure de Paris)');
    expect(render(SAMPLES.OFFER_MADE, 'en').body).toContain('until 25 March 2026 at 23:59 (Paris time)');
  });

  it('the email greets the person by first name and signs in their language', () => {
    const message = render(SAMPLES.ADMISSIBLE, 'fr');
    expect(emailText(message, 'fr', 'Camille')).toMatch(/^Bonjour Camille,\n\n.*Le service des admissions\n$/s);
    expect(emailText(render(SAMPLES.ADMISSIBLE, 'en'), 'en')).toMatch(/^Hello,\n\n.*The Admissions Office\n$/s);
  });
});
