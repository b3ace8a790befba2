import { Decider, assertNever } from '@admissions/domain-kernel';
import { attachDocument, removeDocument } from './candidacy-documents.decide';
import {
  chooseProgramme,
  openCandidacy,
  recordDiplomas,
  recordExperience,
  updateIdentity,
} from './candidacy-file.decide';
import { rankSubmission, submitCandidacy, withdrawCandidacy } from './candidacy-submission.decide';
import { CandidacyCommand } from './candidacy.commands';
import { CandidacyEvent } from './candidacy.events';
import { CandidacyState, evolveCandidacy, initialCandidacyState } from './candidacy.state';

export function decideCandidacy(command: CandidacyCommand, state: CandidacyState): CandidacyEvent[] {
  switch (command.type) {
    case 'OpenCandidacy':
      return openCandidacy(command, state);
    case 'UpdateIdentity':
      return updateIdentity(command, state);
    case 'RecordDiplomas':
      return recordDiplomas(command, state);
    case 'RecordExperience':
      return recordExperience(command, state);
    case 'ChooseProgramme':
      return chooseProgramme(command, state);
    case 'AttachDocument':
      return attachDocument(command, state);
    case 'RemoveDocument':
      return removeDocument(command, state);
    case 'SubmitCandidacy':
      return submitCandidacy(command, state);
    case 'RankSubmission':
      return rankSubmission(command, state);
    case 'WithdrawCandidacy':
      return withdrawCandidacy(command, state);
    default:
      return assertNever(command);
  }
}

export const candidacyDecider: Decider<CandidacyCommand, CandidacyEvent, CandidacyState> = {
  initialState: initialCandidacyState,
  decide: decideCandidacy,
  evolve: evolveCandidacy,
};
