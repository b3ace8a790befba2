import type { NotificationParams } from '../notification/notification-kind';
import { paragraphs, programmeLabel, type Template } from './template';

/** REC-7: one proposal accepted (the others declined), or none answered in time. */
export const referralOutcome: Template<NotificationParams['REFERRAL_OUTCOME']> = {
  fr: ({ outcome, programmeCode }) =>
    outcome === 'ACCEPTED'
      ? {
          title: 'Votre réponse au rectorat est enregistrée',
          body: paragraphs(
            `Vous avez accepté la proposition ${programmeCode ? `pour ${programmeLabel(programmeCode, 'fr')}` : 'du rectorat'}. Les autres propositions sont déclinées.`,
          ),
        }
      : {
          title: 'Vos propositions du rectorat sont caduques',
          body: paragraphs(
            'Faute de réponse dans les 15 jours, les propositions du rectorat sont caduques et les places ont été libérées.',
          ),
        },
  en: ({ outcome, programmeCode }) =>
    outcome === 'ACCEPTED'
      ? {
          title: 'Your answer to the rectorate is recorded',
          body: paragraphs(
            `You accepted the proposal ${programmeCode ? `for ${programmeLabel(programmeCode, 'en')}` : 'of the rectorate'}. The other proposals are declined.`,
          ),
        }
      : {
          title: 'Your proposals from the rectorate have lapsed',
          body: paragraphs(
            'Without an answer within 15 days, the rectorate’s proposals have lapsed and their seats were released.',
          ),
        },
};
