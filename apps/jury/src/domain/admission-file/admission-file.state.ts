import type { AdmissionFileEvent } from './admission-file.events';

/** A file is the facts of one candidacy: the first fact names it. */
export type AdmissionFileState =
  { readonly status: 'EMPTY' } | { readonly status: 'OPEN'; readonly candidacyId: string };

export const initialAdmissionFileState = (): AdmissionFileState => ({ status: 'EMPTY' });

export function evolveAdmissionFile(state: AdmissionFileState, event: AdmissionFileEvent): AdmissionFileState {
  return state.status === 'OPEN' ? state : { status: 'OPEN', candidacyId: event.data.candidacyId };
}
