// What every browser test of the portal needs: the gateway (and its development identity
// provider) in front of the services a test started, Debian's chromium, axe and a screenshot on
// every screen visited, and the French sign-in of the demo accounts.
import AxeBuilder from '@axe-core/playwright';
import { closeWithin, eventually, freePort, uniqueName } from '@admissions/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loadGatewayEnv } from '../../apps/gateway/src/config/gateway-env';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIST = join(__dirname, '..', '..', 'dist', 'web');

/** Where the gateway forwards each service's API; a service a test did not start is left out. */
export type ServiceUrls = Partial<
  Record<'CANDIDACY_URL' | 'REVIEW_URL' | 'JURY_URL' | 'NOTIFICATION_URL' | 'MOBILITY_URL', string>
>;

export class PortalHarness {
  /** Each screen's serious or critical violations, printed after the test. */
  readonly axeSummary: string[] = [];
  private gateway: NestExpressApplication | undefined;
  private browser: Browser | undefined;
  // The page in front, photographed when a step fails so that a person sees where it stopped.
  private inFront: Page | undefined;

  private constructor(
    readonly url: string,
    private readonly port: number,
    private readonly shots: string,
  ) {}

  /** A port for the gateway, known before the services start since they must trust its issuer. */
  static async reserve(name: string): Promise<PortalHarness> {
    if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('no dist/web: run `npm run build:web` first');
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: scripts/install-browser.sh installs it`);
    const shots = join(__dirname, '..', '..', '.local', 'screenshots', name);
    // This run's screenshots only.
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    return new PortalHarness(`http://localhost:${port}`, port, shots);
  }

  /** The services verify tokens as always; they are only told whose tokens to trust. */
  trust(): Record<string, string> {
    return {
      AUTH_ISSUER: `${this.url}/oidc`,
      AUTH_AUDIENCE: 'admissions-api',
      AUTH_JWKS_URL: `${this.url}/oidc/jwks`,
      DEPLOYMENT_NAMESPACE: uniqueName('portal'),
    };
  }

  async start(services: ServiceUrls): Promise<void> {
    const env = loadGatewayEnv({
      NODE_ENV: 'test',
      PORT: String(this.port),
      REDIS_URL: process.env.REDIS_URL,
      LOG_LEVEL: 'warn',
      ...services,
      WEB_DIST_DIR: WEB_DIST,
    });
    this.gateway = await createGatewayApp(env);
    await this.gateway.listen(this.port, '127.0.0.1');
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  }

  async close(): Promise<void> {
    await closeWithin('the browser', async () => this.browser?.close());
    await closeWithin('the gateway', async () => this.gateway?.close());
    process.stdout.write(`axe (serious or critical violations per screen):\n${this.axeSummary.join('\n')}\n`);
  }

  /** A browser of one's own (cookies, locale, time zone), its page in front. */
  async open(options: { locale?: string; timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
    if (this.browser === undefined) throw new Error('start the portal first');
    const context = await this.browser.newContext({ locale: 'fr-FR', ...options });
    // Two cores shared by the whole test run: a screen may take more than the default 30 s.
    context.setDefaultTimeout(60_000);
    this.inFront = await context.newPage();
    return { context, page: this.inFront };
  }

  /** Brings a page back in front (the one photographed on failure). */
  focus(page: Page): void {
    this.inFront = page;
  }

  /** Runs a test's steps; on failure the page in front is photographed as `failure.png`. */
  async photographFailure(steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      await this.inFront?.screenshot({ path: join(this.shots, 'failure.png'), fullPage: true }).catch(() => undefined);
      throw error;
    }
  }

  /** Axe on the screen as it is; no serious or critical violation; a screenshot for a person. */
  async check(page: Page, step: string): Promise<void> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    this.axeSummary.push(`${step}: ${grave.length} (${violations.length} in all)`);
    await page.screenshot({ path: join(this.shots, `${step}.png`), fullPage: true });
    expect(grave.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }

  /** Signs a demo account in (password `demo`), in French; `shot` photographs the provider's form. */
  async signIn(page: Page, login: string, shot?: string): Promise<void> {
    await page.goto(this.url);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill('demo');
    if (shot !== undefined) await this.check(page, shot);
    await page.getByRole('button', { name: /Se connecter/ }).click();
    await page.getByText(/Connecté·e/).waitFor();
  }
}

/** Asks the screen again (its Refresh button) until what the service learnt through Kafka shows. */
export async function refreshUntil(page: Page, shows: Locator): Promise<void> {
  await eventually(async () => {
    await page.getByRole('button', { name: 'Actualiser' }).click();
    return shows.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => undefined,
    );
  }, 90_000);
}

/** A Paris time as a datetime-local input takes it: `2027-01-20T10:00`. */
export function parisInput(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}
