import { type Actor, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { DocumentStorage, readPdf, type Upload } from '@admissions/documents';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DOCUMENT_CONTENT_TYPE, type DocumentKind } from '../domain';
import { draftFor, fileFor } from '../domain/candidacy/candidacy.access';
import { CandidacyWriter, type FileSummary, summarise } from './candidacy-writer';

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
    // Refused before anything is stored: another's file (404), a submitted or withdrawn one (CAND-2).
    const { candidateId } = draftFor(await this.writer.load(candidacyId), actor);
    const pdf = await readPdf(content);
    const documentId = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const described = { fileName: upload.fileName, contentType: DOCUMENT_CONTENT_TYPE, sha256 };
    // Stored first so the event never points at nothing; removed again if the decider refuses it
    // (an unreadable PDF included: CAND-2 is judged in one place).
    const storageRef = await this.storage.save(content, { ...described, ownerId: candidateId });
    try {
      const data = { ...described, documentId, kind, sizeBytes: content.length, storageRef, pdf };
      const state = await this.writer.run(actor, candidacyId, { type: 'AttachDocument', data });
      return { ...summarise(state), documentId, sha256, sizeBytes: content.length };
    } catch (error) {
      await this.storage.remove(storageRef);
      throw error;
    }
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
    if (!document || !content) throw new NotFoundError(`document ${documentId} not found`, INPUT, 'documentId');
    return { fileName: document.fileName, sizeBytes: document.sizeBytes, sha256: document.sha256, content };
  }
}
