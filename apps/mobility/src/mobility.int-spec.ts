import { EventStore } from '@admissions/event-store';
import { eventually, startService, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { client, courses, exchangePlan } from '../test/mobility-client';
import { MobilityModule } from './mobility.module';

const summerStay = {
  student: { regime: 'REGULAR', yearOfStudy: 2, track: 'Energy' },
  kind: 'SUMMER_STAY',
  host: { name: 'Massachusetts Institute of Technology', country: 'US' },
  startOn: '2027-07-01',
  endOn: '2027-08-31',
};

describe('mobility service over HTTP, against the real servers', () => {
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof client>;
  let partnerId: string;

  const commits = () => svc.app.get(EventStore).commits.countDocuments();

  beforeAll(async () => {
    svc = await startService('mobility', MobilityModule, { SEED_DEMO_PARTNERS: 'false' });
    api = client(svc);
    const partner = await api.call('POST', '/v1/partners', api.staff('office'), {
      name: 'Technische Universität Berlin',
      country: 'DE',
      agreements: [
        { kind: 'EXCHANGE', placesPerAcademicYear: 4, startsOn: '2024-09-01', endsOn: '2030-08-31' },
        { kind: 'DOUBLE_DEGREE', placesPerAcademicYear: 2, startsOn: '2024-09-01', endsOn: '2030-08-31' },
      ],
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.partnerId;
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('MOB-1 / MOB-5: an exchange semester goes from proposal to a fulfilled requirement, with its learning agreement changed three times', async () => {
    const studentId = uniqueName('student');
    const me = api.student(studentId);
    const advisor = api.staff('advisor');

    const proposed = await api.call('POST', '/v1/plans', me, exchangePlan(partnerId));
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      studentId,
      status: 'proposed',
      host: { name: 'Technische Universität Berlin', country: 'DE', partnerId },
      flags: { supervisedByStudyAdvisor: true, engineeringInternshipRequired: true },
      requirement: { status: 'PENDING' },
    });
    const planId: string = proposed.body.planId;
    const plan = `/v1/plans/${planId}`;

    // The international office sees the student among those who have not fulfilled MOB-1.
    await eventually(async () => {
      const report = await api.call('GET', '/v1/reports/unfulfilled?year=2&track=Data%20science', api.staff('office'));
      return report.body.students.some((s: { studentId: string }) => s.studentId === studentId) ? true : undefined;
    });

    const v1 = await api.call('POST', `${plan}/learning-agreement/proposals`, me, {
      courses: courses('A', 6, 6, 6, 6, 6),
    });
    expect(v1.status).toBe(200);
    expect(
      (await api.call('POST', `${plan}/approvals/study-advisor`, advisor)).body.approvals.studyAdvisor,
    ).toMatchObject({
      by: 'advisor-1',
    });
    expect((await api.call('POST', `${plan}/learning-agreement/approvals`, advisor, { version: 1 })).status).toBe(200);
    // MOB-10: the international office's approval takes one of the partner's exchange places.
    expect((await api.call('POST', `${plan}/approvals/dri`, api.staff('office'))).status).toBe(200);

    const started = await api.call('POST', `${plan}/start`, me);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('in_mobility');

    for (const prefix of ['B', 'C', 'D']) {
      const changed = await api.call('POST', `${plan}/learning-agreement/changes`, me, {
        courses: courses(prefix, 10, 10, 10),
      });
      expect(changed.status).toBe(200);
    }
    expect((await api.call('POST', `${plan}/learning-agreement/approvals`, advisor, { version: 4 })).status).toBe(200);

    const history = await api.call('GET', `${plan}/learning-agreement`, me);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ approvedVersion: 4, latestVersion: 4 });
    expect(
      history.body.versions.map((v: { version: number; status: string; duringMobility: boolean }) => [
        v.version,
        v.status,
        v.duringMobility,
      ]),
    ).toEqual([
      [1, 'SUPERSEDED', false],
      [2, 'SUPERSEDED', true],
      [3, 'SUPERSEDED', true],
      [4, 'APPROVED', true],
    ]);
    expect(history.body.versions[0].approvedAt).not.toBeNull();
    expect(history.body.versions[0].courses).toHaveLength(5);
    expect(history.body.versions[2].courses[0]).toEqual({ code: 'C1', title: 'Course C1', ects: 10 });
    expect(history.body.versions.map((v: { totalEcts: number }) => v.totalEcts)).toEqual([30, 30, 30, 30]);

    const credited = await api.call('POST', `${plan}/credits`, advisor, { obtainedEcts: 30 });
    expect(credited.status).toBe(200);
    expect(credited.body).toMatchObject({
      status: 'completed',
      completion: { kind: 'CREDITS', obtainedEcts: 30, requiredEcts: 30, validated: true },
      requirement: { status: 'FULFILLED' },
      engineeringInternship: { obligation: 'PENDING' },
    });

    // MOB-5: the engineering internship on return, the last obligation, lasts at most 24 weeks (168 days here).
    const internship = await api.call('POST', `${plan}/engineering-internships`, api.staff('directorate'), {
      internshipKind: 'ENGINEERING',
      startOn: '2027-03-01',
      endOn: '2027-08-15',
      lastObligation: true,
    });
    expect(internship.status).toBe(200);
    expect(internship.body.engineeringInternship.obligation).toBe('SATISFIED');

    const status = await eventually(async () => {
      const answer = await api.call('GET', `/v1/students/${studentId}/mobility`, me);
      return answer.body.requirementFulfilled && answer.body.engineeringInternship === 'SATISFIED' ? answer : undefined;
    });
    expect(status.body).toMatchObject({
      studentId,
      profile: { regime: 'REGULAR', yearOfStudy: 2, track: 'Data science' },
      fulfilledBy: { planId, kind: 'EXCHANGE_SEMESTER' },
      plans: [
        {
          planId,
          status: 'completed',
          requirement: 'FULFILLED',
          academicYear: '2026-2027',
          approvals: { STUDY_ADVISOR: true },
          learningAgreement: { latestVersion: 4, approvedVersion: 4 },
        },
      ],
    });
    expect(status.body).not.toHaveProperty('_id');

    await eventually(async () => {
      const report = await api.call('GET', '/v1/reports/unfulfilled?year=2&track=Data%20science', api.staff('office'));
      return report.body.students.some((s: { studentId: string }) => s.studentId === studentId) ? undefined : true;
    });

    const places = await api.call('GET', `/v1/partners/${partnerId}/places?year=2026-2027`, api.staff('office'));
    expect(places.status).toBe(200);
    const exchange = places.body.agreements.find((a: { kind: string }) => a.kind === 'EXCHANGE');
    expect(exchange).toMatchObject({ placesPerAcademicYear: 4 });
    expect(exchange.plans).toContainEqual({ planId, kind: 'EXCHANGE_SEMESTER', status: 'completed' });
  });

  it('refuses bad input with the field or the rule id as problem+json, and appends nothing', async () => {
    const me = api.student(uniqueName('student'));
    const before = await commits();
    const refused = async (body: unknown, path = '/v1/plans', token = me) => {
      const answer = await api.call('POST', path, token, body);
      expect(answer.status).toBe(400);
      expect(answer.contentType).toContain('application/problem+json');
      return answer.body;
    };

    const impossibleDate = await refused({ ...exchangePlan(partnerId), startOn: '2027-02-30' });
    expect(impossibleDate.errors).toContainEqual(expect.objectContaining({ field: 'startOn' }));

    const noTrack = await refused({ ...exchangePlan(partnerId), student: { regime: 'REGULAR', yearOfStudy: 2 } });
    expect(noTrack.errors).toContainEqual(expect.objectContaining({ field: 'student.track' }));

    expect(await refused(exchangePlan(partnerId, 29))).toMatchObject({ ruleId: 'MOB-5', field: 'plannedEcts' });

    // MOB-3: 1 Sept 2026 → 28 Feb 2028 is 17 months, one day short of 18.
    const doubleDegree = { ...exchangePlan(partnerId), kind: 'DOUBLE_DEGREE', endOn: '2028-02-28', plannedEcts: 90 };
    expect(await refused(doubleDegree)).toMatchObject({ ruleId: 'MOB-3', field: 'endOn' });

    expect(await refused({ ...summerStay, host: { name: 'École de Lyon', country: 'FR' } })).toMatchObject({
      ruleId: 'MOB-1',
      field: 'host.country',
    });
    expect(await refused({ ...summerStay, student: { ...summerStay.student, yearOfStudy: 3 } })).toMatchObject({
      ruleId: 'MOB-7',
    });
    expect(await refused(exchangePlan('no-such-partner'))).toMatchObject({ field: 'host.partnerId' });

    const badPartner = await refused(
      { name: 'X', country: 'Germany', agreements: [] },
      '/v1/partners',
      api.staff('office'),
    );
    expect(badPartner.errors).toContainEqual(expect.objectContaining({ field: 'country' }));

    expect(await commits()).toBe(before);
  });

  it('MOB-5: a learning agreement short of 30 ECTS is not approved, and nothing is appended', async () => {
    const me = api.student(uniqueName('student'));
    const planId = (await api.call('POST', '/v1/plans', me, exchangePlan(partnerId))).body.planId;
    await api.call('POST', `/v1/plans/${planId}/learning-agreement/proposals`, me, {
      courses: courses('A', 6, 6, 6, 6, 5),
    });
    const before = await commits();

    const short = await api.call('POST', `/v1/plans/${planId}/learning-agreement/approvals`, api.staff('advisor'), {
      version: 1,
    });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ ruleId: 'MOB-5', field: 'courses' });

    const start = await api.call('POST', `/v1/plans/${planId}/start`, me);
    expect(start.status).toBe(422);
    expect(start.body.ruleId).toBe('MOB-5');
    expect(await commits()).toBe(before);
  });

  it("another student's plan and status are not found to a student; staff routes are forbidden", async () => {
    const owner = api.student(uniqueName('student'));
    const otherId = uniqueName('student');
    const other = api.student(otherId);
    const created = await api.call('POST', '/v1/plans', owner, exchangePlan(partnerId));
    const { planId, studentId } = created.body;
    const before = await commits();

    expect((await api.call('GET', `/v1/plans/${planId}`, other)).status).toBe(404);
    expect((await api.call('GET', `/v1/plans/${planId}/learning-agreement`, other)).status).toBe(404);
    expect((await api.call('PUT', `/v1/plans/${planId}`, other, exchangePlan(partnerId))).status).toBe(404);
    expect((await api.call('POST', `/v1/plans/${planId}/start`, other)).status).toBe(404);
    const proposal = await api.call('POST', `/v1/plans/${planId}/learning-agreement/proposals`, other, {
      courses: courses('A', 30),
    });
    expect(proposal.status).toBe(404);
    expect((await api.call('GET', `/v1/students/${studentId}/mobility`, other)).status).toBe(404);
    expect((await api.call('GET', `/v1/plans/${planId}`, owner)).status).toBe(200);
    expect((await api.call('GET', `/v1/plans/${planId}`, api.staff('office'))).status).toBe(200);

    expect((await api.call('POST', `/v1/plans/${planId}/approvals/study-advisor`, owner)).status).toBe(403);
    expect((await api.call('POST', `/v1/plans/${planId}/credits`, owner, { obtainedEcts: 30 })).status).toBe(403);
    expect((await api.call('GET', '/v1/reports/unfulfilled?year=2&track=x', owner)).status).toBe(403);
    expect(await commits()).toBe(before);

    const own = await api.call('GET', `/v1/students/${otherId}/mobility`, other);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ requirementFulfilled: false, plans: [] });
  });

  it('MOB-7: a summer stay counts only when both DFI and DRI approved it; a refusal keeps its reason', async () => {
    const completeSummer = async (approvals: readonly ('dfi' | 'dri')[]) => {
      const me = api.student(uniqueName('student'));
      const planId = (await api.call('POST', '/v1/plans', me, summerStay)).body.planId;
      const approver = { dfi: api.staff('directorate'), dri: api.staff('office') };
      for (const who of approvals) {
        expect((await api.call('POST', `/v1/plans/${planId}/approvals/${who}`, approver[who])).status).toBe(200);
      }
      expect((await api.call('POST', `/v1/plans/${planId}/start`, me)).status).toBe(200);
      const done = await api.call('POST', `/v1/plans/${planId}/internship-completion`, api.staff('directorate'), {
        startedOn: '2027-07-01',
        endedOn: '2027-08-31',
      });
      expect(done.status).toBe(200);
      return done.body;
    };

    const dfiOnly = await completeSummer(['dfi']);
    expect(dfiOnly.requirement.status).toBe('NOT_FULFILLED');
    expect(dfiOnly.requirement.reasons).toContainEqual(expect.objectContaining({ ruleId: 'MOB-7' }));
    expect((await completeSummer(['dfi', 'dri'])).requirement).toEqual({ status: 'FULFILLED', reasons: [] });

    const me = api.student(uniqueName('student'));
    const planId = (await api.call('POST', '/v1/plans', me, summerStay)).body.planId;
    const advisorApproval = await api.call('POST', `/v1/plans/${planId}/approvals/study-advisor`, api.staff('advisor'));
    expect(advisorApproval.status).toBe(422);
    expect(advisorApproval.body.ruleId).toBe('MOB-5');

    const noReason = await api.call('POST', `/v1/plans/${planId}/refusals`, api.staff('office'), {
      authority: 'dri',
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));

    const refusal = await api.call('POST', `/v1/plans/${planId}/refusals`, api.staff('office'), {
      authority: 'dri',
      reason: 'No supervisor named at the host',
    });
    expect(refusal.status).toBe(200);
    expect(refusal.body).toMatchObject({
      status: 'refused',
      refusals: [{ authority: 'INTERNATIONAL_OFFICE', by: 'dri-1', reason: 'No supervisor named at the host' }],
    });
    const reworked = await api.call('PUT', `/v1/plans/${planId}`, me, { ...summerStay, endOn: '2027-08-15' });
    expect(reworked.body).toMatchObject({ status: 'proposed', endOn: '2027-08-15' });
  });

  it('publishes an OpenAPI document with the mobility routes', async () => {
    const res = await fetch(`${svc.url}/docs-json`);
    const document = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/plans',
        '/v1/plans/{id}/approvals/dfi',
        '/v1/plans/{id}/learning-agreement',
        '/v1/students/{id}/mobility',
        '/v1/reports/unfulfilled',
        '/v1/partners/{id}/places',
        '/v1/plans/{id}/cancel',
        '/v1/students/me/contact',
      ]),
    );
  });

  it("records a student's own address and language for the notification service, the address under personal", async () => {
    const studentId = uniqueName('student');
    const me = api.student(studentId);
    const contact = { email: `${studentId}@student.example.org`, preferredLanguage: 'en' };
    const recorded = await api.call('PUT', '/v1/students/me/contact', me, contact);
    expect(recorded).toMatchObject({ status: 200, body: contact });
    const { events } = await svc.app.get(EventStore).readStream(`student-contact-${studentId}`);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      [
        'StudentContactRecorded',
        expect.objectContaining({ studentId, personal: { email: contact.email }, preferredLanguage: 'en' }),
      ],
    ]);
    const again = await api.call('PUT', '/v1/students/me/contact', me, contact);
    expect(again.status).toBe(200);
    expect((await svc.app.get(EventStore).readStream(`student-contact-${studentId}`)).version).toBe(1);
    const bad = await api.call('PUT', '/v1/students/me/contact', me, { email: 'nope', preferredLanguage: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email' }),
        expect.objectContaining({ field: 'preferredLanguage' }),
      ]),
    );
    expect((await api.call('PUT', '/v1/students/me/contact', api.staff('office'), contact)).status).toBe(403);
  });
});

