// A newcomer's first `npm start` (scripts/start.sh), as the README tells it: five services, the
// portal's gateway and a mail catcher come up, their URLs and the demo logins are printed, an application's receipt can be read in the mail
// catcher, no file under version control changes, and SIGTERM stops what it started. Ports apart from a
// developer's own `npm start`.
import { signDevToken } from '@admissions/platform';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { candidateFile, pdfForm, programmeBody } from './season/fixtures';

const ROOT = join(__dirname, '..');
// Below the kernel's ephemeral range (32768–60999), where an outgoing connection may hold one of
// them (CI, 2026-12-03: the gateway's port 43100 was taken, EADDRINUSE).
const PORTS = {
  gateway: 23100,
  candidacy: 23101,
  review: 23102,
  jury: 23103,
  notification: 23104,
  mobility: 23105,
  mailSmtp: 23125,
  mailWeb: 23180,
};

const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });

// npm start tells the services to trust the gateway's development identity provider beside the
// issuer `npm run token` signs for: a token minted as `npm run token` mints it, with no setting.
function token(subject: string, role: string): string {
  return signDevToken({ sub: subject, roles: [role as never] }, { AUTH_DEV_KEY_DIR: join(ROOT, '.local', 'dev-jwt') });
}

async function call(port: number, method: string, path: string, bearer: string, body?: unknown): Promise<Response> {
  const form = body instanceof FormData;
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body && !form ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

async function expectOk(response: Promise<Response>, what: string): Promise<Record<string, unknown>> {
  const answer = await response;
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${what}: ${answer.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * A fresh build (the services and the portal) and six processes started: about a minute on a quiet
 * machine, over five minutes once on two cores busy with the test run's own servers.
 */
const START_WITHIN_MS = 540_000;

describe('npm start, as a newcomer runs it', () => {
  let child: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  let statusBefore: string;

  beforeAll(async () => {
    statusBefore = gitStatus();
    // A clean environment, as a terminal's: earlier tests in this process leave settings behind.
    const servers = testEnv();
    const { PATH, HOME, LANG } = process.env;
    child = spawn('bash', ['scripts/start.sh'], {
      cwd: ROOT,
      env: {
        PATH,
        HOME,
        LANG,
        KAFKA_BROKERS: servers.kafkaBrokers.join(','),
        MONGO_URL: servers.mongoUrl,
        REDIS_URL: servers.redisUrl,
        ...(servers.ferretdbPgUrl ? { FERRETDB_PG_URL: servers.ferretdbPgUrl } : {}),
        GATEWAY_PORT: String(PORTS.gateway),
        CANDIDACY_PORT: String(PORTS.candidacy),
        REVIEW_PORT: String(PORTS.review),
        JURY_PORT: String(PORTS.jury),
        NOTIFICATION_PORT: String(PORTS.notification),
        MOBILITY_PORT: String(PORTS.mobility),
        MAIL_CATCHER_SMTP_PORT: String(PORTS.mailSmtp),
        MAIL_CATCHER_WEB_PORT: String(PORTS.mailWeb),
        READY_TIMEOUT: '240',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
        return output.includes('logs in .local/logs/') ? true : undefined;
      },
      START_WITHIN_MS,
      500,
    );
  }, START_WITHIN_MS + 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });

  it('prints the five services and the mail catcher, each answering', async () => {
    for (const service of ['candidacy', 'review', 'jury', 'notification', 'mobility'] as const) {
      expect(output).toContain(`http://localhost:${PORTS[service]}`);
      expect((await fetch(`http://127.0.0.1:${PORTS[service]}/health/ready`)).status).toBe(200);
    }
    expect(output).toContain(`http://localhost:${PORTS.mailWeb}`);
    const page = await fetch(`http://127.0.0.1:${PORTS.mailWeb}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('serves the portal at the gateway, prints the demo logins, and its sign-in leads to its identity provider', async () => {
    const gateway = `http://localhost:${PORTS.gateway}`;
    expect(output).toContain(`portal        ${gateway}`);
    expect(output).toMatch(/demo logins \(password "demo"\):\n\s+camille\s+candidate/);
    const portal = await fetch(`${gateway}/`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('<div id="root">');
    const signIn = await fetch(`${gateway}/auth/login`, { redirect: 'manual' });
    expect(signIn.headers.get('location')).toMatch(new RegExp(`^${gateway}/oidc/auth\\?`));
  });

  it('shows the receipt of a submitted application in the mail catcher', async () => {
    const runId = uniqueName('start');
    const code = `MS-${runId.slice(-6).toUpperCase()}`;
    const officer = token('start-officer', 'admissions-officer');
    await expectOk(
      call(PORTS.candidacy, 'POST', '/v1/programmes', officer, programmeBody(code, 10, 'lead-1', new Date())),
      'programme',
    );
    const me = token(`${runId}-candidate`, 'candidate');
    const file = candidateFile(0, runId);
    const { candidacyId } = await expectOk(call(PORTS.candidacy, 'POST', '/v1/candidacies', me), 'open');
    const path = `/v1/candidacies/${String(candidacyId)}`;
    await expectOk(call(PORTS.candidacy, 'PUT', `${path}/identity`, me, file.identity), 'identity');
    await expectOk(call(PORTS.candidacy, 'PUT', `${path}/diplomas`, me, file.diplomas), 'diplomas');
    await expectOk(call(PORTS.candidacy, 'PUT', `${path}/experience`, me, file.experience), 'experience');
    await expectOk(call(PORTS.candidacy, 'PUT', `${path}/programme`, me, { programmeCode: code }), 'programme');
    for (const kind of ['CV', 'MOTIVATION_LETTER'] as const) {
      await expectOk(call(PORTS.candidacy, 'POST', `${path}/documents`, me, await pdfForm(kind, runId)), kind);
    }
    await expectOk(call(PORTS.candidacy, 'POST', `${path}/submission`, me), 'submission');

    const address = file.identity.personal.email;
    const receipt = await eventually(async () => {
      const mails = (await (await fetch(`http://127.0.0.1:${PORTS.mailWeb}/api/email`)).json()) as {
        subject: string;
        to: { address: string }[];
      }[];
      return mails.find((mail) => mail.to.some((to) => to.address === address));
    }, 120_000);
    expect(receipt.subject).toBe(`Candidature reçue : ${code}`);
  });

  it('changes no tracked file, and SIGTERM stops the services it started', async () => {
    expect(gitStatus()).toBe(statusBefore);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const service of ['candidacy', 'review', 'jury', 'notification', 'mobility', 'gateway'] as const) {
      await expect(fetch(`http://127.0.0.1:${PORTS[service]}/health/live`)).rejects.toThrow();
    }
  });
});
