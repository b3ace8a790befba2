import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { joinPath } from '../auth/route-access';
import { currentCorrelationId } from '../logging/correlation';
import { AccessJournal, isStaffReader } from './access-journal';

export const JOURNALLED_PARAM = 'platform:journalledParam';

/**
 * Records a staff read in the access journal once the read has succeeded, before the answer
 * leaves: a read that could not be journalled is not served (the error answers instead).
 */
@Injectable()
export class JournalledReadInterceptor implements NestInterceptor {
  constructor(
    private readonly journal: AccessJournal,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const param = this.reflector.get<string>(JOURNALLED_PARAM, context.getHandler());
    const actor = req.actor;
    const candidacyId = req.params[param];
    if (actor === undefined || typeof candidacyId !== 'string' || !isStaffReader(actor)) return next.handle();
    const operation = `${req.method} ${routeOf(context)}`;
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.journal.record({
          candidacyId,
          readerId: actor.id,
          readerRoles: [...actor.roles],
          operation,
          readAt: new Date().toISOString(),
          ...(currentCorrelationId() === undefined ? {} : { correlationId: currentCorrelationId() }),
        });
        return body;
      }),
    );
  }
}

const routeOf = (context: ExecutionContext): string =>
  joinPath(
    ...[context.getClass(), context.getHandler()].map((target) =>
      String(Reflect.getMetadata(PATH_METADATA, target) ?? ''),
    ),
  );
