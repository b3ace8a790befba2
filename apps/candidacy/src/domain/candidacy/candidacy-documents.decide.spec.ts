import { IllegalStateError, NotFoundError, ValidationError, deciderSpec } from '@admissions/domain-kernel';
import { AttachDocument } from './candidacy.commands';
import { candidacyDecider } from './candidacy.decide';
import { AT, CANDIDACY_ID, cmd, cvAttached, opened, otherCandidate } from './candidacy.fixtures';
import { MAX_DOCUMENT_BYTES } from './candidacy.types';

const spec = deciderSpec(candidacyDecider);

const cv: AttachDocument['data'] = {
  documentId: 'doc-cv',
  kind: 'CV',
  fileName: 'CV-Marie-Curie.pdf',
  contentType: 'application/pdf',
  sizeBytes: 120_000,
  sha256: 'A'.repeat(64),
  storageRef: `candidacies/${CANDIDACY_ID}/doc-cv`,
  pdf: { readable: true, pages: 2 },
};

describe('Candidacy decider: documents', () => {
  it('CAND-2: attaching a CV records its metadata only, the file name under `personal`', () => {
    spec.given([opened]).when(cmd('AttachDocument', cv)).then([cvAttached]);
  });

  it('CAND-2: a document that is not a PDF is refused', () => {
    spec
      .given([opened])
      .when(cmd('AttachDocument', { ...cv, contentType: 'application/msword' }))
      .thenThrows(ValidationError, { ruleId: 'CAND-2', field: 'contentType' });
  });

  it('CAND-2: a file that only starts like a PDF, an encrypted PDF or a damaged one is refused', () => {
    for (const reason of ['NOT_PDF', 'MALFORMED', 'ENCRYPTED'] as const) {
      spec
        .given([opened])
        .when(cmd('AttachDocument', { ...cv, pdf: { readable: false, reason } }))
        .thenThrows(ValidationError, { ruleId: 'CAND-2', field: 'file' });
    }
  });

  it('CAND-2: the file name is stored as a display name, never as a path', () => {
    const events = spec
      .given([opened])
      .when(cmd('AttachDocument', { ...cv, fileName: '../../etc/passwd.pdf' }))
      .events();
    expect(events).toMatchObject([{ type: 'DocumentAttached', data: { personal: { fileName: 'passwd.pdf' } } }]);
    const controlled = spec
      .given([opened])
      .when(cmd('AttachDocument', { ...cv, fileName: `..\\CV\u0000\n${'x'.repeat(300)}.pdf` }))
      .events();
    const stored = (controlled[0]?.data as { personal: { fileName: string } }).personal.fileName;
    expect(stored).toMatch(/^CVx+\.pdf$/);
    expect(stored.length).toBeLessThanOrEqual(120);
  });

  it('CAND-2: a document of exactly 10 MB is accepted, 10 MB + 1 byte is refused', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
    const events = spec
      .given([opened])
      .when(cmd('AttachDocument', { ...cv, sizeBytes: MAX_DOCUMENT_BYTES }))
      .events();
    expect(events).toMatchObject([{ type: 'DocumentAttached', data: { sizeBytes: MAX_DOCUMENT_BYTES } }]);
    spec
      .given([opened])
      .when(cmd('AttachDocument', { ...cv, sizeBytes: MAX_DOCUMENT_BYTES + 1 }))
      .thenThrows(ValidationError, { ruleId: 'CAND-2', field: 'sizeBytes' });
  });

  it('an empty file or a malformed checksum is refused', () => {
    spec
      .given([opened])
      .when(cmd('AttachDocument', { ...cv, sizeBytes: 0 }))
      .thenThrows(ValidationError, { field: 'sizeBytes' });
    spec
      .given([opened])
      .when(cmd('AttachDocument', { ...cv, sha256: 'abc' }))
      .thenThrows(ValidationError, { field: 'sha256' });
  });

  it('attaching the same document again changes nothing; the same id with other content is refused', () => {
    spec.given([opened, cvAttached]).when(cmd('AttachDocument', cv)).thenNothing();
    spec
      .given([opened, cvAttached])
      .when(cmd('AttachDocument', { ...cv, sha256: 'b'.repeat(64) }))
      .thenThrows(IllegalStateError, { field: 'documentId' });
  });

  it('a document can be removed; an unknown one is not found', () => {
    spec
      .given([opened, cvAttached])
      .when(cmd('RemoveDocument', { documentId: 'doc-cv' }))
      .then([{ type: 'DocumentRemoved', data: { candidacyId: CANDIDACY_ID, documentId: 'doc-cv', removedAt: AT } }]);
    spec
      .given([opened, cvAttached])
      .when(cmd('RemoveDocument', { documentId: 'doc-x' }))
      .thenThrows(NotFoundError, { field: 'documentId' });
  });

  it('CAND-1: another candidate cannot attach to or remove from the file (NotFoundError)', () => {
    spec
      .given([opened])
      .when(cmd('AttachDocument', cv, { actor: otherCandidate }))
      .thenThrows(NotFoundError);
    spec
      .given([opened, cvAttached])
      .when(cmd('RemoveDocument', { documentId: 'doc-cv' }, { actor: otherCandidate }))
      .thenThrows(NotFoundError);
  });
});
