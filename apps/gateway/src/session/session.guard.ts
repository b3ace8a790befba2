import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { readCookie, SESSION_COOKIE } from './cookies';
import { SessionRefresher } from './session-refresher';
import { type Session, SessionStore } from './session.store';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionRequest extends Request {
  sessionId: string;
  session: Session;
}

const sameToken = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * Lets through only a live session's requests (401 otherwise), its access token renewed when
 * it is about to expire, and, for a state-changing method,
 * only those that send back the session's own CSRF token (403 otherwise): a cookie alone, which
 * a browser attaches to another site's form, changes nothing.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionStore,
    private readonly refresher: SessionRefresher,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<SessionRequest>();
    const id = readCookie(req, SESSION_COOKIE);
    const found = id === undefined ? undefined : await this.sessions.find(id);
    const session = id === undefined || found === undefined ? undefined : await this.refresher.fresh(id, found);
    if (id === undefined || session === undefined) throw new UnauthorizedException('Sign in first; no live session');
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameToken(given, session.csrfToken)) {
        throw new ForbiddenException('Missing or wrong CSRF token (X-CSRF-Token)');
      }
    }
    req.sessionId = id;
    req.session = session;
    return true;
  }
}
