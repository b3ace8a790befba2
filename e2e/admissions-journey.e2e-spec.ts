// A candidate's journey across the running services, which meet only through Kafka: each is
// booted in this process on its own database, with the production topics and consumer groups.
import { ContractRegistry, decisionContracts, reviewContracts } from '@admissions/contracts';
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK, DECISIONS_TOPIC, eventTopicOf } from '@admissions/platform';
import { eventually, samplePdf, startService, testEnv, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { Client, identity, m1, openProgramme, uniqueCode } from '../apps/candidacy/src/candidacy.int-helpers';
import { JuryModule } from '../apps/jury/src/jury.module';
import { ReviewModule } from '../apps/review/src/review.module';

interface Published {
  readonly type: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
}

/** Everything published on a topic from now on, as a campus system subscribing to it sees it. */
async function follow(topic: string): Promise<{ seen: Published[]; stop: () => Promise<void> }> {
  const kafka = new Kafka({ clientId: 'journey', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: uniqueName('journey') });
  const seen: Published[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      seen.push({
        type: message.headers?.ce_type?.toString() ?? '',
        subject: message.headers?.ce_subject?.toString() ?? '',
        data: JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown>,
      });
    },
  });
  return { seen, stop: () => consumer.disconnect() };
}

describe('admissions journey across services', () => {
  let candidacy: ServiceUnderTest;
  let review: ServiceUnderTest;
  let jury: ServiceUnderTest;
  let reviewTopic: Awaited<ReturnType<typeof follow>>;
  let decisions: Awaited<ReturnType<typeof follow>>;
  // Juries sit from January to July (JURY-1): the jury's clock starts in January.
  const juryClock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
  // The lead's clock is moved past the interview instead of waiting for it.
  const reviewClock = new ManualClock(new Date());

  beforeAll(async () => {
    // One deployment: the three services talk through the topics of one namespace.
    const deployment = { DEPLOYMENT_NAMESPACE: uniqueName('journey') };
    candidacy = await startService('candidacy', CandidacyModule, deployment);
    review = await startService('review', ReviewModule, deployment, (builder) =>
      builder.overrideProvider(CLOCK).useValue(reviewClock),
    );
    jury = await startService('jury', JuryModule, { ...deployment, REDIS_URL: `${testEnv().redisUrl}/12` }, (builder) =>
      builder.overrideProvider(CLOCK).useValue(juryClock),
    );
    reviewTopic = await follow(jury.names.kafka(eventTopicOf('review')));
    decisions = await follow(jury.names.kafka(DECISIONS_TOPIC));
  });

  afterAll(async () => {
    await reviewTopic?.stop();
    await decisions?.stop();
    await jury?.close();
    await review?.close();
    await candidacy?.close();
  });

  it('submitted in candidacy, reviewed and declared admissible, admitted by the jury, enrolled: each step reaches the next service through Kafka', async () => {
    const programmeCode = uniqueCode('MS-E2E');
    const leadId = `lead-${programmeCode.toLowerCase()}`;
    const officer = new Client(candidacy, candidacy.token('admissions-officer', 'officer-1'));
    expect((await officer.post('/v1/programmes', openProgramme(programmeCode))).status).toBe(201);

    const candidateId = uniqueName('cand');
    const candidate = new Client(candidacy, candidacy.token('candidate', candidateId));
    const opened = await candidate.post('/v1/candidacies');
    const candidacyId = String(opened.body.candidacyId);
    await candidate.put(`/v1/candidacies/${candidacyId}/identity`, identity);
    await candidate.put(`/v1/candidacies/${candidacyId}/diplomas`, { diplomas: [m1] });
    await candidate.put(`/v1/candidacies/${candidacyId}/experience`, { months: 40 });
    await candidate.put(`/v1/candidacies/${candidacyId}/programme`, { programmeCode });
    await candidate.attach(candidacyId, 'CV', await samplePdf(`cv ${candidacyId}`));
    await candidate.attach(candidacyId, 'MOTIVATION_LETTER', await samplePdf(`letter ${candidacyId}`));
    expect((await candidate.post(`/v1/candidacies/${candidacyId}/submission`)).status).toBe(200);

    // REV-1: the review service learns of the file only from the candidacy topic.
    const lead = new Client(review, review.token('pedagogical-lead', leadId));
    const item = await eventually(async () => {
      const worklist = await lead.get<{ items?: { candidacyId: string }[] } | { candidacyId: string }[]>(
        '/v1/worklist',
      );
      const items = Array.isArray(worklist.body) ? worklist.body : (worklist.body.items ?? []);
      return items.find((entry) => entry.candidacyId === candidacyId);
    }, 60_000);
    expect(item).toMatchObject({ candidacyId });

    // REV-2, REV-3, REV-4: an interview in the future, held, conclusive, then a favourable opinion.
    const at = new Date(reviewClock.now().getTime() + 3_600_000).toISOString();
    expect(
      (
        await lead.post(`/v1/reviews/${candidacyId}/interview`, {
          at,
          mode: 'VIDEO',
          link: 'https://visio.example.org/r/1',
        })
      ).status,
    ).toBeLessThan(300);
    await reviewClock.advance(2 * 3_600_000);
    const outcome = await lead.post(`/v1/reviews/${candidacyId}/interview/outcome`, {
      conclusive: true,
      notes: 'Projet professionnel clair',
    });
    expect(outcome.status).toBeLessThan(300);
    const opinion = await lead.post(`/v1/reviews/${candidacyId}/opinion`, {
      opinion: 'FAVOURABLE',
      motivation: 'Parcours solide, expérience pertinente et motivation claire pour ce mastère.',
    });
    expect(opinion.status).toBeLessThan(300);

    const admissible = await eventually(async () =>
      reviewTopic.seen.find((e) => e.type === 'CandidateDeclaredAdmissible' && e.data.candidacyId === candidacyId),
    );
    expect(new ContractRegistry(reviewContracts).validate(admissible.type, admissible.data)).toBeUndefined();
    expect(admissible.data).toMatchObject({ candidacyId, programmeCode });

    // JURY-1, JURY-2: the admissible candidate waits for the programme's next session and joins its agenda.
    const juror = new Client(jury, jury.token('jury-member', 'juror-1'));
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
    const sessionId = String(scheduled.body.sessionId);
    await eventually(async () => {
      const answer = await juror.get<{ sessions: { agenda: { candidateId: string }[] }[] }>(
        `/v1/programmes/${programmeCode}/sessions`,
      );
      return (
        answer.body.sessions?.some((s) => s.agenda.some((entry) => entry.candidateId === candidateId)) || undefined
      );
    }, 60_000);

    // JURY-4: admission makes an offer holding a seat for 10 days; the candidate enrols within it.
    await juryClock.set(new Date('2027-01-20T11:00:00+01:00'));
    const decided = await juror.post(`/v1/programmes/${programmeCode}/sessions/${sessionId}/decisions`, {
      candidateId,
      decision: 'ADMITTED',
      reason: 'Dossier et entretien convaincants',
    });
    expect(decided.status).toBeLessThan(300);
    await juryClock.set(new Date('2027-01-29T18:00:00+01:00'));
    const enrolled = await new Client(jury, jury.token('candidate', candidateId)).post(
      `/v1/programmes/${programmeCode}/offers/offer:${candidacyId}/enrolment`,
    );
    expect(enrolled.status).toBe(200);

    // Campus systems read the outcome on the public decision stream, each message valid against its schema.
    const published = await eventually(async () => {
      const mine = decisions.seen.filter((e) => JSON.stringify(e.data).includes(candidateId));
      return mine.some((e) => e.type.endsWith('enrolled')) ? mine : undefined;
    }, 60_000);
    const contracts = new ContractRegistry(decisionContracts);
    for (const event of published) expect(contracts.validate(event.type, event.data)).toBeUndefined();
    expect(published.map((e) => e.type)).toEqual(
      expect.arrayContaining(['admissions.decision.admitted', 'admissions.decision.enrolled']),
    );
  });
});
