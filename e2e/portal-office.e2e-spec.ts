// The rectorate's and the admissions office's screens of the portal in a real browser, against the
// real gateway, its development identity provider, the jury and notification services (one
// deployment, meeting through Kafka) and the servers of `npm test`. A candidate refused everywhere
// refers the case; the rectorate officer records proposals (one refused, REC-5) and sends them;
// the candidate accepts one. The emails of the journey fail while the SMTP server is down; the
// admissions officer sends one again from the screen once it is back. Axe checks each screen (a
// state that adds no component to one checked already is not checked again, for time);
// screenshots go to .local/screenshots/portal-office.
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK, DeploymentNames } from '@admissions/platform';
import { eventually, samplePdf, startService, type ServiceUnderTest } from '@admissions/testing';
import type { Locator, Page } from 'playwright-core';
import { JuryModule } from '../apps/jury/src/jury.module';
import { ProgrammeAdmissionsWriter } from '../apps/jury/src/application/programme-admissions.writer';
import { seedProgramme } from '../apps/jury/src/jury.int-helpers';
import { candidacyEvents } from '../apps/notification/test/journey-events';
import { newSink, startNotification } from '../apps/notification/test/notification-under-test';
import { SourceEvents } from '../apps/notification/test/source-events';
import { PortalHarness, refreshUntil } from './portal/portal-harness';

// The demo accounts' subjects (apps/gateway/src/dev-identity/demo-accounts.ts).
const CAMILLE = 'candidate-camille';
const CAMILLE_EMAIL = 'camille.martin@example.org';
const JUROR = { id: 'jury-member-1', roles: ['jury-member'] };

