import { ConfigError } from '@admissions/platform';
import { loadGatewayEnv } from './gateway-env';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('gateway settings', () => {
  it('outside production, runs its development identity provider at <PUBLIC_URL>/oidc', () => {
    const env = loadGatewayEnv({ REDIS_URL, PORT: '4100' });
    expect(env.PUBLIC_URL).toBe('http://localhost:4100');
    expect(env.OIDC_ISSUER_URL).toBe('http://localhost:4100/oidc');
    expect(env.devIdentityProvider).toBe(true);
  });

  it("uses the institution's provider when one is named, and never the development one in production", () => {
    const named = loadGatewayEnv({ REDIS_URL, OIDC_ISSUER_URL: 'https://login.example.org/realms/school' });
    expect(named.devIdentityProvider).toBe(false);
    expect(() =>
      loadGatewayEnv({ REDIS_URL, NODE_ENV: 'production', PUBLIC_URL: 'https://admissions.example.org' }),
    ).toThrow(
      new ConfigError(
        'config: OIDC_ISSUER_URL must be an http(s) URL (required when NODE_ENV=production); ' +
          'OIDC_CLIENT_ID is required when NODE_ENV=production; OIDC_CLIENT_SECRET is required when NODE_ENV=production',
      ),
    );
  });

  it('sends Secure cookies everywhere but a workstation served at http://localhost', () => {
    expect(loadGatewayEnv({ REDIS_URL }).secureCookies).toBe(false);
    expect(loadGatewayEnv({ REDIS_URL, PUBLIC_URL: 'https://admissions.example.org' }).secureCookies).toBe(true);
    const production = loadGatewayEnv({
      REDIS_URL,
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://localhost:3000',
      OIDC_ISSUER_URL: 'https://login.example.org',
      OIDC_CLIENT_ID: 'portal',
      OIDC_CLIENT_SECRET: 'secret',
    });
    expect(production.secureCookies).toBe(true);
    expect(production.devIdentityProvider).toBe(false);
  });

  it('refuses a role claim that is not a claim name or a dotted path', () => {
    expect(loadGatewayEnv({ REDIS_URL, OIDC_ROLE_CLAIM: 'realm_access.roles' }).OIDC_ROLE_CLAIM).toBe(
      'realm_access.roles',
    );
    expect(() => loadGatewayEnv({ REDIS_URL, OIDC_ROLE_CLAIM: 'a..b' })).toThrow(/OIDC_ROLE_CLAIM/);
  });
});
