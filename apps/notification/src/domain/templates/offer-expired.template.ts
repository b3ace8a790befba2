import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, programmeLabel, type Template } from './template';

export const offerExpired: Template<NotificationParams['OFFER_EXPIRED']> = {
  fr: ({ programmeCode, expiredAt }) => ({
    title: `Offre expirée : ${programmeCode}`,
    body: paragraphs(
      `Votre offre d’inscription dans ${programmeLabel(programmeCode, 'fr')} a expiré le ${formatInstant(expiredAt, 'fr')} sans confirmation ; la place a été libérée.`,
    ),
  }),
  en: ({ programmeCode, expiredAt }) => ({
    title: `Offer expired: ${programmeCode}`,
    body: paragraphs(
      `Your enrolment offer for ${programmeLabel(programmeCode, 'en')} expired on ${formatInstant(expiredAt, 'en')} without confirmation; the seat has been released.`,
    ),
  }),
};
