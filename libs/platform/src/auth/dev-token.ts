import { sign } from 'jsonwebtoken';
import { AUTH_DEFAULTS, issuersOf } from '../config/base-env';
import { ensureDevKeyPair } from './dev-keys';
import type { Role } from './roles';

export const DEV_KEY_ID = 'dev';

export interface DevTokenRequest {
  readonly sub: string;
  readonly roles: readonly Role[];
  /** Seconds, or a duration such as '1h' or '7d'; one hour by default. */
  readonly expiresIn?: number | `${number}${'s' | 'm' | 'h' | 'd'}`;
}

/**
 * A token the services accept when they run without a JWKS (development and tests), signed
 * with the local key pair. The same environment variables as the services decide the key
 * directory, issuer (the first AUTH_ISSUER lists) and audience, so both sides agree.
 */
export function signDevToken(request: DevTokenRequest, env: NodeJS.ProcessEnv = process.env): string {
  const { privateKey } = ensureDevKeyPair(env.AUTH_DEV_KEY_DIR || AUTH_DEFAULTS.devKeyDir);
  return sign({ roles: [...request.roles] }, privateKey, {
    algorithm: 'RS256',
    keyid: DEV_KEY_ID,
    subject: request.sub,
    issuer: issuersOf(env.AUTH_ISSUER || AUTH_DEFAULTS.issuer)[0],
    audience: env.AUTH_AUDIENCE || AUTH_DEFAULTS.audience,
    expiresIn: request.expiresIn ?? '1h',
  });
}
