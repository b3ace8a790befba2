import { freePort } from '@admissions/testing';
import { type BaseEnv, TokenVerifier } from '@admissions/platform';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { loadGatewayEnv } from './config/gateway-env';
import { createGatewayApp } from './gateway.app';
import { CookieJar, type Recorded, recordingServer, signIn } from './gateway.int-helpers';

// The gateway against the real Redis of `npm test` and its own development identity provider;
// a plain HTTP server stands where the candidacy service would, to see what is forwarded.
describe('gateway: sign-in, sessions, CSRF and forwarding', () => {
  let app: NestExpressApplication;
  let upstream: { server: Server; url: string; received: Recorded[] };
  let gateway: string;
  let closedPort: number;

  beforeAll(async () => {
    upstream = await recordingServer();
    const port = await freePort();
    closedPort = await freePort();
    gateway = `http://localhost:${port}`;
    const env = loadGatewayEnv({
      NODE_ENV: 'test',
      PORT: String(port),
      REDIS_URL: process.env.REDIS_URL,
      LOG_LEVEL: 'warn',
      CANDIDACY_URL: upstream.url,
      REVIEW_URL: `http://127.0.0.1:${closedPort}`,
      // As behind an ingress: the one proxy in front is believed, no further.
      TRUSTED_PROXY_HOPS: '1',
    });
    app = await createGatewayApp(env);
    await app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    upstream?.server.close();
  });

  beforeEach(() => upstream.received.splice(0));

  const csrfOf = async (jar: CookieJar) => {
    const response = await jar.fetch(`${gateway}/auth/session`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  };

  it('without a session answers 401 and forwards nothing', async () => {
    const api = await fetch(`${gateway}/api/candidacy/v1/candidacies`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${gateway}/auth/session`)).status).toBe(401);
    const unknown = await fetch(`${gateway}/api/candidacy/v1/candidacies`, {
      headers: { cookie: 'admissions_session=forged-or-expired' },
    });
    expect(unknown.status).toBe(401);
    expect(upstream.received).toHaveLength(0);
  });

  it('sends /auth/login to the provider with PKCE (S256), state and nonce, and sets an HttpOnly SameSite=Lax cookie', async () => {
    const response = await fetch(`${gateway}/auth/login`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(String(response.headers.get('location')));
    expect(location.href.startsWith(`${gateway}/oidc/auth`)).toBe(true);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const cookie = response.headers.getSetCookie()[0];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Plain http://localhost in test: no Secure attribute, which a browser would drop over http.
    expect(cookie).not.toMatch(/Secure/);
  });

  it('refuses a callback that was not started in this browser', async () => {
    const response = await fetch(`${gateway}/auth/callback?code=abc&state=someone-elses`);
    expect(response.status).toBe(400);
  });

  it('signs a demo candidate in and forwards their access token, which the services verify unchanged', async () => {
    const jar = await signIn(gateway, 'camille');
    const session = (await (await jar.fetch(`${gateway}/auth/session`)).json()) as { sub: string; roles: string[] };
    expect(session).toMatchObject({ sub: 'candidate-camille', roles: ['candidate'] });

    const response = await jar.fetch(`${gateway}/api/candidacy/v1/candidacies?lang=en`, {
      headers: { 'accept-language': 'en' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    const [forwarded] = upstream.received;
    expect(forwarded.url).toBe('/v1/candidacies?lang=en');
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(forwarded.headers['accept-language']).toBe('en');

    // The services' own verifier, configured (not changed) to trust the development provider.
    const token = String(forwarded.headers.authorization).replace(/^Bearer /, '');
    const verifier = new TokenVerifier({
      AUTH_ISSUER: `${gateway}/oidc`,
      AUTH_AUDIENCE: 'admissions-api',
      AUTH_JWKS_URL: `${gateway}/oidc/jwks`,
      AUTH_DEV_KEY_DIR: '.local/unused',
    } as BaseEnv);
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'candidate-camille', roles: ['candidate'] });
  });

  it('passes the browser address its trusted proxy gave on to the service, and nothing a browser added', async () => {
    const jar = await signIn(gateway, 'camille');
    const url = `${gateway}/api/candidacy/v1/candidacies`;
    await jar.fetch(url, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    await jar.fetch(url, { headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.8' } });
    await jar.fetch(url);
    expect(upstream.received.map((request) => request.headers['x-forwarded-for'])).toEqual([
      '203.0.113.7',
      '203.0.113.8',
      '127.0.0.1',
    ]);
  });

  it('refuses a state-changing call without the CSRF token, or with a forged one, and forwards nothing', async () => {
    const jar = await signIn(gateway, 'camille');
    const url = `${gateway}/api/candidacy/v1/candidacies`;
    const missing = await jar.fetch(url, { method: 'POST' });
    expect(missing.status).toBe(403);
    const forged = await jar.fetch(url, { method: 'POST', headers: { 'x-csrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    expect(upstream.received).toHaveLength(0);

    const accepted = await jar.fetch(url, {
      method: 'POST',
      headers: { 'x-csrf-token': await csrfOf(jar), 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'service' }),
    });
    expect(accepted.status).toBe(200);
    expect(upstream.received.map((r) => [r.method, r.body])).toEqual([['POST', '{"hello":"service"}']]);
  });

  it("refuses another session's CSRF token with this session's cookie", async () => {
    const camille = await signIn(gateway, 'camille');
    const noah = await signIn(gateway, 'noah');
    const response = await camille.fetch(`${gateway}/api/candidacy/v1/candidacies`, {
      method: 'POST',
      headers: { 'x-csrf-token': await csrfOf(noah) },
    });
    expect(response.status).toBe(403);
    expect(upstream.received).toHaveLength(0);
  });

  it('logs out: the session is gone from the store, its cookie opens nothing any more', async () => {
    const jar = await signIn(gateway, 'noah');
    const stolen = jar.header();
    const withoutCsrf = await jar.fetch(`${gateway}/auth/logout`, { method: 'POST' });
    expect(withoutCsrf.status).toBe(403);
    const logout = await jar.fetch(`${gateway}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': await csrfOf(jar) },
    });
    expect(logout.status).toBe(200);
    expect(((await logout.json()) as { endSessionUrl: string }).endSessionUrl).toContain('/oidc/session/end');
    const after = await fetch(`${gateway}/api/candidacy/v1/candidacies`, { headers: { cookie: stolen } });
    expect(after.status).toBe(401);
    expect(upstream.received).toHaveLength(0);
  });

  it('answers 503 naming a service that does not answer, and 404 for no such service', async () => {
    const jar = await signIn(gateway, 'camille');
    const down = await jar.fetch(`${gateway}/api/review/v1/worklist`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ type: 'urn:admissions:problem:service-unavailable', service: 'review' });
    expect((await jar.fetch(`${gateway}/api/billing/v1/x`)).status).toBe(404);
  });
});
