// The portal in a real browser (Debian's chromium, headless, driven by playwright-core) against
// the real gateway, its development identity provider, the candidacy, review and jury services
// (one deployment, meeting through Kafka) and the servers of `npm test`. The candidate, the lead and
// the juror each act in their own screens, each in a browser context of their own. Axe checks each
// screen visited; screenshots go to .local/screenshots/portal.
// The provider's own session outlives the portal's: a second sign-in in the same browser asks nothing.
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK } from '@admissions/platform';
import { eventually, samplePdf, startService, type ServiceUnderTest } from '@admissions/testing';
import type { Page } from 'playwright-core';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { JuryModule } from '../apps/jury/src/jury.module';
import { ReviewModule } from '../apps/review/src/review.module';
import { parisInput, PortalHarness, refreshUntil } from './portal/portal-harness';

// Run in the page (this file is compiled without the DOM's types): the focused control's label and
// text, and its outline.
const FOCUSED = `(() => {
  const element = document.activeElement;
  const label = element && element.id ? document.querySelector('label[for="' + element.id + '"]') : null;
  return {
    text: (label ? label.textContent : '') + ' ' + (element ? element.textContent : ''),
    outline: element ? getComputedStyle(element).outlineStyle : 'none',
  };
})()`;

describe('portal: a candidate applies in a browser', () => {
  let portal: PortalHarness;
  let candidacy: ServiceUnderTest;
  let review: ServiceUnderTest;
  let jury: ServiceUnderTest;
  // Juries sit from January to July (JURY-1); the lead's clock moves past the interview.
  const juryClock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
  const reviewClock = new ManualClock(new Date());

  beforeAll(async () => {
    portal = await PortalHarness.reserve('portal');
    const trust = portal.trust();
    candidacy = await startService('candidacy', CandidacyModule, { ...trust, SEED_DEMO_CATALOGUE: 'true' });
    review = await startService('review', ReviewModule, trust, (b) => b.overrideProvider(CLOCK).useValue(reviewClock));
    jury = await startService('jury', JuryModule, trust, (b) => b.overrideProvider(CLOCK).useValue(juryClock));
    await portal.start({ CANDIDACY_URL: candidacy.url, REVIEW_URL: review.url, JURY_URL: jury.url });
  });

  afterAll(async () => {
    await portal?.close();
    await jury?.close();
    await review?.close();
    await candidacy?.close();
  });

  /** The lead, in a browser of their own: the worklist, the interview, a favourable opinion. */
  async function reviewInScreens(): Promise<void> {
    // Another time zone than Paris's: the times typed and shown stay Paris times.
    const { context, page } = await portal.open({ locale: 'fr-FR', timezoneId: 'America/New_York' });
    await portal.signIn(page, 'lead');
    // A staff member has no candidate screens: the menu shows theirs, and a candidate's URL leads there.
    await page.getByRole('heading', { name: 'Dossiers à examiner' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Dossiers à examiner']);
    await page.goto(`${portal.url}/#/file`);
    await page.getByRole('heading', { name: 'Dossiers à examiner' }).waitFor();
    const file = page.getByRole('link', { name: 'Examiner le dossier de Camille Martin' });
    await refreshUntil(page, file);
    await portal.check(page, '08-lead-worklist');

    await file.click();
    await page.getByRole('heading', { name: 'Examen d’un dossier' }).waitFor();
    await page.getByText('Aucun entretien programmé.').waitFor();
    await portal.check(page, '09-lead-review');

    // REV-2: the interview is in the future of the review service's clock, typed in Paris time.
    const at = new Date(reviewClock.now().getTime() + 3_600_000);
    await page.getByLabel('Date et heure (heure de Paris)').fill(parisInput(at));
    await page.getByLabel('Modalité').selectOption('VIDEO');
    await page.getByLabel('Lien de visioconférence').fill('https://visio.example.org/r/1');
    await page.getByRole('button', { name: 'Programmer l’entretien' }).click();
    await page.getByText('Entretien programmé.').waitFor();
    // Shown back as typed: the browser's own time zone did not come into it.
    const typed = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
    await page
      .getByText(`${typed.format(at)} (heure de Paris), en visioconférence : https://visio.example.org/r/1`)
      .waitFor();
    await portal.check(page, '10-lead-interview');

    await reviewClock.advance(2 * 3_600_000);
    await page.getByLabel('Issue', { exact: true }).selectOption('true');
    await page.getByLabel('Compte rendu de l’entretien').fill('Projet professionnel clair');
    await page.getByRole('button', { name: 'Enregistrer l’issue' }).click();
    await page.getByText('Entretien tenu.').waitFor();

    // A refusal of the service (REV-3: a reasoning too short) is written under the field it names.
    await page.getByLabel('Avis', { exact: true }).selectOption('FAVOURABLE');
    await page.getByLabel('Motivation (30 caractères au moins)').fill('Bon dossier.');
    await page.getByRole('button', { name: 'Donner l’avis' }).click();
    await page.locator('#motivation-error').filter({ hasText: 'Refusé (REV-3)' }).waitFor();
    await page
      .getByLabel('Motivation (30 caractères au moins)')
      .fill('Parcours solide, expérience pertinente et motivation claire.');
    await page.getByRole('button', { name: 'Donner l’avis' }).click();
    await page.getByText('Examen : admissible, transmis au jury').waitFor();
    await page.getByText('Parcours solide, expérience pertinente et motivation claire.').waitFor();

    // REV-3: the opinion corrected, with the reason why; still favourable, the candidate stays admissible.
    await page.locator('summary', { hasText: 'Corriger l’avis' }).click();
    const correction = page.getByRole('form', { name: 'Corriger l’avis' });
    await correction
      .getByLabel('Motivation (30 caractères au moins)')
      .fill('Parcours solide, expérience pertinente et motivation claire. Entretien très convaincant.');
    await correction.getByLabel('Pourquoi il est corrigé').fill('Compte rendu de l’entretien relu');
    await correction.getByRole('button', { name: 'Corriger l’avis' }).click();
    await page.getByText(/^Corrigé le .+ : Compte rendu de l’entretien relu$/).waitFor();
    await page.getByText('Entretien très convaincant.').waitFor();
    await page.getByText('Examen : admissible, transmis au jury').waitFor();
    await portal.check(page, '11-lead-opinion');
    await context.close();
  }

  /** The juror, in a browser of their own: a session scheduled, the candidate on its agenda, admitted. */
  async function admit(): Promise<void> {
    const { context, page } = await portal.open({ locale: 'fr-FR' });
    await portal.signIn(page, 'jury');
    await page.getByRole('heading', { name: 'Jury d’admission' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Jury d’admission']);
    await page.getByLabel('Formation').selectOption('MS-CYBER');
    await page.getByRole('heading', { name: 'Places', exact: true }).waitFor();

    // JURY-1: the jury service may not know the programme yet (it learns it through Kafka).
    const session = page.getByRole('heading', { name: 'Séance du 20 janvier 2027 à 10:00' });
    await eventually(async () => {
      await page.getByLabel('Date et heure de la séance (heure de Paris)').fill('2027-01-20T10:00');
      await page.getByRole('button', { name: 'Programmer une séance' }).click();
      return session.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => undefined,
      );
    }, 90_000);
    const candidate = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /candidate-camille/ }) });
    await refreshUntil(page, candidate);
    await candidate.getByText('Parcours solide, expérience pertinente et motivation claire.').waitFor();
    await portal.check(page, '12-jury-session');

    // JURY-2: the session has sat; the candidate is decided with a reason.
    await juryClock.set(new Date('2027-01-20T11:00:00+01:00'));
    await candidate.getByLabel('Décision').selectOption('ADMITTED');
    await candidate.getByLabel('Motif').fill('Dossier et entretien convaincants');
    await candidate.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await candidate.getByText('Décision enregistrée.').waitFor();
    await portal.check(page, '13-jury-decided');
    await context.close();
  }

  /** Tabs to the control whose text matches, as a keyboard user does; its focus ring must show. */
  async function tabTo(page: Page, text: RegExp): Promise<void> {
    for (let presses = 0; presses < 15; presses++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(FOCUSED)) as { text: string; outline: string };
      if (text.test(focused.text)) {
        expect(focused.outline).not.toBe('none');
        return;
      }
    }
    throw new Error(`no control matching ${text} within 15 presses of Tab`);
  }

  /** The same sign-in, with the keyboard alone. */
  async function signInWithKeyboard(page: Page, login: string): Promise<void> {
    await page.goto(portal.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(page, /Se connecter/);
    await page.keyboard.press('Enter');
    await page.getByLabel('Identifiant').waitFor();
    await tabTo(page, /Identifiant/);
    await page.keyboard.type(login);
    await tabTo(page, /Mot de passe/);
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByText(/Connecté·e/).waitFor();
  }

  async function journey(): Promise<void> {
    const { context, page } = await portal.open({ locale: 'fr-FR' });
    await page.goto(portal.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await portal.check(page, '01-welcome');

    await portal.signIn(page, 'camille', '02-sign-in');
    await page.getByRole('heading', { name: 'Catalogue des Mastères Spécialisés' }).waitFor();
    await portal.check(page, '03-catalogue');

    await page.getByRole('button', { name: 'Candidater à MS-CYBER' }).click();
    await page.getByRole('heading', { name: 'Mon dossier de candidature' }).waitFor();
    await page.getByRole('heading', { name: 'Identité et coordonnées' }).waitFor();

    // A refusal of the service is written under the field it names, in French.
    const identity = page.locator('form[aria-labelledby="identity-title"]');
    await page.getByLabel('Prénom').fill('Camille');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByLabel('Courriel').fill('pas-une-adresse');
    await identity.getByRole('button', { name: 'Enregistrer' }).click();
    const emailError = page.locator('#personal-email-error');
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain('adresse électronique');
    expect(await page.getByLabel('Courriel').getAttribute('aria-describedby')).toBe('personal-email-error');
    await portal.check(page, '04-file-refusal');
    await page.getByLabel('Courriel').fill('camille.martin@example.org');
    await identity.getByRole('button', { name: 'Enregistrer' }).click();
    await identity.getByText('Enregistré.').waitFor();

    const diploma = page.locator('form[aria-labelledby="diploma-title"]');
    await page.getByLabel('Type de diplôme').selectOption('CTI_ENGINEERING');
    await page.getByLabel('Intitulé du diplôme').fill("Diplôme d'ingénieur");
    await page.getByLabel('Année d’obtention').fill('2021');
    await diploma.getByRole('button', { name: 'Enregistrer' }).click();
    await diploma.getByText('Enregistré.').waitFor();

    // The session ends mid-form: signing in again comes back to the form as it was typed. (First
    // the file's reload after the diploma is over: a read refused meanwhile would end it too.)
    await page.locator('#checklist-title ~ ul li', { hasText: /^Diplôme$/ }).waitFor({ state: 'detached' });
    await page.getByLabel('Expérience en mois').fill('30');
    await context.clearCookies({ name: 'admissions_session' });
    await page.locator('form[aria-labelledby="experience-title"]').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Votre session a pris fin' }).waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mon dossier de candidature' }).waitFor();
    expect(page.url()).toBe(`${portal.url}/#/file`);
    expect(await page.getByLabel('Expérience en mois').inputValue()).toBe('30');
    const experience = page.locator('form[aria-labelledby="experience-title"]');
    await experience.getByRole('button', { name: 'Enregistrer' }).click();
    await experience.getByText('Enregistré.').waitFor();

    for (const [label, file] of [
      ['CV', 'cv.pdf'],
      ['Lettre de motivation', 'lettre.pdf'],
    ] as const) {
      const upload = page.locator('form.upload', { has: page.getByLabel(label, { exact: true }) });
      await page.getByLabel(label, { exact: true }).setInputFiles({
        name: file,
        mimeType: 'application/pdf',
        buffer: await samplePdf(`${label} de Camille`),
      });
      await upload.getByRole('button', { name: 'Joindre' }).click();
      await page.getByText(new RegExp(`${file} \\(`)).waitFor();
    }
    await page.getByText('Votre dossier est complet.').waitFor();
    await portal.check(page, '05-file-complete');

    await page.getByRole('button', { name: 'Déposer mon dossier' }).click();
    await page.getByText(/Votre dossier a été déposé le/).waitFor();
    await page.getByText('État : déposé').waitFor();
    await portal.check(page, '06-file-submitted');

    await page.getByRole('link', { name: 'Mon espace candidat' }).first().click();
    await page.getByRole('heading', { name: 'Mon espace candidat' }).waitFor();
    await page.getByText('Dossier déposé').waitFor();
    await page.getByText(/Pas encore de décision/).waitFor();
    await portal.check(page, '07-space');
    const candidacyId = (
      (await page.evaluate(() => fetch('/api/candidacy/v1/candidacies').then((r) => r.json()))) as {
        candidacyId: string;
      }[]
    )[0].candidacyId;

    // Reviewed, admitted: the offer shows with its deadline in Paris time, and the candidate enrols.
    await reviewInScreens();
    await admit();
    portal.focus(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Votre proposition pour MS-CYBER' }).waitFor();
    // JURY-4: ten days, to 23:59:59 Paris time of the tenth day, written as the notifications write it.
    await page.getByText('Inscrivez-vous au plus tard le 30 janvier 2027 à 23:59 (heure de Paris)').waitFor();
    await portal.check(page, '14-offer');
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    await page.getByText('MS-CYBER : inscrit·e').waitFor();
    await portal.check(page, '15-enrolled');

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'My candidate space' }).waitFor();
    await page.getByText('Status: submitted').waitFor();
    await page.getByText('File submitted').waitFor();
    await page.getByText('MS-CYBER: enrolled').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await portal.check(page, '16-space-english');
    await context.close();

    // Another candidate, in a browser of their own, asks for the first one's file.
    const { context: other, page: intruder } = await portal.open({ locale: 'fr-FR' });
    await signInWithKeyboard(intruder, 'noah');
    await intruder.goto(`${portal.url}/#/space/${candidacyId}`);
    await intruder.getByRole('alert').filter({ hasText: 'Introuvable, ou ne vous appartient pas.' }).waitFor();
    await portal.check(intruder, '17-other-candidate');
    const status = await intruder.evaluate(
      (id) => fetch(`/api/candidacy/v1/candidacies/${id}`).then((r) => r.status),
      candidacyId,
    );
    expect(status).toBe(404);

    // A file of his own, started then withdrawn (asked twice: it cannot be undone).
    await intruder.goto(`${portal.url}/#/catalogue`);
    await intruder.getByRole('button', { name: 'Candidater à MS-CYBER' }).click();
    await intruder.getByRole('heading', { name: 'Mon dossier de candidature' }).waitFor();
    await intruder.locator('summary', { hasText: 'Retirer mon dossier' }).click();
    await intruder.getByRole('button', { name: 'Confirmer le retrait de mon dossier' }).click();
    await intruder.getByText('État : retiré').waitFor();
    await portal.check(intruder, '18-file-withdrawn');
    await other.close();
  }

  it('signs in, fills and submits a file, sees it submitted, in French then English; another candidate gets 404', async () => {
    await portal.photographFailure(journey);
  });
});