describe('portal: the rectorate and the admissions office in a browser', () => {
  let portal: PortalHarness;
  let jury: ServiceUnderTest;
  let notification: ServiceUnderTest;
  const sink = newSink();
  // Juries sit from January to July (JURY-1); the proposals come by 31 October (REC-6).
  const juryClock = new ManualClock(new Date('2027-06-01T09:00:00+02:00'));

  beforeAll(async () => {
    portal = await PortalHarness.reserve('portal-office');
    const trust = portal.trust();
    // The SMTP server's port, known and then closed: every email fails until it is back.
    await sink.start();
    await sink.stop();
    jury = await startService('jury', JuryModule, trust, (b) => b.overrideProvider(CLOCK).useValue(juryClock));
    notification = await startNotification(sink, { ...trust, SEND_ATTEMPTS: '1', SEND_BACKOFF_MS: '100' });
    await portal.start({ JURY_URL: jury.url, NOTIFICATION_URL: notification.url });

    // Camille's address, as the candidacy service's events give it (the service is not started).
    const sources = new SourceEvents(new DeploymentNames(trust.DEPLOYMENT_NAMESPACE));
    const camille = {
      candidateId: CAMILLE,
      candidacyId: 'candidacy-camille',
      email: CAMILLE_EMAIL,
      firstName: 'Camille',
      language: 'fr' as const,
    };
    await sources.publish('candidacy', 'candidacy-camille', 'CandidacyOpened', candidacyEvents.opened(camille));
    await sources.publish(
      'candidacy',
      'candidacy-camille',
      'IdentityUpdated',
      candidacyEvents.identityUpdated(camille),
    );
    await sources.close();

    // Camille refused by the one programme she applied to, through the jury's own writer; two
    // programmes with free seats for the rectorate's proposals.
    await seedProgramme(jury, 'MS-CYBER', 1, [CAMILLE]);
    await seedProgramme(jury, 'MS-DATA', 5, []);
    await seedProgramme(jury, 'MS-IA', 5, []);
    const writer = jury.app.get(ProgrammeAdmissionsWriter);
    const sessionId = 'session-june';
    await writer.run(JUROR, 'MS-CYBER', {
      type: 'ScheduleSession',
      data: { sessionId, at: '2027-06-10T10:00:00+02:00' },
    });
    await juryClock.set(new Date('2027-06-10T11:00:00+02:00'));
    await writer.run(JUROR, 'MS-CYBER', {
      type: 'RecordDecision',
      data: { sessionId, candidateId: CAMILLE, decision: 'REJECTED', reason: 'Project too far from the programme' },
    });
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
    await notification?.close();
    await jury?.close();
    await sink.stop();
  });

  /** Camille, refused everywhere, refers her case from her candidate space (REC-1..3). */
  async function fileReferral(page: Page): Promise<void> {
    await portal.signIn(page, 'camille');
    // The jury's read model of her applications learns the rejection from its own log.
    const outcomes = () =>
      page.evaluate(() => fetch('/api/jury/v1/me/applications').then((r) => r.json())) as Promise<
        { outcome: string }[]
      >;
    await eventually(async () => ((await outcomes()).some((a) => a.outcome === 'REJECTED') ? true : undefined));
    await page.goto(`${portal.url}/#/space`);
    await page.getByRole('heading', { name: 'Ma saisine du rectorat' }).waitFor();
    // REC-3: no transcript, refused under the transcript's field.
    await page.getByRole('button', { name: 'Saisir le rectorat' }).click();
    const refusal = page.locator('#referral-transcript-error');
    await refusal.filter({ hasText: 'Refusé (REC-3)' }).waitFor();
    expect(await page.getByLabel(/Relevé de notes de licence/).getAttribute('aria-describedby')).toBe(
      'referral-transcript-error',
    );
    await portal.check(page, '01-candidate-referral-refused');
    await page.getByLabel(/Relevé de notes de licence/).setInputFiles({
      name: 'releve-licence.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Relevé de notes de licence de Camille'),
    });
    await page.getByRole('button', { name: 'Saisir le rectorat' }).click();
    await page.getByText('État : enregistrée, en attente des propositions du rectorat').waitFor();
    await page.getByText('Le rectorat n’a pas encore envoyé ses propositions.').waitFor();
  }

  /** The rectorate's queue, asked again until it lists the candidate in the status chosen. */
  async function inQueue(page: Page, status: string): Promise<Locator> {
    const queue = page.locator('section[aria-labelledby="queue-title"]');
    await queue.getByLabel('État des saisines').selectOption({ label: status });
    const link = queue.getByRole('link', { name: `Ouvrir la saisine de ${CAMILLE}` });
    await eventually(async () => {
      await queue.getByRole('button', { name: 'Actualiser' }).click();
      return link.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => undefined,
      );
    }, 60_000);
    return link;
  }

  /** The rectorate officer finds the referral in the queue, records proposals (one refused, REC-5) and sends them. */
  async function propose(): Promise<void> {
    const { context, page } = await portal.open({ locale: 'fr-FR' });
    await portal.signIn(page, 'rectorate');
    await page.getByRole('heading', { name: 'Saisines du rectorat' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Saisines du rectorat']);
    await (await inQueue(page, 'en attente de propositions')).click();
    await page.getByRole('heading', { name: `Saisine de ${CAMILLE}` }).waitFor();
    await page.getByText('Aucune proposition enregistrée.').waitFor();
    // REC-3: the candidate's transcript, downloaded with the officer's session.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le relevé de notes de licence (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('releve-licence.pdf');
    await portal.check(page, '02-rectorate-referral');

    const programme = page.getByLabel('Code de la formation');
    const record = page.getByRole('button', { name: 'Enregistrer la proposition' });
    await programme.fill('MS-DATA');
    await record.click();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^MS-DATA$/ })
      .waitFor();
    // REC-5: each proposal on a different programme; refused under the programme's field.
    await programme.fill('MS-DATA');
    await record.click();
    await page.locator('#programmeCode-error').filter({ hasText: 'Refusé (REC-5)' }).waitFor();
    expect(await programme.getAttribute('aria-describedby')).toBe('programmeCode-error');
    await portal.check(page, '03-rectorate-refusal');
    await programme.fill('MS-IA');
    await record.click();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^MS-IA$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Envoyer les propositions en l’état (moins de trois)' }).click();
    await page.getByText('État : propositions faites, en attente de votre réponse').waitFor();
    // Sent: the referral is now among those awaiting the candidate's answer.
    await inQueue(page, 'propositions faites, en attente de la réponse');
    await context.close();
  }

  /** Camille sees the proposals and accepts one (REC-7), then reads it in English. */
  async function accept(page: Page): Promise<void> {
    portal.focus(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Ma saisine du rectorat' }).waitFor();
    await page.getByRole('button', { name: 'Accepter la proposition MS-IA' }).waitFor();
    await portal.check(page, '04-candidate-proposals');
    await page.getByRole('button', { name: 'Accepter la proposition MS-IA' }).click();
    await page.getByText('État : une proposition acceptée').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'MS-IA — acceptée' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'MS-DATA — déclinée' }).waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'My referral to the rectorate' }).waitFor();
    await page.getByText('Status: a proposal accepted').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'MS-DATA — declined' }).waitFor();
    await portal.check(page, '05-candidate-accepted-english');

    // JURY-3: every message sent to her is in her inbox, whether or not the email went out.
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Mes messages' }).click();
    await page.getByRole('heading', { name: 'Mes messages' }).waitFor();
    const markRead = page.getByRole('button', { name: /^Marquer « .+ » comme lu$/ });
    await refreshUntil(page, markRead.first());
    const unread = await markRead.count();
    await page.getByText(`${unread} non lu(s)`).waitFor();
    await markRead.first().click();
    await page.getByText(`${unread - 1} non lu(s)`).waitFor();
    await portal.check(page, '05b-candidate-inbox');
  }

  /** The admissions officer sees the acknowledgement failed (SMTP down) and sends it again once it is back. */
  async function retryFailed(): Promise<void> {
    const { context, page } = await portal.open({ locale: 'fr-FR' });
    await portal.signIn(page, 'officer');
    await page.getByRole('heading', { name: 'Notifications en échec' }).waitFor();
    const acknowledgement = page.getByRole('row').filter({ hasText: 'REFERRAL_ACKNOWLEDGED' });
    await refreshUntil(page, acknowledgement.filter({ hasText: 'ECONNREFUSED' }));
    await portal.check(page, '06-office-failed');

    await sink.start();
    await acknowledgement
      .getByRole('button', { name: `Renvoyer la notification REFERRAL_ACKNOWLEDGED à ${CAMILLE}` })
      .click();
    const sent = await eventually(async () =>
      sink.to(CAMILLE_EMAIL).find((mail) => mail.subject === 'Accusé de réception de votre saisine du rectorat'),
    );
    expect(sent.language).toBe('fr');
    // Retried, it leaves the list; the journey's other failures stay until they are retried too.
    await eventually(async () => {
      await page.getByRole('button', { name: 'Actualiser' }).click();
      return (await acknowledgement.count()) === 0 ? true : undefined;
    });
    await page.getByRole('row').filter({ hasText: 'PROPOSALS_RECEIVED' }).waitFor();
    await portal.check(page, '07-office-retried');
    await context.close();
  }

  it('a referral filed, proposed (REC-5 refusal shown), sent and accepted; a failed email sent again', async () => {
    const { page } = await portal.open({ locale: 'fr-FR' });
    await portal.photographFailure(async () => {
      await fileReferral(page);
      await propose();
      await accept(page);
      await retryFailed();
    });
  }, 180_000);
});
