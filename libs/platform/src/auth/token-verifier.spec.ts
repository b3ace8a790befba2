import { forgedTokens } from '@admissions/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseEnv } from '../config/base-env';
import { loadEnv } from '../config/load-env';
import { signDevToken } from './dev-token';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const keyDir = mkdtempSync(join(tmpdir(), 'token-verifier-'));
const settings = {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_DEV_KEY_DIR: keyDir,
};
const verifier = new TokenVerifier(loadEnv(BaseEnv, settings, 'test'));

describe('TokenVerifier', () => {
  it('reads the subject and the known roles of a token signed with the key, RS256, unexpired, for this issuer and audience', async () => {
    const token = signDevToken({ sub: 'officer-1', roles: ['admissions-officer'] }, settings);
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'officer-1', roles: ['admissions-officer'] });
  });

  it.each(forgedTokens(keyDir, ['admin']).map(({ name, token }) => [name, token] as const))(
    'refuses a token: %s',
    async (_name, token) => {
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    },
  );

  it('accepts each issuer a comma-separated AUTH_ISSUER lists, and no other', async () => {
    const two = { ...settings, AUTH_ISSUER: 'http://localhost:3000/oidc, admissions-dev' };
    const listing = new TokenVerifier(loadEnv(BaseEnv, two, 'test'));
    const fromProvider = signDevToken({ sub: 'cand-1', roles: ['candidate'] }, two);
    const fromToken = signDevToken({ sub: 'cand-1', roles: ['candidate'] }, settings);
    const fromElsewhere = signDevToken({ sub: 'cand-1', roles: ['candidate'] }, { ...settings, AUTH_ISSUER: 'evil' });
    await expect(listing.verify(fromProvider)).resolves.toEqual({ id: 'cand-1', roles: ['candidate'] });
    await expect(listing.verify(fromToken)).resolves.toEqual({ id: 'cand-1', roles: ['candidate'] });
    await expect(listing.verify(fromElsewhere)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(fromProvider)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('says why, without echoing the token', async () => {
    const reasons = await Promise.all(
      forgedTokens(keyDir, ['admin']).map(({ name, token }) =>
        verifier.verify(token).then(
          () => [name, 'accepted'],
          (error: Error) => [name, error.message],
        ),
      ),
    );
    expect(Object.fromEntries(reasons)).toEqual({
      'alg none': 'jwt signature is required',
      'HS256 with the public key': 'invalid algorithm',
      'HS256 with a guessed secret': 'invalid algorithm',
      'RS256 with another key': 'invalid signature',
      expired: 'jwt expired',
      'without expiry': 'token has no expiry',
      'another issuer': 'jwt issuer invalid. expected: admissions-dev',
      'another audience': 'jwt audience invalid. expected: admissions-api',
    });
  });
});
