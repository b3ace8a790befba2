import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, programmeLabel, type Template } from './template';

/** CAND-2: the complete file was transmitted. */
export const submissionReceipt: Template<NotificationParams['SUBMISSION_RECEIPT']> = {
  fr: ({ programmeCode, submittedAt }) => ({
    title: `Candidature reçue : ${programmeCode}`,
    body: paragraphs(
      `Votre candidature pour ${programmeLabel(programmeCode, 'fr')} a bien été reçue le ${formatInstant(submittedAt, 'fr')}.`,
      'Elle est transmise au responsable pédagogique du programme, qui l’examinera dans l’ordre d’arrivée des dossiers.',
    ),
  }),
  en: ({ programmeCode, submittedAt }) => ({
    title: `Application received: ${programmeCode}`,
    body: paragraphs(
      `Your application for ${programmeLabel(programmeCode, 'en')} was received on ${formatInstant(submittedAt, 'en')}.`,
      'It has been passed on to the programme’s pedagogical lead, who reviews files in the order they arrive.',
    ),
  }),
};
