import type { Language, MobilityAuthority, NotificationParams } from '../notification/notification-kind';
import { paragraphs, type Template } from './template';

const AUTHORITIES: Record<Language, Record<MobilityAuthority, string>> = {
  fr: {
    STUDY_ADVISOR: 'votre conseiller d’études',
    TRAINING_DIRECTORATE: 'la direction de la formation (DFI)',
    INTERNATIONAL_OFFICE: 'la direction des relations internationales (DRI)',
  },
  en: {
    STUDY_ADVISOR: 'your study advisor',
    TRAINING_DIRECTORATE: 'the training directorate (DFI)',
    INTERNATIONAL_OFFICE: 'the international relations directorate (DRI)',
  },
};

export const mobilityApproved: Template<NotificationParams['MOBILITY_APPROVED']> = {
  fr: ({ planId, authority }) => ({
    title: 'Projet de mobilité approuvé',
    body: paragraphs(`Votre projet de mobilité (${planId}) a été approuvé par ${AUTHORITIES.fr[authority]}.`),
  }),
  en: ({ planId, authority }) => ({
    title: 'Mobility plan approved',
    body: paragraphs(`Your mobility plan (${planId}) was approved by ${AUTHORITIES.en[authority]}.`),
  }),
};

/** The reason stays in the mobility service (it is personal data there); the student reads it in their plan. */
export const mobilityRefused: Template<NotificationParams['MOBILITY_REFUSED']> = {
  fr: ({ planId, authority }) => ({
    title: 'Projet de mobilité refusé',
    body: paragraphs(
      `Votre projet de mobilité (${planId}) a été refusé par ${AUTHORITIES.fr[authority]}.`,
      'Le motif figure dans votre projet de mobilité ; vous pouvez le modifier et le soumettre à nouveau.',
    ),
  }),
  en: ({ planId, authority }) => ({
    title: 'Mobility plan refused',
    body: paragraphs(
      `Your mobility plan (${planId}) was refused by ${AUTHORITIES.en[authority]}.`,
      'The reason is shown in your mobility plan; you may change it and submit it again.',
    ),
  }),
};
