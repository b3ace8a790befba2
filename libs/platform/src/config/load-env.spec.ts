import { IsInt, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { BaseEnv } from './base-env';
import { ConfigError, loadEnv } from './load-env';

const valid = {
  KAFKA_BROKERS: 'localhost:9092, kafka-2:9092',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

class JuryEnv extends BaseEnv {
  override PORT = 3003;

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'OFFER_DAYS must be a whole number of days' })
  @Min(1, { message: 'OFFER_DAYS must be a whole number of days' })
  OFFER_DAYS = 10;
}

function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnv', () => {
  it('reads the settings, parses lists and numbers, and fills the name-based defaults', () => {
    const env = loadEnv(BaseEnv, { ...valid, PORT: '4000' }, 'candidacy');
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4000,
      SERVICE_NAME: 'candidacy',
      KAFKA_BROKERS: ['localhost:9092', 'kafka-2:9092'],
      MONGO_DB: 'admissions_candidacy',
      LOG_LEVEL: 'info',
      AUTH_DEV_KEY_DIR: '.local/dev-jwt',
    });
    expect(env.AUTH_JWKS_URL).toBeUndefined();
  });

  it("keeps an app's own defaults and settings", () => {
    const env = loadEnv(JuryEnv, { ...valid, OFFER_DAYS: '14' }, 'jury');
    expect(env.PORT).toBe(3003);
    expect(env.OFFER_DAYS).toBe(14);
    expect(env.MONGO_DB).toBe('admissions_jury');
  });

  it('defaults the public base URL to the local port, and takes a configured one', () => {
    expect(loadEnv(JuryEnv, valid, 'jury').PUBLIC_BASE_URL).toBe('http://localhost:3003');
    const configured = loadEnv(JuryEnv, { ...valid, PUBLIC_BASE_URL: 'https://admissions.example.org/jury' }, 'jury');
    expect(configured.PUBLIC_BASE_URL).toBe('https://admissions.example.org/jury');
    expect(failureOf(() => loadEnv(JuryEnv, { ...valid, PUBLIC_BASE_URL: 'jury:3003' }, 'jury'))).toBe(
      'config: PUBLIC_BASE_URL must be an http(s) URL without query or fragment',
    );
  });

  it('names a malformed setting in one line', () => {
    const message = failureOf(() => loadEnv(BaseEnv, { ...valid, MONGO_URL: 'foo' }, 'review'));
    expect(message).toBe('config: MONGO_URL must be a mongodb:// URL');
  });

  it('names every missing setting, still on one line; an empty variable counts as missing', () => {
    const message = failureOf(() => loadEnv(BaseEnv, { MONGO_URL: valid.MONGO_URL, REDIS_URL: '  ' }, 'review'));
    expect(message).toBe('config: KAFKA_BROKERS is required; REDIS_URL is required');
    expect(message).not.toContain('\n');
  });

  it.each([
    ['PORT', 'http', 'PORT must be an integer from 0 to 65535'],
    ['PORT', '70000', 'PORT must be an integer from 0 to 65535'],
    ['KAFKA_BROKERS', 'kafka', 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL must be a redis:// URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    ['OFFER_DAYS', '0', 'OFFER_DAYS must be a whole number of days'],
    ['KAFKA_HEARTBEAT_MS', '50', 'KAFKA_HEARTBEAT_MS must be a whole number of milliseconds from 100 to 10000'],
    ['KAFKA_HEARTBEAT_MS', '60000', 'KAFKA_HEARTBEAT_MS must be a whole number of milliseconds from 100 to 10000'],
  ])('refuses %s=%s', (key, value, expected) => {
    expect(failureOf(() => loadEnv(JuryEnv, { ...valid, [key]: value }, 'jury'))).toBe(`config: ${expected}`);
  });

  it('refuses to run in production on the local dev keys', () => {
    const named = { AUTH_ISSUER: 'https://idp', AUTH_AUDIENCE: 'admissions' };
    expect(failureOf(() => loadEnv(BaseEnv, { ...valid, ...named, NODE_ENV: 'production' }, 'jury'))).toBe(
      'config: AUTH_JWKS_URL must be an http(s) URL (required when NODE_ENV=production)',
    );
    const idp = { AUTH_JWKS_URL: 'https://idp/jwks', ...named };
    const env = loadEnv(BaseEnv, { ...valid, NODE_ENV: 'production', ...idp }, 'jury');
    expect(env).toMatchObject(idp);
  });

  it("requires the identity provider's issuer and audience in production, and fills in the development ones elsewhere", () => {
    const production = { ...valid, NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp/jwks' };
    expect(failureOf(() => loadEnv(BaseEnv, production, 'jury'))).toBe(
      'config: AUTH_ISSUER is required when NODE_ENV=production; AUTH_AUDIENCE is required when NODE_ENV=production',
    );
    expect(failureOf(() => loadEnv(BaseEnv, { ...production, AUTH_ISSUER: 'https://idp' }, 'jury'))).toBe(
      'config: AUTH_AUDIENCE is required when NODE_ENV=production',
    );
    expect(loadEnv(BaseEnv, valid, 'jury')).toMatchObject({
      AUTH_ISSUER: 'admissions-dev',
      AUTH_AUDIENCE: 'admissions-api',
    });
  });
});
