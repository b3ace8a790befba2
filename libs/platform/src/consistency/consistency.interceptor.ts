import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { commitsOf, CONSISTENCY_HEADER, tokenOf } from './consistency-token';
import { ReadModelWait } from './read-model-wait';
import { writesOfRequest } from './written-commits';

/** The API's routes: commands are its other methods, queries its GETs. */
const API_PREFIX = '/v1/';

/**
 * Read-your-writes on every route of the API, in one place: a command's reply carries the token
 * of the commits it stored; a query sent with a token waits until the service's read models have
 * folded them (ReadModelWait: 503 with Retry-After when they have not within the bound).
 */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(private readonly wait: ReadModelWait) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request | undefined>();
    if (context.getType() !== 'http' || !request?.path.startsWith(API_PREFIX)) return next.handle();
    if (request.method === 'GET') {
      const token = request.header(CONSISTENCY_HEADER);
      if (token !== undefined) await this.wait.untilFolded(commitsOf(token));
      return next.handle();
    }
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap(() => {
        const written = writesOfRequest();
        if (written.length > 0) response.setHeader(CONSISTENCY_HEADER, tokenOf(written));
      }),
    );
  }
}
