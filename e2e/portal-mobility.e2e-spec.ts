// The mobility screens in a real browser, against the gateway and the mobility service (seeded
// with the demo partners): the student builds an exchange plan, is refused by a rule under the
// field it names, proposes a learning agreement and a second version; the study advisor, the
// training directorate (DFI) and the international office (DRI) approve it in their screens; the
// DRI reads the partners and the MOB-1 report. Axe on every screen; screenshots go to
// .local/screenshots/portal-mobility.
import { eventually, startService, type ServiceUnderTest } from '@admissions/testing';
import type { Locator, Page } from 'playwright-core';
import { MobilityModule } from '../apps/mobility/src/mobility.module';
import { PortalHarness } from './portal/portal-harness';

const TRACK = 'Data science';

/** Clicks until what the service learnt through its projections shows (they follow the writes). */
async function clickUntil(button: Locator, shows: Locator): Promise<void> {
  await eventually(async () => {
    await button.click();
    return shows.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => undefined,
    );
  }, 60_000);
}

describe('portal: mobility plans in a browser', () => {
  let portal: PortalHarness;
  let mobility: ServiceUnderTest;

  beforeAll(async () => {
    portal = await PortalHarness.reserve('portal-mobility');
    mobility = await startService('mobility', MobilityModule, { ...portal.trust(), SEED_DEMO_PARTNERS: 'true' });
    await portal.start({ MOBILITY_URL: mobility.url });
  });

  afterAll(async () => {
    await portal?.close();
    await mobility?.close();
  });

  async function fillCourse(page: Page, n: number, code: string, title: string, ects: string): Promise<void> {
    await page.getByLabel(`Code du cours ${n}`).fill(code);
    await page.getByLabel(`Intitulé du cours ${n}`).fill(title);
    await page.getByLabel(`ECTS du cours ${n}`).fill(ects);
  }

  /** The student proposes an exchange semester; MOB-5 refuses 25 ECTS under the ECTS field. */
  async function proposePlan(page: Page): Promise<void> {
    await portal.signIn(page, 'student');
    await page.getByRole('heading', { name: 'Ma mobilité internationale' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Ma mobilité',
      'Mes messages',
    ]);
    // The demo partners are registered as the service starts.
    const tum = page.getByLabel('Établissement partenaire').locator('option[value="dd-tum"]');
    await eventually(async () => {
      await page.reload();
      return tum.waitFor({ state: 'attached', timeout: 3_000 }).then(
        () => true,
        () => undefined,
      );
    }, 60_000);
    await page.getByText('Vous n’avez pas encore de projet de mobilité.').waitFor();
    await portal.check(page, '01-student-mobility');

    await page.getByLabel('Année d’études').selectOption('2');
    await page.getByLabel('Filière').fill(TRACK);
    await page.getByLabel('Type de mobilité').selectOption('EXCHANGE_SEMESTER');
    await page.getByLabel('Établissement partenaire').selectOption('dd-tum');
    await page.getByLabel('Premier jour à l’étranger').fill('2027-09-01');
    await page.getByLabel('Dernier jour à l’étranger').fill('2028-01-31');
    await page.getByLabel('ECTS à valider à l’étranger').fill('25');
    await page.getByRole('button', { name: 'Proposer le projet' }).click();
    // MOB-5: an exchange semester validates exactly 30 ECTS, written under the ECTS field.
    const ectsError = page.locator('#plannedEcts-error');
    await ectsError.filter({ hasText: 'Refusé (MOB-5)' }).waitFor();
    expect(await page.getByLabel('ECTS à valider à l’étranger').getAttribute('aria-describedby')).toBe(
      'plannedEcts-error',
    );
    await portal.check(page, '02-student-plan-refused-by-rule');

    await page.getByLabel('ECTS à valider à l’étranger').fill('30');
    await page.getByRole('button', { name: 'Proposer le projet' }).click();
    await page.getByRole('heading', { name: 'Projet de mobilité' }).waitFor();
    await page.getByText('État : proposé, en attente des accords').waitFor();
    const rules = page.locator('section[aria-labelledby="rules-title"]');
    await rules.getByText(/MOB-5 — respectée : Un semestre d’échange .* \(30 prévus\)/).waitFor();
    await rules.getByText(/MOB-10 — en attente/).waitFor();
    // Leaving before the approvals: the refusal cites MOB-5 and no field, so it is written under MOB-5.
    await page.getByRole('button', { name: 'Enregistrer mon départ' }).click();
    await rules
      .locator('li', { hasText: /^MOB-5/ })
      .locator('.field-error', { hasText: 'Refusé (MOB-5)' })
      .waitFor();
    await page.getByRole('alert').filter({ hasText: 'Refusé (MOB-5)' }).waitFor();
    await portal.check(page, '03-student-plan-refused-under-rule');

    // The learning agreement, then a second version that replaces a course.
    await page.getByRole('button', { name: 'Ajouter un cours' }).click();
    await page.getByRole('button', { name: 'Ajouter un cours' }).click();
    await fillCourse(page, 1, 'IN2064', 'Machine learning', '10');
    await fillCourse(page, 2, 'IN2346', 'Deep learning', '10');
    await fillCourse(page, 3, 'IN2010', 'Algorithms', '10');
    await page.getByRole('button', { name: 'Proposer cette version' }).click();
    await page.getByRole('heading', { name: 'Version 1 — en attente d’approbation' }).waitFor();
    await fillCourse(page, 3, 'IN2211', 'Auction theory', '10');
    await page.getByRole('button', { name: 'Proposer cette version' }).click();
    await page.getByRole('heading', { name: 'Version 2 — en attente d’approbation' }).waitFor();
    await page.getByRole('heading', { name: 'Version 1 — remplacée' }).waitFor();
    await page.getByText('Retirés : IN2010 Algorithms').waitFor();
    await page.getByText('(nouveau dans cette version)').waitFor();
    await portal.check(page, '04-student-learning-agreement-versions');
  }

  /** A staff member finds the student's plan and opens it. */
  async function openPlan(page: Page, login: string, step?: string): Promise<void> {
    await portal.signIn(page, login);
    await page.getByRole('heading', { name: 'Projets à approuver' }).waitFor();
    await page.getByLabel('Identifiant de l’élève').fill('student-1');
    await page.getByRole('button', { name: 'Voir ses projets' }).click();
    const plan = page.getByRole('link', {
      name: 'Ouvrir le projet : Semestre d’échange, Technische Universität München',
    });
    await clickUntil(page.getByRole('button', { name: 'Actualiser' }), plan);
    if (step !== undefined) await portal.check(page, step);
    await plan.click();
    await page.getByRole('heading', { name: 'Projet de mobilité' }).waitFor();
    await page.getByText('Élève : student-1').waitFor();
  }

  async function approve(page: Page, authority: string, step: string): Promise<void> {
    await page.getByRole('button', { name: 'Approuver le projet' }).click();
    const approvals = page.locator('section[aria-labelledby="approvals-title"]');
    await approvals
      .locator('div', { hasText: authority })
      .getByText(/^Accordé le /)
      .waitFor();
    await portal.check(page, step);
  }

  it('a student builds a plan; advisor, DFI and DRI approve it; the DRI reads partners and the MOB-1 report', async () => {
    await portal.photographFailure(async () => {
      const { context: studentContext, page: student } = await portal.open();
      await proposePlan(student);

      // The study advisor approves the plan and the learning agreement's latest version.
      const { context: advisorContext, page: advisor } = await portal.open();
      await openPlan(advisor, 'advisor', '05-advisor-plans');
      await approve(advisor, 'Directeur·rice d’études', '06-advisor-approved');
      await advisor.getByRole('button', { name: 'Approuver la version 2' }).click();
      await advisor.getByRole('heading', { name: 'Version 2 — approuvée' }).waitFor();
      await advisorContext.close();

      // The DFI: a refusal without a reason is written under the reason's field, then approves.
      const { context: dfiContext, page: dfi } = await portal.open();
      await openPlan(dfi, 'dfi');
      await dfi.getByRole('button', { name: 'Refuser le projet' }).click();
      await dfi.locator('#reason-error').filter({ hasText: 'Indiquez le motif.' }).waitFor();
      await portal.check(dfi, '07-dfi-refusal-without-reason');
      await approve(dfi, 'Direction de la formation (DFI)', '08-dfi-approved');
      await dfiContext.close();

      // The DRI: MOB-10, the place is taken with the approval.
      const { context: driContext, page: dri } = await portal.open();
      await openPlan(dri, 'dri');
      await approve(dri, 'Direction des relations internationales (DRI)', '09-dri-approved');
      await dri.getByText(/MOB-10 — respectée/).waitFor();

      await dri.getByRole('navigation').getByRole('link', { name: 'Partenaires' }).click();
      await dri.getByRole('heading', { name: 'Établissements partenaires' }).waitFor();
      await dri.getByRole('cell', { name: 'Technische Universität München' }).waitFor();
      await dri.getByLabel('Filtrer par nom ou pays').fill('Technische');
      await dri.getByText('4 partenaires affichés').waitFor();
      await dri.getByLabel('Établissement partenaire').selectOption('dd-tum');
      await dri.getByLabel('Année universitaire (ex. 2027-2028)').fill('2027-2028');
      await dri.getByRole('button', { name: 'Voir les places' }).click();
      await dri.getByText('échange : 1 prises sur 4, 3 libres').waitFor();
      await portal.check(dri, '10-dri-partners');

      await dri.getByRole('navigation').getByRole('link', { name: 'Bilan de mobilité' }).click();
      await dri.getByLabel('Année d’études').selectOption('2');
      await dri.getByLabel('Filière').fill(TRACK);
      await clickUntil(
        dri.getByRole('button', { name: 'Afficher le bilan' }),
        dri.getByRole('link', { name: 'student-1' }),
      );
      await dri.getByText(`2e année, filière ${TRACK} : 1 élève`).waitFor();
      await portal.check(dri, '11-dri-unfulfilled-report');
      await driContext.close();

      // The student reads the approved plan and its agreement side by side, in English.
      portal.focus(student);
      await student.reload();
      await student.getByRole('heading', { name: 'Version 2 — approuvée' }).waitFor();
      await student.getByLabel('Langue').selectOption('en');
      await student.getByRole('heading', { name: 'Mobility plan' }).waitFor();
      await student.getByText('Status: proposed, awaiting approvals').waitFor();
      await student.getByRole('heading', { name: 'Version 1 — superseded' }).waitFor();
      await student.getByRole('heading', { name: 'Version 2 — approved' }).waitFor();
      await student.getByText(/MOB-5 — met: A learning agreement of 30 ECTS/).waitFor();
      expect(await student.getAttribute('html', 'lang')).toBe('en');
      await portal.check(student, '12-student-plan-english');
      await studentContext.close();
    });
  });
});
