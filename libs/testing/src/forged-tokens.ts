import { AUTH_DEFAULTS, ensureDevKeyPair, type Role } from '@admissions/platform';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';

/** A token a service must refuse with 401, and why. */
export interface ForgedToken {
  readonly name: string;
  readonly token: string;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function hmacToken(header: object, claims: object, secret: string | Buffer): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * Tokens an attacker could present, each claiming every role: `alg: none`, HMAC forgeries (the
 * public key as the secret: the classic key confusion, and a guessed secret), a key of their own,
 * and tokens signed with the real key but expired, without expiry, or for another issuer or
 * audience. `keyDir` is the services' AUTH_DEV_KEY_DIR.
 */
export function forgedTokens(keyDir: string, roles: readonly Role[], subject = 'intruder'): ForgedToken[] {
  const { privateKey, publicKey } = ensureDevKeyPair(keyDir);
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: subject,
    roles: [...roles],
    iss: AUTH_DEFAULTS.issuer,
    aud: AUTH_DEFAULTS.audience,
    iat: now,
    exp: now + 3600,
  };
  const rs256 = (overrides: object, key = privateKey) =>
    sign({ ...claims, ...overrides }, key, { algorithm: 'RS256', keyid: 'dev' });
  const { exp: _exp, ...withoutExpiry } = claims;
  const ownKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  return [
    { name: 'alg none', token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.` },
    {
      name: 'HS256 with the public key',
      token: hmacToken({ alg: 'HS256', typ: 'JWT', kid: 'dev' }, claims, publicKey),
    },
    { name: 'HS256 with a guessed secret', token: hmacToken({ alg: 'HS256', typ: 'JWT' }, claims, 'secret') },
    { name: 'RS256 with another key', token: rs256({}, ownKey) },
    { name: 'expired', token: rs256({ iat: now - 7200, exp: now - 600 }) },
    { name: 'without expiry', token: sign(withoutExpiry, privateKey, { algorithm: 'RS256', keyid: 'dev' }) },
    { name: 'another issuer', token: rs256({ iss: 'https://idp.elsewhere.example' }) },
    { name: 'another audience', token: rs256({ aud: 'another-api' }) },
  ];
}
