import { IllegalStateError, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { sameValue } from '../shared/field-rules';
import { draftFor } from './candidacy.access';
import { AttachDocument, RemoveDocument } from './candidacy.commands';
import { CandidacyEvent } from './candidacy.events';
import { CandidacyState } from './candidacy.state';
import { validateDocument } from './candidacy.validation';

/** CAND-2 needs a CV and a motivation letter; each document is a PDF of at most 10 MB. */
export function attachDocument(command: AttachDocument, state: CandidacyState): CandidacyEvent[] {
  const file = draftFor(state, command.metadata.actor);
  const { fileName, ...ref } = validateDocument(command.data);
  const existing = file.documents.find((document) => document.documentId === ref.documentId);
  if (existing) {
    const { fileName: existingName, attachedAt: _attachedAt, ...existingRef } = existing;
    if (existingName === fileName && sameValue(existingRef, ref)) return [];
    throw new IllegalStateError(
      `document ${ref.documentId} is already attached with other content`,
      INPUT,
      'documentId',
    );
  }
  const attachedAt = command.metadata.now.toISOString();
  return [
    { type: 'DocumentAttached', data: { candidacyId: file.candidacyId, ...ref, personal: { fileName }, attachedAt } },
  ];
}

export function removeDocument(command: RemoveDocument, state: CandidacyState): CandidacyEvent[] {
  const file = draftFor(state, command.metadata.actor);
  const { documentId } = command.data;
  if (!file.documents.some((document) => document.documentId === documentId)) {
    throw new NotFoundError(`document ${documentId} not found`, INPUT, 'documentId');
  }
  const removedAt = command.metadata.now.toISOString();
  return [{ type: 'DocumentRemoved', data: { candidacyId: file.candidacyId, documentId, removedAt } }];
}
