import { assertNever, Decider, INPUT, ValidationError } from '@admissions/domain-kernel';
import type { AdmissionFileCommand, RecordEligibility, RecordLeadOpinion } from './admission-file.commands';
import type { AdmissionFileEvent } from './admission-file.events';
import { AdmissionFileState, evolveAdmissionFile, initialAdmissionFileState } from './admission-file.state';

/**
 * Pure decider of the jury's file of a candidacy: it keeps review's facts (eligibility, interview,
 * the lead's opinion and its corrections) so that a decision can later be explained as the jury
 * had it (JURY-2: "in view of the lead's reasoned opinion"). Duplicates are the command runner's:
 * a source event already taken in is not taken in again.
 */
export function decideAdmissionFile(command: AdmissionFileCommand, state: AdmissionFileState): AdmissionFileEvent[] {
  if (state.status === 'OPEN' && state.candidacyId !== command.data.candidacyId) {
    throw new ValidationError('this file is of another candidacy', INPUT, 'candidacyId');
  }
  const recordedAt = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RecordEligibility':
      return [{ type: 'EligibilityRecorded', data: { ...eligibility(command), recordedAt } }];
    case 'RecordEquivalenceConfirmation':
      return [{ type: 'EquivalenceConfirmationRecorded', data: { ...command.data, recordedAt } }];
    case 'RecordInterviewOutcome':
      return [{ type: 'InterviewOutcomeRecorded', data: { ...command.data, recordedAt } }];
    case 'RecordLeadOpinion':
      return [{ type: 'LeadOpinionRecorded', data: { ...leadOpinion(command), recordedAt } }];
    default:
      return assertNever(command);
  }
}

export const admissionFileDecider: Decider<AdmissionFileCommand, AdmissionFileEvent, AdmissionFileState> = {
  initialState: initialAdmissionFileState,
  decide: decideAdmissionFile,
  evolve: evolveAdmissionFile,
};

/** CAND-2: an ineligible file never reaches the lead, so never the jury. */
function eligibility({ data }: RecordEligibility): RecordEligibility['data'] {
  const { status } = data.eligibility;
  if (status !== 'ELIGIBLE' && status !== 'PENDING_EQUIVALENCE') {
    throw new ValidationError('only an eligible file (or one pending equivalence) is examined', 'CAND-2', 'status');
  }
  return data;
}

/** REV-3: an opinion is reasoned, and a correction says why. */
function leadOpinion({ data }: RecordLeadOpinion): RecordLeadOpinion['data'] {
  if (data.leadOpinion.motivation.trim() === '') {
    throw new ValidationError('an opinion is reasoned', 'REV-3', 'motivation');
  }
  if (data.correctionReason !== null && data.correctionReason.trim() === '') {
    throw new ValidationError('a correction says why', 'REV-3', 'reason');
  }
  return data;
}
