import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, programmeLabel, type Template } from './template';

export const enrolmentConfirmed: Template<NotificationParams['ENROLMENT_CONFIRMED']> = {
  fr: ({ programmeCode, enrolledAt }) => ({
    title: `Inscription confirmée : ${programmeCode}`,
    body: paragraphs(
      `Votre inscription dans ${programmeLabel(programmeCode, 'fr')} est confirmée (${formatInstant(enrolledAt, 'fr')}).`,
      'Bienvenue ! Les informations de rentrée vous seront communiquées prochainement.',
    ),
  }),
  en: ({ programmeCode, enrolledAt }) => ({
    title: `Enrolment confirmed: ${programmeCode}`,
    body: paragraphs(
      `Your enrolment in ${programmeLabel(programmeCode, 'en')} is confirmed (${formatInstant(enrolledAt, 'en')}).`,
      'Welcome! Details of the intake will follow shortly.',
    ),
  }),
};
