import { ensureDevKeyPair } from '@admissions/platform';
import { createHash, createPrivateKey } from 'node:crypto';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { GatewayEnv } from '../config/gateway-env';
import { accountBySub } from './demo-accounts';
import { logoutPage } from './pages';

/** The API the services form, as a resource indicator; its tokens carry the services' audience. */
const API_RESOURCE = 'urn:admissions:api';
const API_SCOPE = 'api';
export const DEV_PROVIDER_PATH = '/oidc';

/**
 * The development identity provider (`oidc-provider`, certified OpenID Connect), served by the
 * gateway under /oidc outside production. It signs with the development key pair of
 * AUTH_DEV_KEY_DIR, so its keys survive restarts; its access tokens are RS256 JWTs carrying
 * `roles`, the audience OIDC_AUDIENCE and its issuer URL: the services accept them when their
 * AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL name it.
 */
export function createDevIdentityProvider(env: GatewayEnv): Provider {
  const { privateKey } = ensureDevKeyPair(env.AUTH_DEV_KEY_DIR);
  const jwk = { ...createPrivateKey(privateKey).export({ format: 'jwk' }), kid: 'dev', alg: 'RS256', use: 'sig' };
  // Cookie signing keys derived from the private key: stable across restarts, secret as it is.
  const cookieKey = createHash('sha256').update(privateKey).update('cookies').digest('base64url');
  const accessTokenSeconds = env.DEV_ACCESS_TOKEN_SECONDS;

  const configuration: Configuration = {
    clients: [
      {
        client_id: env.OIDC_CLIENT_ID,
        client_secret: env.OIDC_CLIENT_SECRET,
        redirect_uris: [`${env.PUBLIC_URL}/auth/callback`],
        post_logout_redirect_uris: [`${env.PUBLIC_URL}/`],
        response_types: ['code'],
        grant_types: ['authorization_code', 'refresh_token'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [cookieKey] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: accessTokenSeconds,
      IdToken: accessTokenSeconds,
      RefreshToken: 8 * 3600,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    scopes: ['openid', 'profile', 'email', API_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'roles'], email: ['email'] },
    // The ID token carries the profile (name, roles): the gateway reads the roles from it.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = accountBySub(sub);
      if (account === undefined) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: account.name,
          email: `${account.sub}@demo.invalid`,
          roles: [...account.roles],
        }),
      };
    },
    async extraTokenClaims(_ctx, token) {
      const account = 'accountId' in token ? accountBySub(String(token.accountId)) : undefined;
      return account === undefined ? undefined : { roles: [...account.roles] };
    },
    // As Keycloak does for a confidential client: a refresh token with every code, rotated on use.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    interactions: { url: (_ctx, interaction) => `${DEV_PROVIDER_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = logoutPage(form);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: env.OIDC_AUDIENCE,
            accessTokenTTL: accessTokenSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  };
  return new Provider(`${env.PUBLIC_URL}${DEV_PROVIDER_PATH}`, configuration);
}
