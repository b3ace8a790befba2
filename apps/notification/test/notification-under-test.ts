import { DeploymentNames } from '@admissions/platform';
import { startService, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { NotificationModule } from '../src/notification.module';
import { SmtpSink } from './smtp-sink';
import { SourceEvents } from './source-events';

export const SMTP_USER = 'notifier';
export const SMTP_PASSWORD = 'sink-secret';
export const MAIL_DOMAIN = 'admissions.example.org';

/** The namespace that keeps one test instance apart from every other on the shared servers, kept across its restarts. */
export function isolatedSettings(): Record<string, string> {
  return { DEPLOYMENT_NAMESPACE: uniqueName('notification') };
}

export function namesOf(settings: Record<string, string>): DeploymentNames {
  return new DeploymentNames(settings.DEPLOYMENT_NAMESPACE);
}

export async function startNotification(
  sink: SmtpSink,
  settings: Record<string, string>,
  waitForStartup = true,
  configure?: Parameters<typeof startService>[3],
): Promise<ServiceUnderTest> {
  return startService(
    'notification',
    NotificationModule,
    {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_USER,
      SMTP_PASSWORD,
      MAIL_FROM: `Admissions <admissions@${MAIL_DOMAIN}>`,
      SEND_ATTEMPTS: '5',
      SEND_BACKOFF_MS: '300',
      SEND_RECONCILE_MS: '0',
      ...settings,
    },
    configure,
    waitForStartup,
  );
}

export function newSink(): SmtpSink {
  return new SmtpSink({ user: SMTP_USER, password: SMTP_PASSWORD });
}

export function sourcesFor(settings: Record<string, string>): SourceEvents {
  return new SourceEvents(namesOf(settings));
}

export async function getJson<T>(
  svc: ServiceUnderTest,
  path: string,
  token: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(svc.url + path, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function post(svc: ServiceUnderTest, path: string, token: string): Promise<number> {
  const response = await fetch(svc.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  await response.text();
  return response.status;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
