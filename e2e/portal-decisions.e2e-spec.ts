// The jury's decisions in a browser: three admissible candidates on a session's agenda (the lead
// reschedules one's interview and then cancels it, in the lead's screen, before the opinion), decided
// together by the juror, one of them refused by rule (another juror decided them meanwhile) and the
// refusal written under that candidate; then the candidate reads "why this decision", in French
// and in English. The files reach the agenda through the services' own write paths (candidacy and
// review over HTTP, Kafka between them); the screens are what this test drives. Axe checks each
// screen visited; screenshots go to .local/screenshots/portal-decisions.
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK, signDevToken, type Role } from '@admissions/platform';
import { eventually, startService, type ServiceUnderTest } from '@admissions/testing';
import type { Page } from 'playwright-core';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { Client, completeFile, openProgramme, uniqueCode } from '../apps/candidacy/src/candidacy.int-helpers';
import { JuryModule } from '../apps/jury/src/jury.module';
import { ReviewModule } from '../apps/review/src/review.module';
import { parisInput, PortalHarness } from './portal/portal-harness';

const CODE = uniqueCode('MS-JURY');
// Camille and Noah are demo accounts (Camille reads her decision); the third needs none.
const CANDIDATES = ['candidate-camille', 'candidate-noah', `candidate-sacha-${CODE.slice(-6).toLowerCase()}`];
const [CAMILLE, NOAH, SACHA] = CANDIDATES;
const MOTIVATION = 'Parcours solide, expérience pertinente et motivation claire pour ce mastère.';

interface Sessions {
  sessions: { sessionId: string; agenda: { candidateId: string }[] }[];
}

