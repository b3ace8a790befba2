import { ValidationError, INPUT, type RuleId } from '@admissions/domain-kernel';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  mixin,
  type NestInterceptor,
  PayloadTooLargeException,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

export const UPLOAD_FIELD = 'file';

/** What multer's memory storage hands the controller (declared here: @types/multer is not installed). */
export interface UploadedPdf {
  readonly originalname: string;
  readonly buffer: Buffer;
  readonly size: number;
}

/** An upload as the application sees it: the client's file name is a label, not a path. */
export interface Upload {
  readonly fileName: string;
  readonly content: Buffer;
}

export interface PdfUploadOptions {
  /** The rule the upload serves (CAND-2, REC-3): every refusal names it. */
  readonly ruleId: RuleId;
  readonly maxBytes: number;
}

/**
 * One PDF in the multipart field `file`, held in memory (the content goes to GridFS, never to local
 * disk); multer stops reading one byte past `maxBytes`. Its refusals become problems naming the
 * field and the rule, never a 5xx.
 */
export function PdfUploadInterceptor({ ruleId, maxBytes }: PdfUploadOptions): Type<NestInterceptor> {
  const Multer = FileInterceptor(UPLOAD_FIELD, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024 },
  });

  @Injectable()
  class PdfUpload implements NestInterceptor {
    private readonly multer = new Multer();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        throw uploadProblem(error, ruleId, maxBytes);
      }
    }
  }
  return mixin(PdfUpload);
}

/** The upload the interceptor read, or a refusal under `ruleId` when the part is missing. */
export function requireUpload(file: UploadedPdf | undefined, ruleId: RuleId): Upload {
  if (!file)
    throw new ValidationError(`a PDF is required in the multipart field "${UPLOAD_FIELD}"`, ruleId, UPLOAD_FIELD);
  return { fileName: file.originalname, content: file.buffer };
}

function uploadProblem(error: unknown, ruleId: RuleId, maxBytes: number): Error {
  if (error instanceof PayloadTooLargeException) {
    return new ValidationError(`file exceeds ${maxBytes} bytes`, ruleId, UPLOAD_FIELD);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HttpException) {
    return new ValidationError(
      `${message}: send one PDF in the multipart field "${UPLOAD_FIELD}"`,
      INPUT,
      UPLOAD_FIELD,
    );
  }
  return new ValidationError(`malformed multipart body: ${message}`, INPUT, UPLOAD_FIELD);
}
