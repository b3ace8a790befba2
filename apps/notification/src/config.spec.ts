import { ConfigError, loadEnv } from '@admissions/platform';
import { NotificationEnv } from './config';

const servers = {
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('notification settings', () => {
  it('defaults to a local SMTP relay without credentials', () => {
    const env = loadEnv(NotificationEnv, servers, 'notification');
    expect(env).toMatchObject({
      PORT: 3004,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1025,
      SMTP_SECURE: false,
      SMTP_REQUIRE_TLS: false,
      MAIL_FROM: 'Admissions <admissions@localhost>',
      SEND_ATTEMPTS: 10,
      DEPLOYMENT_NAMESPACE: '',
    });
    expect(env.SMTP_USER).toBeUndefined();
  });

  it('reads the SMTP server, TLS, credentials and sender from the environment', () => {
    const env = loadEnv(
      NotificationEnv,
      {
        ...servers,
        SMTP_HOST: 'smtp.example.org',
        SMTP_PORT: '465',
        SMTP_SECURE: 'true',
        SMTP_USER: 'notifier',
        SMTP_PASSWORD: 's3cret',
        MAIL_FROM: 'admissions@example.org',
      },
      'notification',
    );
    expect(env).toMatchObject({
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: 465,
      SMTP_SECURE: true,
      SMTP_USER: 'notifier',
    });
  });

  it.each([
    ['SMTP_PORT', '70000', 'SMTP_PORT must be an integer from 1 to 65535'],
    ['SMTP_SECURE', 'yes', 'SMTP_SECURE must be true or false'],
    ['MAIL_FROM', 'admissions', 'MAIL_FROM must be an email address, optionally with a name'],
    ['SEND_ATTEMPTS', '0', 'SEND_ATTEMPTS must be an integer from 1 to 50'],
  ])('refuses %s=%s in one line', (key, value, message) => {
    expect(() => loadEnv(NotificationEnv, { ...servers, [key]: value }, 'notification')).toThrow(
      new ConfigError(`config: ${message}`),
    );
  });
});
