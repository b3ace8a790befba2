import { Actor, IllegalStateError, NotFoundError, assertNever } from '@admissions/domain-kernel';
import { isStaff } from '../shared/roles';
import { CandidacyState, DraftCandidacy, OpenedCandidacy } from './candidacy.state';

/**
 * The file as the actor may see it: its owner or admissions staff. Another candidate is told the
 * file does not exist (404, not 403), so file ids cannot be probed.
 */
export function fileFor(state: CandidacyState, actor: Actor): OpenedCandidacy {
  if (state.status === 'NONE' || (state.candidateId !== actor.id && !isStaff(actor))) {
    throw new NotFoundError('candidacy not found', 'CAND-1');
  }
  return state;
}

/**
 * CAND-2: only a draft can be edited. A submitted file is what was transmitted to the
 * pedagogical lead, so it is locked (it can still be withdrawn); a withdrawn file is closed.
 */
export function draftFor(state: CandidacyState, actor: Actor): DraftCandidacy {
  const file = fileFor(state, actor);
  switch (file.status) {
    case 'DRAFT':
      return file;
    case 'SUBMITTED':
      throw new IllegalStateError('the file was submitted and can no longer be edited; withdraw it instead', 'CAND-2');
    case 'WITHDRAWN':
      throw new IllegalStateError('the file was withdrawn and can no longer be edited', 'CAND-2');
    default:
      return assertNever(file);
  }
}
