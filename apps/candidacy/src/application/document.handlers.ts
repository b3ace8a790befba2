import { type Actor, NotFoundError, ValidationError } from '@admissions/domain-kernel';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DOCUMENT_CONTENT_TYPE, type DocumentKind, MAX_DOCUMENT_BYTES } from '../domain';
import { draftFor, fileFor } from '../domain/candidacy/candidacy.access';
import { DocumentStorage } from '../infrastructure/document-storage.port';
import { CandidacyWriter, type FileSummary, summarise } from './candidacy-writer';

const PDF_MAGIC = Buffer.from('%PDF-', 'ascii');

export interface Upload {
  readonly fileName: string;
  readonly content: Buffer;
}

export interface AttachedDocumentSummary extends FileSummary {
  readonly documentId: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** Attaches a PDF (at most 10 MB): its content goes to the storage port, its reference to the file. */
export class AttachDocumentCommand extends Command<AttachedDocumentSummary> {
  constructor(
    readonly actor: Actor,
    readonly candidacyId: string,
    readonly kind: DocumentKind,
    readonly upload: Upload,
  ) {
    super();
  }
}

@CommandHandler(AttachDocumentCommand)
export class AttachDocumentHandler implements ICommandHandler<AttachDocumentCommand> {
  constructor(
    private readonly writer: CandidacyWriter,
    private readonly storage: DocumentStorage,
  ) {}

  async execute({ actor, candidacyId, kind, upload }: AttachDocumentCommand): Promise<AttachedDocumentSummary> {
    const { content } = upload;
    checkPdf(content);
    // Refused before anything is stored: another's file (404), a submitted or withdrawn one (CAND-2).
    draftFor(await this.writer.load(candidacyId), actor);
    const documentId = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    // Stored first so the event never points at nothing; removed again if the file refuses it.
    const storageRef = await this.storage.save(content, {
      candidacyId,
      documentId,
      contentType: DOCUMENT_CONTENT_TYPE,
      sha256,
    });
    try {
      const data = {
        documentId,
        kind,
        fileName: upload.fileName,
        contentType: DOCUMENT_CONTENT_TYPE,
        sizeBytes: content.length,
        sha256,
        storageRef,
      };
      const state = await this.writer.run(actor, candidacyId, { type: 'AttachDocument', data });
      return { ...summarise(state), documentId, sha256, sizeBytes: content.length };
    } catch (error) {
      await this.storage.remove(storageRef);
      throw error;
    }
  }
}

/** CAND-2 accepts PDF only, at most 10 MB: checked on the bytes, not on what the client claims. */
function checkPdf(content: Buffer): void {
  if (content.length === 0) throw new ValidationError('file is empty', 'CAND-2', 'file');
  if (content.length > MAX_DOCUMENT_BYTES) {
    throw new ValidationError(`file exceeds ${MAX_DOCUMENT_BYTES} bytes (10 MB)`, 'CAND-2', 'file');
  }
  if (!content.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new ValidationError('file is not a PDF (only application/pdf is accepted)', 'CAND-2', 'file');
  }
}

export interface DocumentDownload {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly content: Readable;
}

/** Serves an attached document to its owner or to staff; anyone else is told it does not exist. */
@Injectable()
export class DocumentContents {
  constructor(
    private readonly writer: CandidacyWriter,
    private readonly storage: DocumentStorage,
  ) {}

  async open(actor: Actor, candidacyId: string, documentId: string): Promise<DocumentDownload> {
    const file = fileFor(await this.writer.load(candidacyId), actor);
    const document = file.documents.find((candidate) => candidate.documentId === documentId);
    const content = document ? await this.storage.open(document.storageRef) : undefined;
    if (!document || !content) throw new NotFoundError(`document ${documentId} not found`, undefined, 'documentId');
    return { fileName: document.fileName, sizeBytes: document.sizeBytes, sha256: document.sha256, content };
  }
}
