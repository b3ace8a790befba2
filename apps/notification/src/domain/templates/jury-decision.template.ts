import { assertNever } from '@admissions/domain-kernel';
import type { Language, NotificationParams } from '../notification/notification-kind';
import { paragraphs, programmeLabel, type Template } from './template';

type Params = NotificationParams['JURY_DECISION'];

function outcome({ decision, programmeCode, waitingListRank }: Params, language: Language): string {
  const programme = programmeLabel(programmeCode, language);
  switch (decision) {
    case 'ADMITTED':
      return language === 'fr'
        ? `Le jury d’admission a décidé de vous admettre dans ${programme}. Une offre d’inscription vous est adressée séparément.`
        : `The admission jury has decided to admit you to ${programme}. An enrolment offer follows in a separate message.`;
    case 'WAITLISTED': {
      const rank =
        waitingListRank === null ? '' : language === 'fr' ? ` (rang ${waitingListRank})` : ` (rank ${waitingListRank})`;
      return language === 'fr'
        ? `Le jury d’admission vous a placé(e) sur liste d’attente pour ${programme}${rank}. Si une place se libère, vous recevrez une offre.`
        : `The admission jury has put you on the waiting list for ${programme}${rank}. If a seat is released, you will receive an offer.`;
    }
    case 'REJECTED':
      return language === 'fr'
        ? `Nous sommes au regret de vous informer que le jury d’admission n’a pas retenu votre candidature pour ${programme}.`
        : `We regret to tell you that the admission jury did not accept your application for ${programme}.`;
    default:
      return assertNever(decision);
  }
}

const titles: Record<Language, Record<Params['decision'], string>> = {
  fr: {
    ADMITTED: 'Décision du jury : admis(e)',
    WAITLISTED: 'Décision du jury : liste d’attente',
    REJECTED: 'Décision du jury : non retenu(e)',
  },
  en: {
    ADMITTED: 'Jury decision: admitted',
    WAITLISTED: 'Jury decision: waiting list',
    REJECTED: 'Jury decision: not admitted',
  },
};

/** JURY-2/JURY-3: the decision with its reason, by email and in the candidate's space. */
export const juryDecision: Template<Params> = {
  fr: (params) => ({
    title: `${titles.fr[params.decision]} (${params.programmeCode})`,
    body: paragraphs(outcome(params, 'fr'), `Motif : ${params.reason}`),
  }),
  en: (params) => ({
    title: `${titles.en[params.decision]} (${params.programmeCode})`,
    body: paragraphs(outcome(params, 'en'), `Reason: ${params.reason}`),
  }),
};
