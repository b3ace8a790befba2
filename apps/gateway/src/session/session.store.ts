import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';

/** What the gateway keeps of a signed-in person; never sent to the browser except the CSRF token. */
export interface Session {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly accessToken: string;
  readonly idToken?: string;
  /** Epoch milliseconds; without a refresh token the session ends with its access token. */
  readonly accessTokenExpiresAt: number;
  /** Renews the access token before it expires (session-refresher.ts); never leaves the server. */
  readonly refreshToken?: string;
  /** Synchronizer token: every state-changing call must send it back in X-CSRF-Token. */
  readonly csrfToken: string;
}

/** A sign-in under way, between the redirect to the identity provider and its callback. */
export interface PendingLogin {
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly returnTo: string;
}

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
const LOGIN_TTL_SECONDS = 600;
/** A renewal that crashed frees its claim by itself after this long. */
const RENEWAL_CLAIM_MS = 10_000;

export const newSecret = (): string => randomBytes(32).toString('base64url');
// Redis holds a digest of the cookie's value, so a copy of its data opens no session.
const key = (kind: 'session' | 'login' | 'refresh', id: string) =>
  `gateway:${kind}:${createHash('sha256').update(id).digest('base64url')}`;

/** Server-side sessions in Redis: the browser holds only an opaque random id. */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly idleSeconds: number,
  ) {}

  async create(session: Omit<Session, 'csrfToken'>): Promise<string> {
    const id = newSecret();
    const record: Session = { ...session, csrfToken: newSecret() };
    await this.redis.set(key('session', id), JSON.stringify(record), 'EX', this.ttlOf(record));
    return id;
  }

  /** The session, its idle time restarted; undefined when unknown, ended or expired. */
  async find(id: string): Promise<Session | undefined> {
    const stored = await this.redis.get(key('session', id));
    if (stored === null) return undefined;
    const session = JSON.parse(stored) as Session;
    const ttl = this.ttlOf(session);
    if (ttl <= 0) {
      await this.destroy(id);
      return undefined;
    }
    await this.redis.expire(key('session', id), ttl);
    return session;
  }

  /** The session with new tokens, its idle time restarted; undefined when it ended meanwhile. */
  async renew(id: string, session: Session): Promise<Session | undefined> {
    const written = await this.redis.set(key('session', id), JSON.stringify(session), 'EX', this.ttlOf(session), 'XX');
    return written === null ? undefined : session;
  }

  /**
   * Whether this caller renews the session's tokens: one at a time across the gateway's replicas,
   * since a provider that rotates refresh tokens refuses the second use of one.
   */
  async claimRenewal(id: string): Promise<boolean> {
    return (await this.redis.set(key('refresh', id), '1', 'PX', RENEWAL_CLAIM_MS, 'NX')) === 'OK';
  }

  async releaseRenewal(id: string): Promise<void> {
    await this.redis.del(key('refresh', id));
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(key('session', id));
  }

  async startLogin(state: string, login: PendingLogin): Promise<void> {
    await this.redis.set(key('login', state), JSON.stringify(login), 'EX', LOGIN_TTL_SECONDS);
  }

  /** A pending sign-in can be finished once. */
  async finishLogin(state: string): Promise<PendingLogin | undefined> {
    const stored = await this.redis.getdel(key('login', state));
    return stored === null ? undefined : (JSON.parse(stored) as PendingLogin);
  }

  private ttlOf(session: Session): number {
    if (session.refreshToken !== undefined) return this.idleSeconds;
    const tokenLeft = Math.floor((session.accessTokenExpiresAt - Date.now()) / 1000);
    return Math.min(this.idleSeconds, tokenLeft);
  }
}
