import type { StoredEvent } from '@admissions/event-store';
import type { Projection, ReadModel } from '@admissions/projections';
import { assertNever } from '@admissions/domain-kernel';
import { decisionIdOf } from '../application/decision-mapper';
import type { ApplicationOutcomeKind, ProgrammeAdmissionsEvent } from '../domain';

/** One application of a candidate as the jury knows it: its outcome so far and its offer. */
export interface JuryApplication {
  readonly programmeCode: string;
  readonly candidacyId: string;
  readonly outcome: ApplicationOutcomeKind;
  /** When the current outcome was given. */
  readonly at: string;
  readonly reason: string | null;
  readonly offerId: string | null;
  readonly enrolBy: string | null;
  /** The jury's decision (its ce_id on admissions.decisions.v1, the key of its explanation); null until decided. */
  readonly decisionId: string | null;
}

/**
 * Per candidate: every application that reached the jury, with its outcome (JURY-3: what the
 * candidate sees in their space). The referral reads the outcomes from it (REC-1, REC-2).
 */
export interface CandidateApplications extends ReadModel {
  readonly candidateId: string;
  readonly applications: readonly JuryApplication[];
}

const HANDLED = [
  'CandidateAwaitingSession',
  'CandidateAddedToAgenda',
  'AdmissionDecided',
  'OfferMade',
  'OfferExpired',
  'OfferDeclined',
  'CandidateEnrolled',
] as const;

type ApplicationEvent = Extract<ProgrammeAdmissionsEvent, { type: (typeof HANDLED)[number] }>;

function change(event: ApplicationEvent, current: JuryApplication | undefined, eventId: string): JuryApplication {
  const { programmeCode, candidacyId } = event.data;
  const base: JuryApplication = current ?? {
    programmeCode,
    candidacyId,
    outcome: 'PENDING',
    at: '',
    reason: null,
    offerId: null,
    enrolBy: null,
    decisionId: null,
  };
  switch (event.type) {
    case 'CandidateAwaitingSession':
      return { ...base, at: event.data.queuedAt };
    case 'CandidateAddedToAgenda':
      return { ...base, at: base.at || event.data.addedAt };
    case 'AdmissionDecided':
      return {
        ...base,
        outcome: event.data.decision,
        at: event.data.decidedAt,
        reason: event.data.reason,
        decisionId: decisionIdOf(eventId),
      };
    case 'OfferMade':
      return {
        ...base,
        outcome: 'ADMITTED',
        at: event.data.madeAt,
        offerId: event.data.offerId,
        enrolBy: event.data.expiresAt,
      };
    case 'OfferExpired':
      return { ...base, outcome: 'OFFER_EXPIRED', at: event.data.expiredAt };
    case 'OfferDeclined':
      return { ...base, outcome: 'OFFER_DECLINED', at: event.data.declinedAt };
    case 'CandidateEnrolled':
      return { ...base, outcome: 'ENROLLED', at: event.data.enrolledAt };
    default:
      return assertNever(event);
  }
}

export const candidateApplications: Projection<CandidateApplications> = {
  name: 'rm_candidate_applications',
  handles: HANDLED,
  documentsOf: (event) => [(event.data as { candidateId: string }).candidateId],
  evolve: (document, event: StoredEvent, id) => {
    const typed = { type: event.type, data: event.data } as ApplicationEvent;
    const applications = document?.applications ?? [];
    const current = applications.find((a) => a.candidacyId === typed.data.candidacyId);
    const next = change(typed, current, event.metadata.eventId);
    return {
      _id: id,
      candidateId: id,
      applications: current
        ? applications.map((a) => (a.candidacyId === next.candidacyId ? next : a))
        : [...applications, next],
    };
  },
};
