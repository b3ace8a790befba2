import type { NotificationParams } from '../notification/notification-kind';
import { paragraphs, programmeLabel, type Template } from './template';

/** REV-4: an unfavourable opinion or an inconclusive interview ends the candidacy, with the reason. */
export const notAdmissible: Template<NotificationParams['NOT_ADMISSIBLE']> = {
  fr: ({ programmeCode, explanation }) => ({
    title: `Candidature non retenue : ${programmeCode}`,
    body: paragraphs(
      `Nous sommes au regret de vous informer que votre candidature pour ${programmeLabel(programmeCode, 'fr')} n’a pas été déclarée admissible.`,
      `Motif : ${explanation}`,
    ),
  }),
  en: ({ programmeCode, explanation }) => ({
    title: `Application not admissible: ${programmeCode}`,
    body: paragraphs(
      `We regret to tell you that your application for ${programmeLabel(programmeCode, 'en')} was not declared admissible.`,
      `Reason: ${explanation}`,
    ),
  }),
};
