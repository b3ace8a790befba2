import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import * as oidc from 'openid-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { OidcClient } from '../auth/oidc-client';
import { type Session, SessionStore } from './session.store';

/** Renewed this long before the access token expires, so a call forwarded now does not carry a dying token. */
const MARGIN_MS = 30_000;
/** How long a request waits for another one's renewal of the same session. */
const WAIT_MS = 5_000;
const POLL_MS = 100;

/**
 * Keeps a session's access token alive with its refresh token: a session stays signed in for as
 * long as it is used (SESSION_IDLE_SECONDS) and the provider agrees, not just for the lifetime of
 * one access token (five minutes on a default Keycloak).
 */
@Injectable()
export class SessionRefresher {
  constructor(
    private readonly sessions: SessionStore,
    private readonly oidc: OidcClient,
  ) {}

  /** The session with a live access token; undefined when it ended (the provider refused to renew it). */
  async fresh(id: string, session: Session): Promise<Session | undefined> {
    if (session.refreshToken === undefined || session.accessTokenExpiresAt - Date.now() > MARGIN_MS) return session;
    if (!(await this.sessions.claimRenewal(id))) return this.renewedByAnother(id, session);
    try {
      const tokens = await this.oidc.refresh(session.refreshToken);
      return await this.sessions.renew(id, { ...session, ...tokens });
    } catch (error) {
      return this.notRenewed(id, session, error);
    } finally {
      await this.sessions.releaseRenewal(id);
    }
  }

  private async renewedByAnother(id: string, session: Session): Promise<Session | undefined> {
    for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
      await sleep(POLL_MS);
      const now = await this.sessions.find(id);
      if (now === undefined || now.accessTokenExpiresAt !== session.accessTokenExpiresAt) return now;
    }
    return this.stillLive(session);
  }

  private async notRenewed(id: string, session: Session, error: unknown): Promise<Session | undefined> {
    // The provider answered no (expired, revoked, reused): the person signs in again.
    if (error instanceof oidc.ResponseBodyError) {
      await this.sessions.destroy(id);
      return undefined;
    }
    // The provider did not answer: the token may still serve; the next call tries again.
    return this.stillLive(session);
  }

  private stillLive(session: Session): Session {
    if (session.accessTokenExpiresAt > Date.now()) return session;
    throw new ServiceUnavailableException('The identity provider does not answer; the session cannot be renewed yet');
  }
}
