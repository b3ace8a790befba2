import type { NotificationParams } from '../notification/notification-kind';
import { paragraphs, type Template } from './template';

export const interviewCancelled: Template<NotificationParams['INTERVIEW_CANCELLED']> = {
  fr: ({ reason }) => ({
    title: 'Entretien annulé',
    body: paragraphs(
      'Votre entretien avec le responsable pédagogique est annulé.',
      reason && `Motif : ${reason}`,
      'Vous serez informé(e) de la suite de votre candidature.',
    ),
  }),
  en: ({ reason }) => ({
    title: 'Interview cancelled',
    body: paragraphs(
      'Your interview with the pedagogical lead has been cancelled.',
      reason && `Reason: ${reason}`,
      'You will be told how your application proceeds.',
    ),
  }),
};
