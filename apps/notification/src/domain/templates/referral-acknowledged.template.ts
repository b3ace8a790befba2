import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, type Template } from './template';

/** REC-4: the candidate receives an acknowledgement by email when the referral is registered. */
export const referralAcknowledged: Template<NotificationParams['REFERRAL_ACKNOWLEDGED']> = {
  fr: ({ referralId, acknowledgedAt }) => ({
    title: 'Accusé de réception de votre saisine du rectorat',
    body: paragraphs(
      `Votre saisine (référence ${referralId}) a été enregistrée le ${formatInstant(acknowledgedAt, 'fr')}.`,
      'Les services du rectorat vous feront trois propositions au plus tard en octobre de la nouvelle année universitaire.',
    ),
  }),
  en: ({ referralId, acknowledgedAt }) => ({
    title: 'Your referral to the rectorate is acknowledged',
    body: paragraphs(
      `Your referral (reference ${referralId}) was registered on ${formatInstant(acknowledgedAt, 'en')}.`,
      'The rectorate will make you three proposals in October of the new academic year at the latest.',
    ),
  }),
};
