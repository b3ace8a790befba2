import { ValidationError } from '@admissions/domain-kernel';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { MAX_DOCUMENT_BYTES } from '../domain';

export const UPLOAD_FIELD = 'file';

/** What multer's memory storage hands the controller (declared here: @types/multer is not installed). */
export interface UploadedPdf {
  readonly originalname: string;
  readonly buffer: Buffer;
  readonly size: number;
}

// Memory storage (multer's default without `dest`): the content goes to GridFS, never to local disk.
// One byte over the limit is still read so that the domain's CAND-2 check names it; beyond, multer stops.
const Multer = FileInterceptor(UPLOAD_FIELD, {
  limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 10, fieldSize: 1024 },
});

/** Multer's refusals as problems that name the field and the rule, never as a 5xx. */
@Injectable()
export class PdfUploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw uploadProblem(error);
    }
  }
}

function uploadProblem(error: unknown): Error {
  if (error instanceof PayloadTooLargeException) {
    return new ValidationError(`file exceeds ${MAX_DOCUMENT_BYTES} bytes (10 MB)`, 'CAND-2', UPLOAD_FIELD);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HttpException) {
    return new ValidationError(
      `${message}: send one PDF in the multipart field "${UPLOAD_FIELD}"`,
      undefined,
      UPLOAD_FIELD,
    );
  }
  return new ValidationError(`malformed multipart body: ${message}`, undefined, UPLOAD_FIELD);
}
