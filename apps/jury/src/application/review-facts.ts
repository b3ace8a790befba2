import type { AdmissionFileCommand, EligibilityCheck } from '../domain';
import type { Intent } from '@admissions/platform';

/** Review's events whose facts the jury keeps in its file of the candidacy (libs/contracts). */
export const REVIEW_FACTS = [
  'ReviewOpened',
  'EquivalenceConfirmed',
  'InterviewHeld',
  'OpinionGiven',
  'OpinionCorrected',
];

interface ReviewOpened {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  readonly eligibility: 'ELIGIBLE' | 'PENDING_EQUIVALENCE';
  readonly fileSummary: {
    readonly eligibilityRuleId: string;
    readonly eligibilityExplanation: { readonly reason: string; readonly checks: readonly EligibilityCheck[] };
  };
}
interface EquivalenceConfirmed {
  readonly candidacyId: string;
  readonly confirmedAt: string;
}
interface InterviewHeld {
  readonly candidacyId: string;
  readonly startsAt: string;
  readonly conclusive: boolean;
  readonly notes: string;
}
interface OpinionGiven {
  readonly candidacyId: string;
  readonly opinion: 'FAVOURABLE' | 'UNFAVOURABLE';
  readonly motivation: string;
  readonly givenAt: string;
}
interface OpinionCorrected extends Omit<OpinionGiven, 'givenAt'> {
  readonly reason: string;
  readonly correctedAt: string;
}

/** A review event → the fact the jury keeps of it, or undefined for one it does not keep. */
export function reviewFactOf(event: {
  readonly type: string;
  readonly data: unknown;
}): Intent<AdmissionFileCommand> | undefined {
  switch (event.type) {
    case 'ReviewOpened': {
      const { candidacyId, candidateId, programmeCode, eligibility, fileSummary } = event.data as ReviewOpened;
      const { reason, checks } = fileSummary.eligibilityExplanation;
      return {
        type: 'RecordEligibility',
        data: {
          candidacyId,
          candidateId,
          programmeCode,
          eligibility: {
            status: eligibility,
            matchedRule: fileSummary.eligibilityRuleId,
            reason,
            checks: checks.map(({ ruleId, passed, reason: why }) => ({ ruleId, passed, reason: why })),
          },
        },
      };
    }
    case 'EquivalenceConfirmed': {
      const { candidacyId, confirmedAt } = event.data as EquivalenceConfirmed;
      return { type: 'RecordEquivalenceConfirmation', data: { candidacyId, confirmedAt } };
    }
    case 'InterviewHeld': {
      const { candidacyId, startsAt, conclusive, notes } = event.data as InterviewHeld;
      return { type: 'RecordInterviewOutcome', data: { candidacyId, startsAt, conclusive, notes } };
    }
    case 'OpinionGiven': {
      const { candidacyId, opinion, motivation, givenAt } = event.data as OpinionGiven;
      const leadOpinion = { opinion, motivation };
      return { type: 'RecordLeadOpinion', data: { candidacyId, leadOpinion, givenAt, correctionReason: null } };
    }
    case 'OpinionCorrected': {
      const { candidacyId, opinion, motivation, reason, correctedAt } = event.data as OpinionCorrected;
      const leadOpinion = { opinion, motivation };
      return {
        type: 'RecordLeadOpinion',
        data: { candidacyId, leadOpinion, givenAt: correctedAt, correctionReason: reason },
      };
    }
    default:
      return undefined;
  }
}