describe('demo partners (SEED_DEMO_PARTNERS=true)', () => {
  it('seeds about forty double-degree partners once; a restart on the same database adds nothing', async () => {
    const first = await startService('mobility', MobilityModule, { SEED_DEMO_PARTNERS: 'true' });
    const database = first.database;
    const token = first.token('student', 'student-demo');
    let seeded = 0;
    try {
      seeded = await first.app.get(EventStore).commits.countDocuments();
      expect(seeded).toBeGreaterThanOrEqual(38);
      const listed = await eventually(async () => {
        const res = await fetch(`${first.url}/v1/partners`, { headers: { authorization: `Bearer ${token}` } });
        const partners = (await res.json()) as { partnerId: string; agreements: { kind: string }[] }[];
        return partners.length === seeded ? partners : undefined;
      });
      expect(listed.every((p) => p.agreements.some((a) => a.kind === 'DOUBLE_DEGREE'))).toBe(true);
    } finally {
      await first.close();
    }

    const again = await startService('mobility', MobilityModule, { SEED_DEMO_PARTNERS: 'true', MONGO_DB: database });
    try {
      expect(await again.app.get(EventStore).commits.countDocuments()).toBe(seeded);
      const res = await fetch(`${again.url}/v1/partners/dd-tum`, { headers: { authorization: `Bearer ${token}` } });
      expect(await res.json()).toMatchObject({ name: 'Technische Universität München', country: 'DE' });
    } finally {
      await again.close();
    }
  });
});
