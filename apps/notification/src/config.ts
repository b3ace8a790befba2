import { BaseEnv } from '@admissions/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value);
// Anything but 'true' or 'false' stays a string and fails validation: a typo must not turn TLS off.
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The notification service's settings: the platform's, its SMTP server and its sending policy. */
export class NotificationEnv extends BaseEnv {
  override PORT = 3004;

  @IsString({ message: 'SMTP_HOST must be a host name or address' })
  SMTP_HOST = '127.0.0.1';

  @Transform(toNumber)
  @IsInt({ message: 'SMTP_PORT must be an integer from 1 to 65535' })
  @Min(1, { message: 'SMTP_PORT must be an integer from 1 to 65535' })
  @Max(65535, { message: 'SMTP_PORT must be an integer from 1 to 65535' })
  SMTP_PORT = 1025;

  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'SMTP_SECURE must be true or false' })
  SMTP_SECURE = false;

  /** Refuse to send in clear when the server does not offer STARTTLS (production). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'SMTP_REQUIRE_TLS must be true or false' })
  SMTP_REQUIRE_TLS = false;

  @IsOptional()
  @IsString({ message: 'SMTP_USER must be a string' })
  SMTP_USER?: string;

  @IsOptional()
  @IsString({ message: 'SMTP_PASSWORD must be a string' })
  SMTP_PASSWORD?: string;

  /** 'Admissions <admissions@example.org>' or a bare address. */
  @Matches(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, {
    message: 'MAIL_FROM must be an email address, optionally with a name',
  })
  MAIL_FROM = 'Admissions <admissions@localhost>';

  /** Attempts of one sending round before the notification is marked failed. */
  @Transform(toNumber)
  @IsInt({ message: 'SEND_ATTEMPTS must be an integer from 1 to 50' })
  @Min(1, { message: 'SEND_ATTEMPTS must be an integer from 1 to 50' })
  @Max(50, { message: 'SEND_ATTEMPTS must be an integer from 1 to 50' })
  SEND_ATTEMPTS = 10;

  /** First retry delay; it doubles on each attempt (10 attempts from 5 s span about 42 minutes). */
  @Transform(toNumber)
  @IsInt({ message: 'SEND_BACKOFF_MS must be a whole number of milliseconds' })
  @Min(1, { message: 'SEND_BACKOFF_MS must be a whole number of milliseconds' })
  SEND_BACKOFF_MS = 5000;

  /** How often pending notifications without a send job are looked for (start-up, then this period). */
  @Transform(toNumber)
  @IsInt({ message: 'SEND_RECONCILE_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'SEND_RECONCILE_MS must be a whole number of milliseconds' })
  SEND_RECONCILE_MS = 60_000;
}
