// The role matrix as a test: every route of every service, as its @Public() / @Roles(...) declare
// it, called with every role, without a token and with forged, expired and foreign tokens; then
// each kind of owner's resource asked for by another owner. docs/security.md is this matrix.
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK, declaredRoutes, type DeclaredRoute, ROLES, type RouteAccess } from '@admissions/platform';
import {
  eventually,
  forgedTokens,
  samplePdf,
  startService,
  uniqueName,
  type ServiceUnderTest,
} from '@admissions/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, identity, m1, openProgramme, uniqueCode } from '../apps/candidacy/src/candidacy.int-helpers';
import { seedProgramme } from '../apps/jury/src/jury.int-helpers';
import { exchangePlan } from '../apps/mobility/test/mobility-client';
import { newSink, startNotification } from '../apps/notification/test/notification-under-test';
import type { SmtpSink } from '../apps/notification/test/smtp-sink';
import { renderMatrix, SECURITY_DOC, securityDocWith, SERVICE_MODULES } from './security/role-matrix';

type Caller = { readonly name: string; readonly token?: string; readonly role?: string };

/** Runs `tasks` with at most `size` at a time: the machine is shared. */
async function inPool<T>(tasks: readonly (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

const mayCall = (access: RouteAccess, caller: Caller): boolean =>
  access.kind === 'public' ||
  (access.kind === 'roles' && caller.role !== undefined && access.roles.some((role) => role === caller.role));

/** Any path parameter gets a fresh id: authorisation is decided before the route reads its input. */
const pathOf = (route: DeclaredRoute) => route.path.replace(/:(\w+)/g, () => randomUUID());

async function call(url: string, route: DeclaredRoute, token: string | undefined) {
  const withBody = !['GET', 'HEAD'].includes(route.method);
  const response = await fetch(url + pathOf(route), {
    method: route.method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(withBody ? { 'content-type': 'application/json' } : {}),
    },
    body: withBody ? '{}' : undefined,
  });
  await response.arrayBuffer();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '' };
}

/** What the caller must get, or undefined when the answer is right. */
function mismatch(access: RouteAccess, caller: Caller, answer: { status: number; contentType: string }) {
  const { status, contentType } = answer;
  if (mayCall(access, caller)) {
    // Allowed: authorisation lets it through; the input may still be refused (400, 404, 422).
    return status === 401 || status === 403 || status >= 500
      ? `${status}, expected neither 401, 403 nor 5xx`
      : undefined;
  }
  const expected = caller.role === undefined ? 401 : 403;
  if (status !== expected) return `${status}, expected ${expected}`;
  return contentType.startsWith('application/problem+json') ? undefined : `${status} as ${contentType}`;
}

