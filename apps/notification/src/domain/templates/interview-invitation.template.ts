import type { Language, NotificationParams } from '../notification/notification-kind';
import { formatInstant, paragraphs, type Template } from './template';

type Place = Pick<NotificationParams['INTERVIEW_INVITATION'], 'mode' | 'room' | 'link'>;

/** Where the interview takes place: a room on site, or a video link. */
export function interviewPlace({ mode, room, link }: Place, language: Language): string {
  if (link && mode !== 'ONSITE') return language === 'fr' ? `En visioconférence : ${link}` : `By video: ${link}`;
  if (room) return language === 'fr' ? `Sur place, salle ${room}.` : `On site, room ${room}.`;
  return language === 'fr' ? 'Le lieu vous sera précisé.' : 'The place will be confirmed to you.';
}

/** REV-2: the pedagogical lead invites the candidate to an interview. */
export const interviewInvitation: Template<NotificationParams['INTERVIEW_INVITATION']> = {
  fr: (params) => ({
    title: 'Invitation à un entretien',
    body: paragraphs(
      `Le responsable pédagogique souhaite vous rencontrer en entretien le ${formatInstant(params.startsAt, 'fr')}.`,
      interviewPlace(params, 'fr'),
    ),
  }),
  en: (params) => ({
    title: 'Invitation to an interview',
    body: paragraphs(
      `The pedagogical lead would like to meet you for an interview on ${formatInstant(params.startsAt, 'en')}.`,
      interviewPlace(params, 'en'),
    ),
  }),
};
