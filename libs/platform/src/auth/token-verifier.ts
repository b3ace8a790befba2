import { Injectable } from '@nestjs/common';
import type { Actor } from '@admissions/domain-kernel';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { type JwtHeader, type JwtPayload, verify } from 'jsonwebtoken';
import type { JwksClient } from 'jwks-rsa';
import { BaseEnv, issuersOf } from '../config/base-env';
import { ensureDevKeyPair } from './dev-keys';
import { isRole } from './roles';

/** The token is missing, forged, expired or for someone else; its message is safe to show. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** A parsed key: handed a PEM, jsonwebtoken parses it again on every request, dearer than the signature check. */
type KeyLookup = (header: JwtHeader) => Promise<KeyObject>;

/**
 * Checks a bearer token and reads the actor from it: RS256 only (so neither `alg: none` nor an
 * HMAC signed with the public key), an expiry, the configured issuer and audience. Keys come from the identity
 * provider's JWKS when AUTH_JWKS_URL is set, from the local dev key pair otherwise.
 */
@Injectable()
export class TokenVerifier {
  private readonly keyFor: KeyLookup;

  constructor(private readonly env: BaseEnv) {
    this.keyFor = env.AUTH_JWKS_URL === undefined ? devKey(env.AUTH_DEV_KEY_DIR) : jwksKey(env.AUTH_JWKS_URL);
  }

  async verify(token: string): Promise<Actor> {
    const payload = await new Promise<JwtPayload>((resolve, reject) => {
      verify(
        token,
        (header, callback) => {
          this.keyFor(header).then(
            (key) => callback(null, key),
            (error: Error) => callback(error),
          );
        },
        {
          algorithms: ['RS256'],
          issuer: issuersOf(this.env.AUTH_ISSUER),
          audience: this.env.AUTH_AUDIENCE,
          clockTolerance: 5,
        },
        (error, decoded) => {
          if (error !== null) reject(new InvalidTokenError(error.message));
          else if (typeof decoded !== 'object' || decoded === null)
            reject(new InvalidTokenError('token has no claims'));
          else resolve(decoded);
        },
      );
    });
    // jsonwebtoken checks `exp` only when present: a token that never expires is refused here.
    if (typeof payload.exp !== 'number') throw new InvalidTokenError('token has no expiry');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('token has no subject');
    const claimed: unknown = payload.roles;
    // Unknown roles are dropped rather than refused: an identity provider may carry others.
    const roles = Array.isArray(claimed) ? claimed.filter(isRole) : [];
    return { id: payload.sub, roles };
  }
}

function devKey(dir: string): KeyLookup {
  let publicKey: KeyObject | undefined;
  return async () => (publicKey ??= createPublicKey(ensureDevKeyPair(dir).publicKey));
}

function jwksKey(jwksUri: string): KeyLookup {
  let client: JwksClient | undefined;
  /** Parsed keys by PEM: an identity provider publishes a handful, and rotates them rarely. */
  const parsed = new Map<string, KeyObject>();
  return async (header) => {
    if (header.kid === undefined) throw new InvalidTokenError('token has no key id');
    // Loaded on first use: jwks-rsa pulls in an ES-module-only dependency that Jest cannot
    // require, and development and tests never need it.
    if (client === undefined) {
      const { JwksClient: Client } = await import('jwks-rsa');
      client = new Client({ jwksUri, cache: true, rateLimit: true, jwksRequestsPerMinute: 10, timeout: 5_000 });
    }
    const pem = (await client.getSigningKey(header.kid)).getPublicKey();
    let key = parsed.get(pem);
    if (key === undefined) {
      if (parsed.size >= 16) parsed.clear();
      key = createPublicKey(pem);
      parsed.set(pem, key);
    }
    return key;
  };
}