describe('portal: the jury decides a session as a batch, the candidate reads why', () => {
  let portal: PortalHarness;
  let candidacy: ServiceUnderTest;
  let review: ServiceUnderTest;
  let jury: ServiceUnderTest;
  // Juries sit from January to July (JURY-1): scheduled on the 10th, the session sits on the 20th.
  const juryClock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
  let token: (subject: string, role: Role) => string;
  let lead: Client;

  beforeAll(async () => {
    portal = await PortalHarness.reserve('portal-decisions');
    const trust = portal.trust();
    candidacy = await startService('candidacy', CandidacyModule, trust);
    review = await startService('review', ReviewModule, trust);
    jury = await startService('jury', JuryModule, trust, (b) => b.overrideProvider(CLOCK).useValue(juryClock));
    await portal.start({ CANDIDACY_URL: candidacy.url, REVIEW_URL: review.url, JURY_URL: jury.url });
    // Tokens as the portal's identity provider signs them (its key, its issuer), for the seeding.
    token = (subject, role) =>
      signDevToken(
        { sub: subject, roles: [role] },
        { AUTH_ISSUER: trust.AUTH_ISSUER, AUTH_AUDIENCE: trust.AUTH_AUDIENCE },
      );
    lead = new Client(review, token('lead-cyber', 'pedagogical-lead'));
  });

  afterAll(async () => {
    await portal?.close();
    await jury?.close();
    await review?.close();
    await candidacy?.close();
  });

  /** A file submitted, then given a favourable opinion by its lead: admissible, it goes to the jury. */
  async function admissible(candidateId: string): Promise<void> {
    const candidacyId = await completeFile(new Client(candidacy, token(candidateId, 'candidate')), CODE);
    const submitted = await new Client(candidacy, token(candidateId, 'candidate')).post(
      `/v1/candidacies/${candidacyId}/submission`,
    );
    expect(submitted.status).toBe(200);
    // REV-1: the review learns of the file through Kafka.
    const reviewed = (command: string, body: unknown, method: 'post' | 'put' = 'post') =>
      eventually(
        async () => (await lead[method](`/v1/reviews/${candidacyId}${command}`, body)).status < 300 || undefined,
        60_000,
        250,
      );
    if (candidateId === SACHA) {
      await reviewed('/interview', {
        at: new Date(Date.now() + 3_600_000).toISOString(),
        mode: 'ONSITE',
        room: 'B-204',
      });
      await changeInterview(candidacyId);
    }
    // REV-4: an opinion on the file alone (or after the interview was cancelled).
    await reviewed('/opinion', { opinion: 'FAVOURABLE', motivation: MOTIVATION });
  }

  /** REV-2: the lead, in the browser, reschedules the interview and then cancels it. */
  async function changeInterview(candidacyId: string): Promise<void> {
    const { context, page } = await portal.open({ locale: 'fr-FR' });
    await portal.signIn(page, 'lead');
    await page.goto(`${portal.url}/#/review/${candidacyId}`);
    await page.getByRole('heading', { name: 'Examen d’un dossier' }).waitFor();
    await page.getByText('Entretien programmé.', { exact: true }).waitFor();
    const change = page.locator('details', { has: page.locator('summary', { hasText: 'Reprogrammer ou annuler' }) });
    await change.locator('summary').click();
    const later = new Date(Date.now() + 2 * 3_600_000);
    await change.getByLabel('Date et heure (heure de Paris)').fill(parisInput(later));
    await change.getByRole('button', { name: 'Reprogrammer l’entretien' }).click();
    const typed = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
    await page.getByText(`${typed.format(later)} (heure de Paris), sur place : B-204`).waitFor();
    await portal.check(page, '01-lead-reschedule');
    await change.getByLabel('Pourquoi il est annulé (facultatif)').fill('Candidat·e indisponible');
    await change.getByRole('button', { name: 'Annuler l’entretien' }).click();
    await page.getByText('Entretien annulé.', { exact: true }).waitFor();
    await page.getByRole('form', { name: 'Programmer l’entretien' }).waitFor();
    await context.close();
  }

  /** The programme, a session on the 20th and the three candidates on its agenda. */
  async function seed(): Promise<string> {
    const officer = new Client(candidacy, token('officer-1', 'admissions-officer'));
    // The demo lead's (lead-cyber) programme, so that the lead's screen shows its files.
    const programme = { ...openProgramme(CODE), pedagogicalLeadId: 'lead-cyber' };
    expect((await officer.post('/v1/programmes', programme)).status).toBe(201);
    await Promise.all(CANDIDATES.map(admissible));
    const juror = new Client(jury, token('jury-member-2', 'jury-member'));
    // JURY-1: the jury learns the programme through Kafka; admissible candidates join the session.
    await eventually(
      async () => {
        const answer = await juror.post(`/v1/programmes/${CODE}/sessions`, { at: '2027-01-20T10:00:00+01:00' });
        return answer.status === 201 || undefined;
      },
      60_000,
      250,
    );
    const sessionId = await eventually(
      async () => {
        const { body } = await juror.get<Sessions>(`/v1/programmes/${CODE}/sessions`);
        const session = body.sessions?.[0];
        return session?.agenda.length === CANDIDATES.length ? session.sessionId : undefined;
      },
      60_000,
      250,
    );
    await juryClock.set(new Date('2027-01-20T11:00:00+01:00'));
    return sessionId;
  }

  const card = (page: Page, candidateId: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`${candidateId}$`) }) });

  /** The juror selects the three, gives them a decision and sends them together; one is refused. */
  async function decideTogether(sessionId: string): Promise<void> {
    const { context, page } = await portal.open({ locale: 'fr-FR' });
    await portal.signIn(page, 'jury');
    await page.goto(`${portal.url}/#/jury/${CODE}`);
    await page.getByRole('heading', { name: 'Séance du 20 janvier 2027 à 10:00' }).waitFor();
    for (const candidateId of CANDIDATES) await card(page, candidateId).getByText(MOTIVATION).waitFor();
    await portal.check(page, '02-jury-agenda');

    // Another juror decides Noah meanwhile: this screen does not know it yet.
    const other = new Client(jury, token('jury-member-2', 'jury-member'));
    const meanwhile = await other.post(`/v1/programmes/${CODE}/sessions/${sessionId}/decisions`, {
      candidateId: NOAH,
      decision: 'WAITLISTED',
      reason: 'Décidé par un autre membre du jury',
    });
    expect(meanwhile.status).toBe(201);

    for (const candidateId of CANDIDATES) await page.getByLabel(`Inclure ${candidateId} dans la sélection`).check();
    const batch = page.getByRole('form', { name: 'Décider plusieurs candidat·es à la fois' });
    await batch.getByLabel('Décision', { exact: true }).selectOption('ADMITTED');
    await batch.getByLabel('Motif', { exact: true }).fill('Dossier solide et avis favorable du responsable');
    await batch.getByRole('button', { name: 'Donner cette décision et ce motif à la sélection (3)' }).click();
    // One of the selection decided apart: waitlisted, with its own reason.
    const sacha = card(page, SACHA);
    expect(await sacha.getByLabel('Motif', { exact: true }).inputValue()).toBe(
      'Dossier solide et avis favorable du responsable',
    );
    await sacha.getByLabel('Décision', { exact: true }).selectOption('WAITLISTED');
    await sacha.getByLabel('Motif', { exact: true }).fill('Bon dossier, moins d’expérience que les admis');
    await portal.check(page, '03-jury-selection');
    await batch.getByRole('button', { name: 'Enregistrer les décisions de la sélection (3)' }).click();

    await page.getByRole('status').filter({ hasText: '2 décision(s) enregistrée(s), 1 refusée(s).' }).waitFor();
    // JURY-2: the refusal is written under the candidate it concerns, in French.
    await card(page, NOAH)
      .getByRole('alert')
      .filter({ hasText: 'Refusé (JURY-2) : Seul·e un·e candidat·e de l’ordre du jour pas encore décidé·e' })
      .waitFor();
    expect(await card(page, CAMILLE).getByRole('alert').count()).toBe(0);
    expect(await card(page, SACHA).getByRole('alert').count()).toBe(0);
    await page.getByText('Close', { exact: true }).waitFor();
    await portal.check(page, '04-jury-decided');

    // Why this decision, for a candidate decided here.
    await sacha.locator('summary', { hasText: 'Pourquoi cette décision ?' }).click();
    await sacha.getByText(/^Le jury a placé la candidature sur liste d'attente le .+, motif : « Bon dossier/).waitFor();
    await portal.check(page, '05-jury-why');
    await context.close();
  }

  /** Camille reads her decision and why, in French and then in English. */
  async function readWhy(): Promise<void> {
    const { context, page } = await portal.open({ locale: 'fr-FR' });
    await portal.signIn(page, 'camille');
    await page.goto(`${portal.url}/#/space`);
    await page.getByRole('heading', { name: 'Mon espace candidat' }).waitFor();
    await eventually(async () => {
      await page.reload();
      return page
        .getByText(`${CODE} : admis·e`)
        .waitFor({ timeout: 5_000 })
        .then(
          () => true,
          () => undefined,
        );
    }, 60_000);
    await page.locator('summary', { hasText: 'Pourquoi cette décision ?' }).click();
    await page
      .getByText(
        /^Le jury a admis la candidature le .+, motif : « Dossier solide et avis favorable du responsable »\.$/,
      )
      .waitFor();
    await page.getByText(new RegExp(MOTIVATION.slice(0, 30))).waitFor();
    await portal.check(page, '06-space-why');

    await page.getByLabel('Langue').selectOption('en');
    await page.locator('summary', { hasText: 'Why this decision?' }).waitFor();
    await page
      .getByText(/^The jury admitted the application on .+, on the grounds: “Dossier solide et avis favorable/)
      .waitFor();
    await page.getByText('Opinion of the pedagogical lead', { exact: true }).waitFor();
    await portal.check(page, '07-space-why-english');
    await context.close();
  }

  it('decides three candidates together, one refused under its name; the candidate reads why, in French and English', async () => {
    await portal.photographFailure(async () => {
      const sessionId = await seed();
      await decideTogether(sessionId);
      await readWhy();
    });
  });
});
