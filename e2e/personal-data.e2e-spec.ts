// GDPR art. 15 across the five services: two candidates go through the same programme (submitted,
// reviewed, decided by one jury session, notified, then students with a mobility plan); each
// service's GET /v1/me/data gives each of them their own data and nothing of the other's.
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK, type Role } from '@admissions/platform';
import { eventually, samplePdf, startService, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { Client, identity, m1, openProgramme, uniqueCode } from '../apps/candidacy/src/candidacy.int-helpers';
import { exchangePlan } from '../apps/mobility/test/mobility-client';
import { newSink, startNotification } from '../apps/notification/test/notification-under-test';
import type { SmtpSink } from '../apps/notification/test/smtp-sink';
import { SERVICE_MODULES } from './security/role-matrix';

interface SubjectData {
  subjectId: string;
  service: string;
  readModels: { readModel: string; documents: Record<string, unknown>[] }[];
  streams: { streamId: string; events: { type: string; occurredAt: string; data: Record<string, unknown> }[] }[];
}

interface Person {
  readonly id: string;
  readonly personal: typeof identity.personal;
  candidacyId: string;
}

const person = (tag: string): Person => {
  const id = uniqueName(tag);
  return {
    id,
    personal: { ...identity.personal, lastName: `Name${tag}`, email: `${id}@example.org` },
    candidacyId: '',
  };
};

describe('GET /v1/me/data: what each service holds about the caller (GDPR art. 15)', () => {
  const services = new Map<string, ServiceUnderTest>();
  const svc = (name: string) => services.get(name) as ServiceUnderTest;
  // Juries sit from January to July (JURY-1); the lead's clock is moved past the interview.
  const juryClock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
  const reviewClock = new ManualClock(new Date());
  const clocks: Record<string, ManualClock> = { jury: juryClock, review: reviewClock };
  const programmeCode = uniqueCode('MS-GDPR');
  const leadId = `lead-${programmeCode.toLowerCase()}`;
  const alice = person('alice');
  const bob = person('bob');
  let sink: SmtpSink;

  const dataOf = async (service: string, subject: string, role: Role = 'candidate') => {
    const answer = await new Client(svc(service), svc(service).token(role, subject)).get<SubjectData>('/v1/me/data');
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    const deployment = { DEPLOYMENT_NAMESPACE: uniqueName('mydata') };
    for (const [name, module] of SERVICE_MODULES) {
      const clock = clocks[name];
      services.set(
        name,
        name === 'notification'
          ? await startNotification(sink, deployment)
          : await startService(name, module, deployment, (builder) =>
              clock === undefined ? builder : builder.overrideProvider(CLOCK).useValue(clock),
            ),
      );
    }
  });

  afterAll(async () => {
    for (const started of [...services.values()].reverse()) await started.close();
    await sink?.stop();
  });

  async function submit(candidate: Person): Promise<void> {
    const client = new Client(svc('candidacy'), svc('candidacy').token('candidate', candidate.id));
    candidate.candidacyId = String((await client.post('/v1/candidacies')).body.candidacyId);
    const path = `/v1/candidacies/${candidate.candidacyId}`;
    expect((await client.put(`${path}/identity`, { ...identity, personal: candidate.personal })).status).toBe(200);
    await client.put(`${path}/diplomas`, { diplomas: [m1] });
    await client.put(`${path}/experience`, { months: 40 });
    await client.put(`${path}/programme`, { programmeCode });
    await client.attach(candidate.candidacyId, 'CV', await samplePdf(`cv ${candidate.id}`));
    await client.attach(candidate.candidacyId, 'MOTIVATION_LETTER', await samplePdf(`letter ${candidate.id}`));
    expect((await client.post(`${path}/submission`)).status).toBe(200);
  }

  async function reviewAdmissible(candidate: Person): Promise<void> {
    const lead = new Client(svc('review'), svc('review').token('pedagogical-lead', leadId));
    const path = `/v1/reviews/${candidate.candidacyId}`;
    await eventually(async () => (await lead.get(path)).status === 200 || undefined, 60_000);
    const at = new Date(reviewClock.now().getTime() + 3_600_000).toISOString();
    expect(
      (await lead.post(`${path}/interview`, { at, mode: 'VIDEO', link: 'https://visio.example.org/r/1' })).status,
    ).toBeLessThan(300);
    await reviewClock.advance(2 * 3_600_000);
    expect(
      (await lead.post(`${path}/interview/outcome`, { conclusive: true, notes: 'Entretien clair' })).status,
    ).toBeLessThan(300);
    const motivation = 'Parcours solide, expérience pertinente et motivation claire pour ce mastère.';
    expect((await lead.post(`${path}/opinion`, { opinion: 'FAVOURABLE', motivation })).status).toBeLessThan(300);
  }

  async function decide(): Promise<void> {
    const juror = new Client(svc('jury'), svc('jury').token('jury-member', 'juror-1'));
    const scheduled = await eventually(
      async () => {
        const answer = await juror.post(`/v1/programmes/${programmeCode}/sessions`, {
          at: '2027-01-20T10:00:00+01:00',
        });
        return answer.status === 201 ? answer : undefined;
      },
      60_000,
      250,
    );
    await eventually(async () => {
      const answer = await juror.get<{ sessions: { agenda: { candidateId: string }[] }[] }>(
        `/v1/programmes/${programmeCode}/sessions`,
      );
      const agenda = answer.body.sessions?.flatMap((session) => session.agenda) ?? [];
      return [alice, bob].every((c) => agenda.some((entry) => entry.candidateId === c.id)) || undefined;
    }, 60_000);
    await juryClock.set(new Date('2027-01-20T11:00:00+01:00'));
    const decisions = `/v1/programmes/${programmeCode}/sessions/${String(scheduled.body.sessionId)}/decisions`;
    const reason = 'Dossier et entretien examinés';
    expect((await juror.post(decisions, { candidateId: alice.id, decision: 'ADMITTED', reason })).status).toBe(201);
    expect((await juror.post(decisions, { candidateId: bob.id, decision: 'REJECTED', reason })).status).toBe(201);
  }

  async function planMobility(student: Person, partnerId: string): Promise<void> {
    const client = new Client(svc('mobility'), svc('mobility').token('student', student.id));
    expect((await client.post('/v1/plans', exchangePlan(partnerId))).status).toBe(201);
    expect(
      (await client.put('/v1/students/me/contact', { email: student.personal.email, preferredLanguage: 'fr' })).status,
    ).toBe(200);
  }

  it("gives each candidate, in each service, their own data and nothing of the other's", async () => {
    const officer = new Client(svc('candidacy'), svc('candidacy').token('admissions-officer', 'officer-1'));
    expect((await officer.post('/v1/programmes', openProgramme(programmeCode))).status).toBe(201);
    await submit(alice);
    await submit(bob);
    // A staff read of Alice's file: the access journal is part of what she gets.
    expect((await officer.get(`/v1/candidacies/${alice.candidacyId}`)).status).toBe(200);
    await reviewAdmissible(alice);
    await reviewAdmissible(bob);
    await decide();
    const office = new Client(svc('mobility'), svc('mobility').token('international-office', 'dri-1'));
    const partner = await office.post('/v1/partners', {
      name: 'Technische Universität Berlin',
      country: 'DE',
      agreements: [{ kind: 'EXCHANGE', placesPerAcademicYear: 4, startsOn: '2024-09-01', endsOn: '2030-08-31' }],
    });
    expect(partner.status).toBe(201);
    await planMobility(alice, String(partner.body.partnerId));
    await planMobility(bob, String(partner.body.partnerId));

    // Notified: the receipt and the jury's decision reached each inbox.
    const inboxKinds = async (candidate: Person) => {
      const data = await dataOf('notification', candidate.id);
      const inbox = data.readModels.find((model) => model.readModel === 'rm_inbox')?.documents[0];
      return ((inbox?.items ?? []) as { kind: string }[]).map((item) => item.kind);
    };
    for (const candidate of [alice, bob])
      await eventually(async () => (await inboxKinds(candidate)).includes('JURY_DECISION') || undefined, 60_000);

    const everything = new Map<string, SubjectData>();
    for (const [service] of SERVICE_MODULES) everything.set(service, await dataOf(service, alice.id));
    const text = (service: string) => JSON.stringify(everything.get(service));
    const streamTypes = (service: string) =>
      (everything.get(service)?.streams ?? []).flatMap((stream) => stream.events.map((event) => event.type));
    const readModels = (service: string) => (everything.get(service)?.readModels ?? []).map((m) => m.readModel);

    for (const [service, data] of everything) {
      expect({ service, subjectId: data.subjectId }).toEqual({ service: data.service, subjectId: alice.id });
      // Bob appears nowhere: neither his id, his file, his name nor his address.
      for (const secret of [bob.id, bob.candidacyId, bob.personal.lastName, bob.personal.email])
        expect({ service, found: text(service).includes(secret) }).toEqual({ service, found: false });
    }
    expect(readModels('candidacy')).toEqual(
      expect.arrayContaining(['rm_candidate_files', 'rm_candidate_space', 'access_journal']),
    );
    expect(text('candidacy')).toContain(alice.personal.lastName);
    expect(streamTypes('candidacy')).toEqual(expect.arrayContaining(['CandidacyOpened', 'CandidacySubmitted']));
    const journal = everything.get('candidacy')?.readModels.find((m) => m.readModel === 'access_journal');
    expect(journal?.documents).toEqual([expect.objectContaining({ readerId: 'officer-1' })]);

    expect(readModels('review')).toContain('rm_reviews');
    expect(streamTypes('review')).toEqual(expect.arrayContaining(['ReviewOpened', 'CandidateDeclaredAdmissible']));
    expect(text('review')).toContain(alice.personal.lastName);

    expect(readModels('jury')).toContain('rm_candidate_applications');
    expect(streamTypes('jury')).toEqual(expect.arrayContaining(['AdmissionDecided', 'OfferMade']));

    expect(readModels('notification')).toEqual(['rm_inbox']);
    expect(text('notification')).toContain(alice.personal.email);

    expect(readModels('mobility')).toEqual(['rm_student_mobility']);
    expect(streamTypes('mobility')).toEqual(expect.arrayContaining(['MobilityPlanProposed', 'StudentContactRecorded']));

    // Bob's answer is his own, as Alice's was hers.
    const bobs = await dataOf('jury', bob.id);
    expect(JSON.stringify(bobs)).not.toContain(alice.id);
    expect(bobs.streams.flatMap((s) => s.events).find((e) => e.type === 'AdmissionDecided')?.data).toMatchObject({
      candidateId: bob.id,
      decision: 'REJECTED',
    });
  });

  it("gives a lead their part in the files they review, not the candidates' data, and journals no read", async () => {
    const lead = await dataOf('review', leadId, 'pedagogical-lead');
    const reviews = lead.readModels.find((model) => model.readModel === 'rm_reviews')?.documents ?? [];
    expect(reviews.map((review) => review.candidacyId).sort()).toEqual([alice.candidacyId, bob.candidacyId].sort());
    expect(JSON.stringify(lead)).not.toContain(alice.personal.lastName);
    expect(lead.streams).toEqual([]);

    const programmes = (await dataOf('candidacy', leadId, 'pedagogical-lead')).readModels;
    expect(programmes).toEqual([
      { readModel: 'rm_programmes', documents: [expect.objectContaining({ code: programmeCode })] },
    ]);

    // Reading one's own data is no staff read: the journal of Alice's file is as it was.
    const dpo = new Client(svc('review'), svc('review').token('data-protection-officer', 'dpo-1'));
    const reads = await dpo.get<{ reads: unknown[] }>(`/v1/access-journal?candidacyId=${alice.candidacyId}`);
    expect(reads.body.reads).toEqual([expect.objectContaining({ readerId: leadId })]);
  });

  it('answers 401 problem+json without a token', async () => {
    const answer = await new Client(svc('mobility')).get('/v1/me/data');
    expect(answer.status).toBe(401);
    expect(answer.contentType).toContain('application/problem+json');
  });
});
