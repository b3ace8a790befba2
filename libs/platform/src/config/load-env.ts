import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { AUTH_DEFAULTS, type BaseEnv, type EnvClass } from './base-env';

/** A setting is missing or malformed; its message is the one line printed before exiting. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The settings an env class declares: every property that carries a validator. */
function declaredSettings(envClass: EnvClass<BaseEnv>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(envClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function describe(error: ValidationError, raw: Record<string, string>): string {
  const messages = Object.values(error.constraints ?? {});
  if (raw[error.property] === undefined && error.value === undefined) {
    return messages.find((m) => m.includes('required')) ?? `${error.property} is required`;
  }
  return messages[0] ?? `${error.property} is invalid`;
}

/**
 * Reads the declared settings from `source` (process.env), applies the defaults that depend
 * on the service's name and port, and validates. Throws a ConfigError whose message is one line naming
 * every bad setting, e.g. `config: MONGO_URL must be a mongodb:// URL`.
 */
export function loadEnv<E extends BaseEnv>(envClass: EnvClass<E>, source: NodeJS.ProcessEnv, serviceName: string): E {
  const raw: Record<string, string> = {};
  for (const key of declaredSettings(envClass)) {
    const value = source[key];
    // An empty variable is how shells and compose files say "unset".
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  raw.SERVICE_NAME ??= serviceName;
  raw.MONGO_DB ??= `admissions_${raw.SERVICE_NAME.replace(/-/g, '_')}`;
  raw.KEY_STORE_DB ??= keyStoreDbOf(raw.DEPLOYMENT_NAMESPACE);

  const env = plainToInstance(envClass, raw);
  // PORT has its default only now, from the env class.
  env.PUBLIC_BASE_URL ??= `http://localhost:${env.PORT}`;
  env.RATE_LIMIT_ENABLED ??= env.NODE_ENV === 'production';
  if (env.NODE_ENV !== 'production') {
    env.AUTH_ISSUER ??= AUTH_DEFAULTS.issuer;
    env.AUTH_AUDIENCE ??= AUTH_DEFAULTS.audience;
  }
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(`config: ${errors.map((e) => describe(e, raw)).join('; ')}`);
  }
  return env;
}

/** The services of one deployment share one key store; deployments (test instances) do not. */
function keyStoreDbOf(namespace: string | undefined): string {
  if (!namespace) return 'admissions_keys';
  return `keys_${createHash('sha256').update(namespace).digest('hex').slice(0, 16)}`;
}
