import { freePort } from '@admissions/testing';
import { type BaseEnv, TokenVerifier } from '@admissions/platform';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadGatewayEnv } from './config/gateway-env';
import { createGatewayApp } from './gateway.app';
import { type CookieJar, type Recorded, recordingServer, signIn } from './gateway.int-helpers';
import { SESSION_COOKIE } from './session/cookies';
import { SessionStore } from './session/session.store';

// A session outlives its access token: the gateway renews it with the refresh token shortly
// before it expires, once for concurrent calls, and ends the session when the provider refuses.
// The development provider (real oidc-provider, rotating refresh tokens) issues 35 s tokens here,
// so a token is due for renewal 5 s after sign-in.
describe('gateway: access tokens renewed with the refresh token', () => {
  let app: NestExpressApplication;
  let upstream: { server: Server; url: string; received: Recorded[] };
  let gateway: string;

  beforeAll(async () => {
    upstream = await recordingServer();
    const port = await freePort();
    gateway = `http://localhost:${port}`;
    app = await createGatewayApp(
      loadGatewayEnv({
        NODE_ENV: 'test',
        PORT: String(port),
        REDIS_URL: process.env.REDIS_URL,
        LOG_LEVEL: 'warn',
        CANDIDACY_URL: upstream.url,
        DEV_ACCESS_TOKEN_SECONDS: '35',
      }),
    );
    await app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    upstream?.server.close();
  });

  const verifier = () =>
    new TokenVerifier({
      AUTH_ISSUER: `${gateway}/oidc`,
      AUTH_AUDIENCE: 'admissions-api',
      AUTH_JWKS_URL: `${gateway}/oidc/jwks`,
      AUTH_DEV_KEY_DIR: '.local/unused',
    } as BaseEnv);
  const forwardedTokens = () =>
    upstream.received.splice(0).map((request) => String(request.headers.authorization).replace(/^Bearer /, ''));
  const call = (jar: CookieJar) => jar.fetch(`${gateway}/api/candidacy/v1/candidacies`);
  const expiresAt = async (jar: CookieJar) =>
    Date.parse(((await (await jar.fetch(`${gateway}/auth/session`)).json()) as { expiresAt: string }).expiresAt);

  it('renews a token about to expire once for concurrent calls; the new one verifies as the same person', async () => {
    const jar = await signIn(gateway, 'camille');
    expect((await call(jar)).status).toBe(200);
    const [first] = forwardedTokens();
    const before = await expiresAt(jar);

    await sleep(Math.max(0, before - 30_000 - Date.now()) + 500);
    const replies = await Promise.all([call(jar), call(jar), call(jar), call(jar)]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    const renewed = [...new Set(forwardedTokens())];
    expect(renewed).toHaveLength(1);
    expect(renewed[0]).not.toBe(first);
    await expect(verifier().verify(renewed[0])).resolves.toEqual({ id: 'candidate-camille', roles: ['candidate'] });
    expect(await expiresAt(jar)).toBeGreaterThan(before);
  }, 60_000);

  it('ends the session when the provider refuses the refresh token: 401, and nothing forwarded', async () => {
    const jar = await signIn(gateway, 'noah');
    const id = String(jar.cookies.get(SESSION_COOKIE));
    const sessions = app.get(SessionStore);
    const session = await sessions.find(id);
    if (session === undefined) throw new Error('no session after sign-in');
    upstream.received.splice(0);
    await sessions.renew(id, {
      ...session,
      refreshToken: 'revoked-or-forged',
      accessTokenExpiresAt: Date.now() + 1_000,
    });

    const reply = await call(jar);
    expect(reply.status).toBe(401);
    expect(upstream.received).toHaveLength(0);
    expect(await sessions.find(id)).toBeUndefined();
  });
});
