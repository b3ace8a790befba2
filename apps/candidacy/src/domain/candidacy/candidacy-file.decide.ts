import { IllegalStateError } from '@admissions/domain-kernel';
import { assessEligibility } from '../eligibility/eligibility';
import { requireOneOf, requireText, sameValue } from '../shared/field-rules';
import { draftFor } from './candidacy.access';
import { ChooseProgramme, OpenCandidacy, RecordDiplomas, RecordExperience, UpdateIdentity } from './candidacy.commands';
import { CandidacyEvent, EligibilityAssessed } from './candidacy.events';
import { CandidacyState, DraftCandidacy } from './candidacy.state';
import { LANGUAGES } from './candidacy.types';
import { validateDiplomas, validateExperience, validatePersonal } from './candidacy.validation';
import { assertWindowNotClosed } from './programme-window';

/** CAND-1: the actor opens their own file; a retry by the owner changes nothing. */
export function openCandidacy(command: OpenCandidacy, state: CandidacyState): CandidacyEvent[] {
  const { actor, now } = command.metadata;
  if (state.status !== 'NONE') {
    if (state.candidateId === actor.id) return [];
    throw new IllegalStateError('this candidacy id is already taken', 'CAND-1', 'candidacyId');
  }
  const candidacyId = requireText(command.data.candidacyId, 'candidacyId', 100);
  return [{ type: 'CandidacyOpened', data: { candidacyId, candidateId: actor.id, openedAt: now.toISOString() } }];
}

export function updateIdentity(command: UpdateIdentity, state: CandidacyState): CandidacyEvent[] {
  const file = draftFor(state, command.metadata.actor);
  const personal = validatePersonal(command.data.personal, command.metadata.now);
  const preferredLanguage = requireOneOf(command.data.preferredLanguage, LANGUAGES, 'preferredLanguage');
  if (sameValue(personal, file.personal) && preferredLanguage === file.preferredLanguage) return [];
  const updatedAt = command.metadata.now.toISOString();
  return [{ type: 'IdentityUpdated', data: { candidacyId: file.candidacyId, personal, preferredLanguage, updatedAt } }];
}

/** ELIG-1..6: every change of diplomas is followed by the new explained assessment. */
export function recordDiplomas(command: RecordDiplomas, state: CandidacyState): CandidacyEvent[] {
  const file = draftFor(state, command.metadata.actor);
  const diplomas = validateDiplomas(command.data.diplomas, command.metadata.now);
  if (sameValue(diplomas, file.diplomas)) return [];
  const recordedAt = command.metadata.now.toISOString();
  return [
    { type: 'DiplomasRecorded', data: { candidacyId: file.candidacyId, diplomas, recordedAt } },
    assessed({ ...file, diplomas }, recordedAt),
  ];
}

/** ELIG-4 and ELIG-5 depend on experience: a change is followed by the new assessment. */
export function recordExperience(command: RecordExperience, state: CandidacyState): CandidacyEvent[] {
  const file = draftFor(state, command.metadata.actor);
  const months = validateExperience(command.data.months);
  if (months === file.experienceMonths) return [];
  const recordedAt = command.metadata.now.toISOString();
  return [
    { type: 'ExperienceRecorded', data: { candidacyId: file.candidacyId, months, recordedAt } },
    assessed({ ...file, experienceMonths: months }, recordedAt),
  ];
}

/** CAND-4: a programme whose application window has closed can no longer be chosen. */
export function chooseProgramme(command: ChooseProgramme, state: CandidacyState): CandidacyEvent[] {
  const file = draftFor(state, command.metadata.actor);
  const { programme } = command.data;
  assertWindowNotClosed(programme, command.metadata.now);
  if (programme.code === file.programmeCode) return [];
  const chosenAt = command.metadata.now.toISOString();
  const previous = file.programmeCode === undefined ? {} : { previousProgrammeCode: file.programmeCode };
  return [
    {
      type: 'ProgrammeChosen',
      data: { candidacyId: file.candidacyId, programmeCode: programme.code, ...previous, chosenAt },
    },
  ];
}

function assessed(file: DraftCandidacy, assessedAt: string): EligibilityAssessed {
  const eligibility = assessEligibility(file.diplomas ?? [], file.experienceMonths);
  return { type: 'EligibilityAssessed', data: { candidacyId: file.candidacyId, eligibility, assessedAt } };
}
