import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, programmeLabel, type Template } from './template';

/** JURY-4: the offer holds a seat until its deadline; enrolling within it always succeeds. */
export const offerMade: Template<NotificationParams['OFFER_MADE']> = {
  fr: ({ programmeCode, expiresAt }) => ({
    title: `Offre d’inscription : ${programmeCode}`,
    body: paragraphs(
      `Une place vous est réservée dans ${programmeLabel(programmeCode, 'fr')}.`,
      `Vous pouvez confirmer votre inscription depuis votre espace candidat jusqu’au ${formatInstant(expiresAt, 'fr')} (heure de Paris). Passé ce délai, l’offre expire et la place est libérée.`,
    ),
  }),
  en: ({ programmeCode, expiresAt }) => ({
    title: `Enrolment offer: ${programmeCode}`,
    body: paragraphs(
      `A seat is held for you in ${programmeLabel(programmeCode, 'en')}.`,
      `You can confirm your enrolment from your candidate space until ${formatInstant(expiresAt, 'en')} (Paris time). After that, the offer expires and the seat is released.`,
    ),
  }),
};
