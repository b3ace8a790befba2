import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Defaults shared with the scripts that sign dev tokens, so both ends agree without a config. */
/** The issuers a comma-separated AUTH_ISSUER names, in its order (the setting itself if it names none). */
export function issuersOf(setting: string): [string, ...string[]] {
  const [first = setting, ...others] = setting
    .split(',')
    .map((issuer) => issuer.trim())
    .filter((issuer) => issuer !== '');
  return [first, ...others];
}

export const AUTH_DEFAULTS = {
  issuer: 'admissions-dev',
  audience: 'admissions-api',
  devKeyDir: '.local/dev-jwt',
} as const;

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    : value;

/** A setting for workstations only. */
@ValidatorConstraint({ name: 'notInProduction' })
class NotInProduction implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return (args.object as { NODE_ENV?: string }).NODE_ENV !== 'production';
  }
}

/**
 * The settings every service reads from its environment. An app extends it to add its own and
 * to change a default (its PORT); every property carries a validator so that loadEnv knows it.
 * MONGO_DB and SERVICE_NAME default from the service's name in loadEnv.
 */
export class BaseEnv {
  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @Transform(toNumber)
  @IsInt({ message: 'PORT must be an integer from 0 to 65535' })
  @Min(0, { message: 'PORT must be an integer from 0 to 65535' })
  @Max(65535, { message: 'PORT must be an integer from 0 to 65535' })
  PORT: number = 3000;

  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'SERVICE_NAME must be lower-case letters, digits and dashes' })
  SERVICE_NAME!: string;

  @Transform(toList)
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one host:port' })
  @Matches(/^[^\s:/,]+:\d{1,5}$/, { each: true, message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string[];

  /**
   * Caps the replication factor of the topics the service creates (the topic registry's: 3);
   * unset, the brokers in the cluster cap it, so a single local broker gets 1 (see topic-provisioning).
   */
  @ValidateIf((env: BaseEnv) => env.KAFKA_REPLICATION_FACTOR !== undefined)
  @Transform(toNumber)
  @IsInt({ message: 'KAFKA_REPLICATION_FACTOR must be a whole number from 1' })
  @Min(1, { message: 'KAFKA_REPLICATION_FACTOR must be a whole number from 1' })
  KAFKA_REPLICATION_FACTOR?: number;

  /**
   * How often a consumer heartbeats, and so how soon it learns of a rebalance (default 10 s: half
   * an idle group's requests); tests set 1 s so that replicas joining and leaving settle fast.
   */
  @ValidateIf((env: BaseEnv) => env.KAFKA_HEARTBEAT_MS !== undefined)
  @Transform(toNumber)
  @IsInt({ message: 'KAFKA_HEARTBEAT_MS must be a whole number of milliseconds from 100 to 10000' })
  @Min(100, { message: 'KAFKA_HEARTBEAT_MS must be a whole number of milliseconds from 100 to 10000' })
  @Max(10_000, { message: 'KAFKA_HEARTBEAT_MS must be a whole number of milliseconds from 100 to 10000' })
  KAFKA_HEARTBEAT_MS?: number;

  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URL must be a mongodb:// URL' })
  MONGO_URL!: string;

  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGO_DB must be 1 to 63 letters, digits, _ or -' })
  MONGO_DB!: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL!: string;

  /** Moves the service's clock this many days ahead (workstations only: refused in production). */
  @ValidateIf((env: BaseEnv) => env.CLOCK_SHIFT_DAYS !== undefined)
  @Transform(toNumber)
  @IsInt({ message: 'CLOCK_SHIFT_DAYS must be a whole number of days' })
  @Validate(NotInProduction, { message: 'CLOCK_SHIFT_DAYS is refused when NODE_ENV=production' })
  CLOCK_SHIFT_DAYS?: number;

  /**
   * The key store of persons' data keys (crypto-shredding, docs/security.md), shared by the five
   * services: a MongoDB database of its own, on MONGO_URL's server unless this names another.
   */
  @ValidateIf((env: BaseEnv) => env.KEY_STORE_URL !== undefined)
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'KEY_STORE_URL must be a mongodb:// URL' })
  KEY_STORE_URL?: string;

  /** The key store's database; loadEnv derives it from DEPLOYMENT_NAMESPACE (one per deployment). */
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'KEY_STORE_DB must be 1 to 63 letters, digits, _ or -' })
  KEY_STORE_DB!: string;

  /** Only where the MongoDB-wire server is FerretDB over PostgreSQL (local runs): see ferretdb-gin-indexes. */
  @ValidateIf((env: BaseEnv) => env.FERRETDB_PG_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'FERRETDB_PG_URL must be a postgres:// URL' })
  FERRETDB_PG_URL?: string;

  /**
   * Prefixes every topic, consumer group and queue name (DeploymentNames): deployments sharing a
   * broker or a Redis, such as test instances, keep apart. Empty in production.
   */
  @Matches(/^[A-Za-z0-9_-]{0,100}$/, { message: 'DEPLOYMENT_NAMESPACE must be up to 100 letters, digits, _ or -' })
  DEPLOYMENT_NAMESPACE: string = '';

  /**
   * Where subscribers reach this service over HTTP, e.g. https://admissions.example.org/jury: the
   * event schemas it serves are under it, and so is every ce_dataschema it writes. loadEnv
   * defaults it to http://localhost:<PORT>.
   */
  @Matches(/^https?:\/\/[^\s?#]+$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL without query or fragment' })
  PUBLIC_BASE_URL!: string;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  // Without a JWKS the service trusts a key pair on local disk: acceptable on a workstation,
  // never in production.
  @ValidateIf((env: BaseEnv) => env.NODE_ENV === 'production' || env.AUTH_JWKS_URL !== undefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'AUTH_JWKS_URL must be an http(s) URL (required when NODE_ENV=production)' })
  AUTH_JWKS_URL?: string;

  // Tokens are checked against both, always. loadEnv fills in the development ones outside
  // production; in production the identity provider's must be named. AUTH_ISSUER may list several
  // issuers, comma-separated (an identity provider being replaced; `npm start`'s provider beside
  // the issuer `npm run token` signs for): a token from any of them is accepted.
  @IsNotEmpty({ message: 'AUTH_ISSUER is required when NODE_ENV=production' })
  @IsString({ message: 'AUTH_ISSUER must be a string' })
  AUTH_ISSUER!: string;

  @IsNotEmpty({ message: 'AUTH_AUDIENCE is required when NODE_ENV=production' })
  @IsString({ message: 'AUTH_AUDIENCE must be a string' })
  AUTH_AUDIENCE!: string;

  /** Browser origins allowed to call the API (CORS); none by default, so CORS stays closed. */
  @Transform(toList)
  @Matches(/^https?:\/\/[^\s/]+$/, {
    each: true,
    message: 'CORS_ALLOWED_ORIGINS must be a comma-separated list of origins such as https://admissions.example.org',
  })
  CORS_ALLOWED_ORIGINS: string[] = [];

  @IsString({ message: 'AUTH_DEV_KEY_DIR must be a path' })
  AUTH_DEV_KEY_DIR: string = AUTH_DEFAULTS.devKeyDir;

  /**
   * Limits commands and uploads per user and per client address, counted in Redis across the
   * replicas (rate-limit.module.ts). loadEnv turns it on in production and off elsewhere unless
   * set: the test suites and `npm run season` send thousands of commands from one address.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value === 'true' : value))
  @IsBoolean({ message: 'RATE_LIMIT_ENABLED must be true or false' })
  RATE_LIMIT_ENABLED!: boolean;

  @Transform(toNumber)
  @IsInt({ message: 'RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds, at least 1' })
  @Min(1, { message: 'RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds, at least 1' })
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  @Transform(toNumber)
  @IsInt({ message: 'RATE_LIMIT_USER_COMMANDS must be a whole number, at least 1' })
  @Min(1, { message: 'RATE_LIMIT_USER_COMMANDS must be a whole number, at least 1' })
  RATE_LIMIT_USER_COMMANDS: number = 120;

  @Transform(toNumber)
  @IsInt({ message: 'RATE_LIMIT_ADDRESS_COMMANDS must be a whole number, at least 1' })
  @Min(1, { message: 'RATE_LIMIT_ADDRESS_COMMANDS must be a whole number, at least 1' })
  RATE_LIMIT_ADDRESS_COMMANDS: number = 600;

  @Transform(toNumber)
  @IsInt({ message: 'RATE_LIMIT_UPLOADS must be a whole number, at least 1' })
  @Min(1, { message: 'RATE_LIMIT_UPLOADS must be a whole number, at least 1' })
  RATE_LIMIT_UPLOADS: number = 20;

  /** Proxies (ingress, load balancer) in front of the service whose X-Forwarded-For it believes: the client address is the one they saw. */
  @Transform(toNumber)
  @IsInt({ message: 'TRUSTED_PROXY_HOPS must be a whole number, 0 or more' })
  @Min(0, { message: 'TRUSTED_PROXY_HOPS must be a whole number, 0 or more' })
  TRUSTED_PROXY_HOPS: number = 0;
}

export type EnvClass<E extends BaseEnv = BaseEnv> = new () => E;