describe('the role matrix of the five services (docs/security.md)', () => {
  const services = new Map<string, ServiceUnderTest>();
  const routes = new Map<string, DeclaredRoute[]>();
  // Juries sit from January to July (JURY-1).
  const juryClock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
  let sink: SmtpSink;
  const svc = (name: string) => services.get(name) as ServiceUnderTest;

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    // One deployment: the services meet through the topics of one namespace, as in production.
    const deployment = { DEPLOYMENT_NAMESPACE: uniqueName('matrix') };
    for (const [name, module] of SERVICE_MODULES) {
      const started =
        name === 'notification'
          ? await startNotification(sink, deployment)
          : await startService(name, module, deployment, (builder) =>
              name === 'jury' ? builder.overrideProvider(CLOCK).useValue(juryClock) : builder,
            );
      services.set(name, started);
      routes.set(name, declaredRoutes(started.app));
    }
  });

  afterAll(async () => {
    for (const started of [...services.values()].reverse()) await started.close();
    await sink?.stop();
  });

  it('declares who may call each route, with @Public() or @Roles(...)', () => {
    const undeclared = [...routes].flatMap(([service, list]) =>
      list
        .filter((route) => route.access.kind === 'undeclared')
        .map((route) => `${service} ${route.method} ${route.path}`),
    );
    expect(undeclared).toEqual([]);
    expect([...routes.values()].flat().length).toBeGreaterThan(90);
  });

  it('is the matrix docs/security.md shows (npm run security:matrix writes it)', async () => {
    expect(readFileSync(SECURITY_DOC, 'utf8')).toBe(await securityDocWith(renderMatrix(routes)));
  });

  it('lets each role through where it is declared and nowhere else (403); no token, a forged, expired or foreign one: 401', async () => {
    const anyService = svc('candidacy');
    const callers: Caller[] = [
      ...ROLES.map((role) => ({ name: role, role, token: anyService.token(role, `matrix-${role}`) })),
      { name: 'no token' },
      ...forgedTokens(String(process.env.AUTH_DEV_KEY_DIR), ROLES).map(({ name, token }) => ({ name, token })),
    ];
    const cases = [...routes].flatMap(([service, list]) =>
      list.flatMap((route) => callers.map((caller) => ({ service, route, caller }))),
    );
    const answers = await inPool(
      cases.map(
        ({ service, route, caller }) =>
          () =>
            call(svc(service).url, route, caller.token),
      ),
      8,
    );
    const wrong = cases.flatMap(({ service, route, caller }, index) => {
      const problem = mismatch(route.access, caller, answers[index]);
      return problem === undefined ? [] : [`${service} ${route.method} ${route.path} as ${caller.name}: ${problem}`];
    });
    expect(wrong).toEqual([]);
    expect(cases.length).toBe([...routes.values()].flat().length * (ROLES.length + 9));
  });

  describe("another owner's resource is not found (404), as a missing one", () => {
    const owner = uniqueName('owner');
    const stranger = uniqueName('stranger');
    const programmeCode = uniqueCode('MS-MATRIX');
    const leadId = `lead-${programmeCode.toLowerCase()}`;
    let candidacyId = '';

    it('candidacy: a candidate asking for another candidate’s file and document', async () => {
      const candidacy = svc('candidacy');
      const officer = new Client(candidacy, candidacy.token('admissions-officer', 'officer-1'));
      expect((await officer.post('/v1/programmes', openProgramme(programmeCode))).status).toBe(201);
      const mine = new Client(candidacy, candidacy.token('candidate', owner));
      candidacyId = String((await mine.post('/v1/candidacies')).body.candidacyId);
      await mine.put(`/v1/candidacies/${candidacyId}/identity`, identity);
      await mine.put(`/v1/candidacies/${candidacyId}/diplomas`, { diplomas: [m1] });
      await mine.put(`/v1/candidacies/${candidacyId}/experience`, { months: 40 });
      await mine.put(`/v1/candidacies/${candidacyId}/programme`, { programmeCode });
      const cv = await mine.attach(candidacyId, 'CV', await samplePdf(`cv ${candidacyId}`));
      await mine.attach(candidacyId, 'MOTIVATION_LETTER', await samplePdf(`letter ${candidacyId}`));
      expect((await mine.post(`/v1/candidacies/${candidacyId}/submission`)).status).toBe(200);

      const documentPath = `/v1/candidacies/${candidacyId}/documents/${String(cv.body.documentId)}/content`;
      const theirs = mine.as(candidacy.token('candidate', stranger));
      expect((await mine.get(`/v1/candidacies/${candidacyId}`)).status).toBe(200);
      expect((await mine.get(documentPath)).status).toBe(200);
      expect((await theirs.get(`/v1/candidacies/${candidacyId}`)).status).toBe(404);
      expect((await theirs.get(documentPath)).status).toBe(404);
    });

    it('review: a pedagogical lead asking for a review assigned to another lead', async () => {
      const review = svc('review');
      const lead = new Client(review, review.token('pedagogical-lead', leadId));
      await eventually(async () => {
        const worklist = await lead.get<{ candidacyId: string }[]>('/v1/worklist');
        return worklist.body.find?.((entry) => entry.candidacyId === candidacyId);
      }, 60_000);
      expect((await lead.get(`/v1/reviews/${candidacyId}`)).status).toBe(200);
      const otherLead = lead.as(review.token('pedagogical-lead', uniqueName('lead')));
      expect((await otherLead.get(`/v1/reviews/${candidacyId}`)).status).toBe(404);
    });

    it('notification: a candidate marking another candidate’s inbox item as read', async () => {
      const notification = svc('notification');
      const mine = new Client(notification, notification.token('candidate', owner));
      const item = await eventually(
        async () => (await mine.get<{ items: { id: string }[] }>('/v1/inbox')).body.items?.[0],
        60_000,
      );
      const theirs = mine.as(notification.token('candidate', stranger));
      expect((await theirs.post(`/v1/inbox/${item.id}/read`)).status).toBe(404);
      expect((await mine.post(`/v1/inbox/${item.id}/read`)).status).toBe(204);
    });

    it('jury: a candidate enrolling on another candidate’s offer', async () => {
      const jury = svc('jury');
      const code = uniqueCode('MS-JURY');
      await seedProgramme(jury, code, 2, [owner]);
      const juror = new Client(jury, jury.token('jury-member', 'juror-1'));
      const scheduled = await juror.post(`/v1/programmes/${code}/sessions`, { at: '2027-01-20T10:00:00+01:00' });
      expect(scheduled.status).toBe(201);
      await juryClock.set(new Date('2027-01-20T11:00:00+01:00'));
      const decided = await juror.post(
        `/v1/programmes/${code}/sessions/${String(scheduled.body.sessionId)}/decisions`,
        {
          candidateId: owner,
          decision: 'ADMITTED',
          reason: 'Dossier et entretien convaincants',
        },
      );
      expect(decided.status).toBe(201);
      const enrolment = `/v1/programmes/${code}/offers/offer:cy-${owner}/enrolment`;
      expect((await juror.as(jury.token('candidate', stranger)).post(enrolment)).status).toBe(404);
      expect((await juror.as(jury.token('candidate', owner)).post(enrolment)).status).toBe(200);
    });

    it('mobility: a student asking for another student’s plan and mobility status', async () => {
      const mobility = svc('mobility');
      const office = new Client(mobility, mobility.token('international-office', 'dri-1'));
      const partner = await office.post('/v1/partners', {
        name: 'Technische Universität Berlin',
        country: 'DE',
        agreements: [{ kind: 'EXCHANGE', placesPerAcademicYear: 4, startsOn: '2024-09-01', endsOn: '2030-08-31' }],
      });
      expect(partner.status).toBe(201);
      const mine = new Client(mobility, mobility.token('student', owner));
      const plan = await mine.post('/v1/plans', exchangePlan(String(partner.body.partnerId)));
      expect(plan.status).toBe(201);
      const theirs = mine.as(mobility.token('student', stranger));
      expect((await mine.get(`/v1/plans/${String(plan.body.planId)}`)).status).toBe(200);
      expect((await theirs.get(`/v1/plans/${String(plan.body.planId)}`)).status).toBe(404);
      expect((await theirs.get(`/v1/students/${owner}/mobility`)).status).toBe(404);
    });

    it("journals the staff's reads of the file, not the candidate's own, for the data-protection officer", async () => {
      const candidacy = svc('candidacy');
      const review = svc('review');
      const officer = new Client(candidacy, candidacy.token('admissions-officer', 'officer-1'));
      expect((await officer.get(`/v1/candidacies/${candidacyId}`)).status).toBe(200);
      const journal = (service: ServiceUnderTest) =>
        new Client(service, service.token('data-protection-officer', 'dpo-1')).get<{
          reads: { readerId: string; operation: string; readAt: string }[];
        }>(`/v1/access-journal?candidacyId=${candidacyId}`);

      const candidacyReads = await journal(candidacy);
      expect(candidacyReads.status).toBe(200);
      expect(candidacyReads.body.reads).toEqual([
        expect.objectContaining({ readerId: 'officer-1', operation: 'GET /v1/candidacies/:candidacyId' }),
      ]);
      // The assigned lead's read, not the other lead's refused one.
      const reviewReads = await journal(review);
      expect(reviewReads.body.reads).toEqual([
        expect.objectContaining({ readerId: leadId, operation: 'GET /v1/reviews/:candidacyId' }),
      ]);
      expect(Date.parse(reviewReads.body.reads[0].readAt)).toBeGreaterThan(Date.now() - 300_000);
    });
  });
});
