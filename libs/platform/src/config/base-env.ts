import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsIn,
  IsInt,
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

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  // Without a JWKS the service trusts a key pair on local disk: acceptable on a workstation,
  // never in production.
  @ValidateIf((env: BaseEnv) => env.NODE_ENV === 'production' || env.AUTH_JWKS_URL !== undefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'AUTH_JWKS_URL must be an http(s) URL (required when NODE_ENV=production)' })
  AUTH_JWKS_URL?: string;

  @IsString({ message: 'AUTH_ISSUER must be a string' })
  AUTH_ISSUER: string = AUTH_DEFAULTS.issuer;

  @IsString({ message: 'AUTH_AUDIENCE must be a string' })
  AUTH_AUDIENCE: string = AUTH_DEFAULTS.audience;

  @IsString({ message: 'AUTH_DEV_KEY_DIR must be a path' })
  AUTH_DEV_KEY_DIR: string = AUTH_DEFAULTS.devKeyDir;
}

export type EnvClass<E extends BaseEnv = BaseEnv> = new () => E;
