import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
  ValidateIf,
} from 'class-validator';
import {
  AUTH_DEFAULTS,
  ConfigError,
  LOG_LEVELS,
  type LogLevel,
  NODE_ENVS,
  type NodeEnv,
  type ServiceName,
} from '@admissions/platform';

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value);
const HTTP_URL = /^https?:\/\/[^\s?#]+$/;

/**
 * The gateway's settings. Outside production, an unset OIDC_ISSUER_URL means the embedded
 * development identity provider at `<PUBLIC_URL>/oidc`; in production the institution's issuer,
 * client id and secret must be named.
 */
export class GatewayEnv {
  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @Transform(toNumber)
  @IsInt({ message: 'PORT must be an integer from 0 to 65535' })
  @Min(0, { message: 'PORT must be an integer from 0 to 65535' })
  @Max(65535, { message: 'PORT must be an integer from 0 to 65535' })
  PORT: number = 3000;

  /** Where browsers reach the gateway; the OIDC redirect URI is `<PUBLIC_URL>/auth/callback`. */
  @Matches(HTTP_URL, { message: 'PUBLIC_URL must be an http(s) URL without query or fragment' })
  PUBLIC_URL!: string;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL!: string;

  @ValidateIf((env: GatewayEnv) => env.NODE_ENV === 'production' || env.OIDC_ISSUER_URL !== undefined)
  @Matches(HTTP_URL, { message: 'OIDC_ISSUER_URL must be an http(s) URL (required when NODE_ENV=production)' })
  OIDC_ISSUER_URL?: string;

  @IsNotEmpty({ message: 'OIDC_CLIENT_ID is required when NODE_ENV=production' })
  OIDC_CLIENT_ID!: string;

  @IsNotEmpty({ message: 'OIDC_CLIENT_SECRET is required when NODE_ENV=production' })
  OIDC_CLIENT_SECRET!: string;

  /** Where the ID token carries the user's roles; a dotted path reads nested claims (`realm_access.roles`). */
  @Matches(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, {
    message: 'OIDC_ROLE_CLAIM must be a claim name or a dotted path',
  })
  OIDC_ROLE_CLAIM: string = 'roles';

  /** The audience the services expect (their AUTH_AUDIENCE): the resource the gateway asks tokens for. */
  @IsNotEmpty({ message: 'OIDC_AUDIENCE must not be empty' })
  OIDC_AUDIENCE: string = AUTH_DEFAULTS.audience;

  /** A session unused this long ends (or, with a provider that issues no refresh token, when its access token expires). */
  @Transform(toNumber)
  @IsInt({ message: 'SESSION_IDLE_SECONDS must be a whole number of seconds, at least 60' })
  @Min(60, { message: 'SESSION_IDLE_SECONDS must be a whole number of seconds, at least 60' })
  SESSION_IDLE_SECONDS: number = 1800;

  /**
   * Proxies in front of the gateway (the ingress) whose X-Forwarded-For gives the browser's
   * address; the gateway passes that address on, so the services' per-address limits count
   * each person rather than the ingress.
   */
  @Transform(toNumber)
  @IsInt({ message: 'TRUSTED_PROXY_HOPS must be a whole number, 0 or more' })
  @Min(0, { message: 'TRUSTED_PROXY_HOPS must be a whole number, 0 or more' })
  TRUSTED_PROXY_HOPS: number = 0;

  @Matches(HTTP_URL, { message: 'CANDIDACY_URL must be an http(s) URL' }) CANDIDACY_URL: string =
    'http://127.0.0.1:3001';
  @Matches(HTTP_URL, { message: 'REVIEW_URL must be an http(s) URL' }) REVIEW_URL: string = 'http://127.0.0.1:3002';
  @Matches(HTTP_URL, { message: 'JURY_URL must be an http(s) URL' }) JURY_URL: string = 'http://127.0.0.1:3003';
  @Matches(HTTP_URL, { message: 'NOTIFICATION_URL must be an http(s) URL' })
  NOTIFICATION_URL: string = 'http://127.0.0.1:3004';
  @Matches(HTTP_URL, { message: 'MOBILITY_URL must be an http(s) URL' }) MOBILITY_URL: string = 'http://127.0.0.1:3005';

  /** The built web app (`npm run build` writes it). */
  @IsString() WEB_DIST_DIR: string = 'dist/web';

  /** The development identity provider's access-token lifetime; the gateway renews before it ends. */
  @Transform(toNumber)
  @IsInt({ message: 'DEV_ACCESS_TOKEN_SECONDS must be a whole number of seconds, at least 35' })
  @Min(35, { message: 'DEV_ACCESS_TOKEN_SECONDS must be a whole number of seconds, at least 35' })
  DEV_ACCESS_TOKEN_SECONDS: number = 3600;

  /** Development identity provider's signing key pair (shared with `npm run token`). */
  @IsString() AUTH_DEV_KEY_DIR: string = AUTH_DEFAULTS.devKeyDir;

  /** The embedded development identity provider runs (never in production). */
  get devIdentityProvider(): boolean {
    return this.NODE_ENV !== 'production' && this.OIDC_ISSUER_URL === `${this.PUBLIC_URL}/oidc`;
  }

  /**
   * Browsers drop a Secure cookie sent over plain http, so on a development workstation served
   * at http://localhost the session cookie goes without it; everywhere else it is Secure.
   */
  get secureCookies(): boolean {
    return !(this.NODE_ENV !== 'production' && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(this.PUBLIC_URL));
  }
}

/** The upstream of `/api/<service>/…`. */
export function serviceUrl(env: GatewayEnv, service: ServiceName): string {
  const urls: Record<ServiceName, string> = {
    candidacy: env.CANDIDACY_URL,
    review: env.REVIEW_URL,
    jury: env.JURY_URL,
    notification: env.NOTIFICATION_URL,
    mobility: env.MOBILITY_URL,
  };
  return urls[service];
}

/** The embedded provider's one client, known to both ends without configuration. */
const DEV_CLIENT = { id: 'admissions-portal', secret: 'admissions-portal-dev-secret' } as const;

/** Reads and validates the settings; throws a ConfigError naming every bad one on one line. */
export function loadGatewayEnv(source: NodeJS.ProcessEnv): GatewayEnv {
  const declared = getMetadataStorage().getTargetValidationMetadatas(GatewayEnv, '', true, false);
  const raw: Record<string, string> = {};
  for (const { propertyName: key } of declared) {
    const value = source[key];
    // An empty variable is how shells and compose files say "unset".
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  const env = plainToInstance(GatewayEnv, raw);
  env.PUBLIC_URL ??= `http://localhost:${env.PORT}`;
  env.PUBLIC_URL = env.PUBLIC_URL.replace(/\/$/, '');
  if (env.NODE_ENV !== 'production') {
    env.OIDC_ISSUER_URL ??= `${env.PUBLIC_URL}/oidc`;
    env.OIDC_CLIENT_ID ??= DEV_CLIENT.id;
    env.OIDC_CLIENT_SECRET ??= DEV_CLIENT.secret;
  }
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`);
    throw new ConfigError(`config: ${lines.join('; ')}`);
  }
  return env;
}
