import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, programmeLabel, type Template } from './template';

/** JURY-4: two days before the offer expires. */
export const offerReminder: Template<NotificationParams['OFFER_REMINDER']> = {
  fr: ({ programmeCode, expiresAt }) => ({
    title: `Rappel : votre offre expire bientôt (${programmeCode})`,
    body: paragraphs(
      `Votre offre d’inscription dans ${programmeLabel(programmeCode, 'fr')} expire le ${formatInstant(expiresAt, 'fr')} (heure de Paris).`,
      'Confirmez votre inscription depuis votre espace candidat avant cette date pour garder votre place.',
    ),
  }),
  en: ({ programmeCode, expiresAt }) => ({
    title: `Reminder: your offer expires soon (${programmeCode})`,
    body: paragraphs(
      `Your enrolment offer for ${programmeLabel(programmeCode, 'en')} expires on ${formatInstant(expiresAt, 'en')} (Paris time).`,
      'Confirm your enrolment from your candidate space before then to keep your seat.',
    ),
  }),
};
