import { type Actor, displayFileName, NotFoundError, requireReadablePdf } from '@admissions/domain-kernel';
import { DocumentStorage, readPdf, type Upload } from '@admissions/documents';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ReferralWriter } from './referral.writer';

/** REC-3: the transcript is a PDF of at most 10 MB, like a candidacy's documents. */
export const MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;
const PDF = 'application/pdf';

export interface UploadedTranscript {
  /** What `POST /v1/referrals` takes as `transcriptDocumentRef`. */
  readonly transcriptDocumentRef: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly pages: number;
}

export interface TranscriptDownload {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly content: Readable;
}

/**
 * REC-3: the candidate uploads the bachelor transcript to the jury's own document storage, owned
 * by them; the referral then names it, and the rectorate reads it from there.
 */
@Injectable()
export class ReferralTranscripts {
  constructor(
    private readonly storage: DocumentStorage,
    private readonly referrals: ReferralWriter,
  ) {}

  async upload(actor: Actor, upload: Upload): Promise<UploadedTranscript> {
    const pdf = await readPdf(upload.content);
    requireReadablePdf(pdf, 'REC-3', 'file');
    const fileName = displayFileName(upload.fileName);
    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    const transcriptDocumentRef = await this.storage.save(upload.content, {
      ownerId: actor.id,
      fileName,
      contentType: PDF,
      sha256,
    });
    return { transcriptDocumentRef, fileName, sizeBytes: upload.content.length, sha256, pages: pdf.pages };
  }

  /** The transcript of a filed referral; a referral never filed, or filed before REC-3 was checked, has none. */
  async open(candidateId: string): Promise<TranscriptDownload> {
    const referral = await this.referrals.load(candidateId);
    const ref = referral.status === 'NONE' ? undefined : referral.transcriptDocumentRef;
    const stored = ref === undefined ? undefined : await this.storage.describe(ref);
    const content = stored && (await this.storage.open(stored.storageRef));
    if (!stored || !content) throw new NotFoundError('transcript not found', 'REC-3');
    return { fileName: stored.fileName, sizeBytes: stored.sizeBytes, content };
  }
}
