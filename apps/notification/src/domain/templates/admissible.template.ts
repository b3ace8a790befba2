import type { NotificationParams } from '../notification/notification-kind';
import { paragraphs, programmeLabel, type Template } from './template';

/** REV-4: the file goes to the jury. */
export const admissible: Template<NotificationParams['ADMISSIBLE']> = {
  fr: ({ programmeCode }) => ({
    title: `Vous êtes admissible : ${programmeCode}`,
    body: paragraphs(
      `Bonne nouvelle : vous êtes déclaré(e) admissible pour ${programmeLabel(programmeCode, 'fr')}.`,
      'Votre dossier est transmis au jury d’admission, qui se réunit chaque mois de janvier à juillet.',
    ),
  }),
  en: ({ programmeCode }) => ({
    title: `You are admissible: ${programmeCode}`,
    body: paragraphs(
      `Good news: you have been declared admissible for ${programmeLabel(programmeCode, 'en')}.`,
      'Your file goes to the admission jury, which meets every month from January to July.',
    ),
  }),
};
