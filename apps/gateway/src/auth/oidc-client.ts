import { isRole, type Role } from '@admissions/platform';
import * as oidc from 'openid-client';
import type { GatewayEnv } from '../config/gateway-env';

export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
}

export interface SignedInUser {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly accessToken: string;
  readonly idToken?: string;
  readonly accessTokenExpiresAt: number;
  /** Kept on the server only; absent when the provider issues none (the session then ends with its access token). */
  readonly refreshToken?: string;
}

/** A new access token for a session, and the refresh token to use next (rotated or the same). */
export interface RefreshedTokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: number;
  readonly refreshToken: string;
}

const SCOPE = 'openid profile email';
/** Seconds an access token is taken to live when the provider does not say. */
const DEFAULT_EXPIRES_IN = 300;

/** Reads a claim by a dotted path (`realm_access.roles`, as Keycloak nests them). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }, claims);
}

/**
 * The gateway as an OpenID Connect relying party: authorization code with PKCE (S256), state
 * and nonce, the client authenticated with its secret. The issuer is discovered on first use
 * and again after a failure, so the gateway starts before its identity provider answers.
 */
export class OidcClient {
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly env: GatewayEnv) {}

  private get redirectUri(): string {
    return `${this.env.PUBLIC_URL}/auth/callback`;
  }

  private discover(): Promise<oidc.Configuration> {
    const { OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, NODE_ENV } = this.env;
    // A workstation's provider answers over plain http; production's never does.
    const options = NODE_ENV === 'production' ? undefined : { execute: [oidc.allowInsecureRequests] };
    this.configuration ??= oidc
      .discovery(new URL(String(OIDC_ISSUER_URL)), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, undefined, options)
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  async authorizationRequest(): Promise<AuthorizationRequest> {
    const configuration = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, codeVerifier, nonce };
  }

  /** Exchanges the code of the callback URL; throws when state, nonce, PKCE or the ID token do not hold. */
  async finish(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<SignedInUser> {
    const configuration = await this.discover();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (claims === undefined) throw new Error('the identity provider returned no ID token');
    const claimed = claimAt(claims, this.env.OIDC_ROLE_CLAIM);
    const expiresIn = tokens.expiresIn() ?? DEFAULT_EXPIRES_IN;
    return {
      sub: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      roles: Array.isArray(claimed) ? claimed.filter(isRole) : [],
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      accessTokenExpiresAt: Date.now() + expiresIn * 1000,
      ...(tokens.refresh_token === undefined ? {} : { refreshToken: tokens.refresh_token }),
    };
  }

  /** Throws when the provider refuses (the refresh token expired, was revoked or already used). */
  async refresh(refreshToken: string): Promise<RefreshedTokens> {
    const tokens = await oidc.refreshTokenGrant(await this.discover(), refreshToken);
    return {
      accessToken: tokens.access_token,
      accessTokenExpiresAt: Date.now() + (tokens.expiresIn() ?? DEFAULT_EXPIRES_IN) * 1000,
      refreshToken: tokens.refresh_token ?? refreshToken,
    };
  }

  /** Where the browser ends its session at the provider, or undefined if it offers no such endpoint. */
  async endSessionUrl(idToken: string | undefined): Promise<string | undefined> {
    const configuration = await this.discover();
    if (configuration.serverMetadata().end_session_endpoint === undefined) return undefined;
    const parameters: Record<string, string> = { post_logout_redirect_uri: `${this.env.PUBLIC_URL}/` };
    if (idToken !== undefined) parameters.id_token_hint = idToken;
    return oidc.buildEndSessionUrl(configuration, parameters).href;
  }
}
