import type { NotificationParams } from '../notification/notification-kind';
import { interviewPlace } from './interview-invitation.template';
import { formatInstant, paragraphs, type Template } from './template';

export const interviewRescheduled: Template<NotificationParams['INTERVIEW_RESCHEDULED']> = {
  fr: (params) => ({
    title: 'Votre entretien change de date',
    body: paragraphs(
      `Votre entretien prévu le ${formatInstant(params.previousStartsAt, 'fr')} aura lieu le ${formatInstant(params.startsAt, 'fr')}.`,
      interviewPlace(params, 'fr'),
    ),
  }),
  en: (params) => ({
    title: 'Your interview has moved',
    body: paragraphs(
      `Your interview planned for ${formatInstant(params.previousStartsAt, 'en')} will take place on ${formatInstant(params.startsAt, 'en')}.`,
      interviewPlace(params, 'en'),
    ),
  }),
};
