import type { NotificationParams } from '../notification/notification-kind';
import { formatInstant, listOf, paragraphs, type Template } from './template';

/** REC-5/REC-7: three proposals, to answer within 15 days. */
export const proposalsReceived: Template<NotificationParams['PROPOSALS_RECEIVED']> = {
  fr: ({ programmeCodes, answerDueAt }) => ({
    title: 'Le rectorat vous fait des propositions',
    body: paragraphs(
      `Le rectorat vous propose les formations suivantes : ${listOf(programmeCodes, 'fr')}.`,
      `Vous avez jusqu’au ${formatInstant(answerDueAt, 'fr')} (heure de Paris) pour en accepter une ; sans réponse, les propositions seront caduques.`,
    ),
  }),
  en: ({ programmeCodes, answerDueAt }) => ({
    title: 'The rectorate has made you proposals',
    body: paragraphs(
      `The rectorate proposes the following programmes: ${listOf(programmeCodes, 'en')}.`,
      `You have until ${formatInstant(answerDueAt, 'en')} (Paris time) to accept one; without an answer, the proposals lapse.`,
    ),
  }),
};
