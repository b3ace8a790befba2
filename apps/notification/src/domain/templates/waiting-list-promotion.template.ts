import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, programmeLabel, type Template } from './template';

/** JURY-5: a released seat goes to the first on the waiting list, with its own 10-day window. */
export const waitingListPromotion: Template<NotificationParams['WAITING_LIST_PROMOTION']> = {
  fr: ({ programmeCode, expiresAt }) => ({
    title: `Une place s’est libérée : ${programmeCode}`,
    body: paragraphs(
      `Une place s’est libérée dans ${programmeLabel(programmeCode, 'fr')} et elle vous est proposée, en tant que premier(ère) sur la liste d’attente.`,
      `Vous pouvez confirmer votre inscription depuis votre espace candidat jusqu’au ${formatInstant(expiresAt, 'fr')} (heure de Paris).`,
    ),
  }),
  en: ({ programmeCode, expiresAt }) => ({
    title: `A seat has been released: ${programmeCode}`,
    body: paragraphs(
      `A seat has been released in ${programmeLabel(programmeCode, 'en')} and is offered to you, as first on the waiting list.`,
      `You can confirm your enrolment from your candidate space until ${formatInstant(expiresAt, 'en')} (Paris time).`,
    ),
  }),
};
