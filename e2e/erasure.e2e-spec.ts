// Erasure across the five services: a candidate's file goes from candidacy to review (their
// contact), notification (their address) and the jury; the same person, as a student, proposes a
// mobility. The data-protection officer erases them, or a retention policy does; then no
// database, no key store and no topic of the deployment holds their name or email, even after
// each read model is rebuilt.
import { type Db, ErasurePort, KeyStoreConnection, MONGO_DB } from '@admissions/platform';
import { type Projection, ProjectionRunner } from '@admissions/projections';
import {
  collectionsHolding,
  eventually,
  samplePdf,
  startService,
  testEnv,
  topicsHolding,
  uniqueName,
  type ServiceUnderTest,
} from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client, m1, openProgramme, uniqueCode } from '../apps/candidacy/src/candidacy.int-helpers';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { candidacyProjections } from '../apps/candidacy/src/projections';
import { eventSourcing as juryEventSourcing } from '../apps/jury/src/event-sourcing';
import { JuryModule } from '../apps/jury/src/jury.module';
import { MobilityModule } from '../apps/mobility/src/mobility.module';
import { eventSourcing as mobilityEventSourcing } from '../apps/mobility/src/event-sourcing';
import { client as mobilityClient } from '../apps/mobility/test/mobility-client';
import { eventSourcing as notificationEventSourcing } from '../apps/notification/src/event-sourcing';
import { newSink, startNotification } from '../apps/notification/test/notification-under-test';
import type { SmtpSink } from '../apps/notification/test/smtp-sink';
import { eventSourcing as reviewEventSourcing } from '../apps/review/src/event-sourcing';
import { ReviewModule } from '../apps/review/src/review.module';

const PURGE_BOUND_MS = 60_000;

/** Letters only, so that the name passes validation and is found as it was typed. */
const letters = (count: number) =>
  Array.from({ length: count }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

describe('erasure of a person across the five services', () => {
  let candidacy: ServiceUnderTest;
  let review: ServiceUnderTest;
  let jury: ServiceUnderTest;
  let notification: ServiceUnderTest;
  let mobility: ServiceUnderTest;
  let sink: SmtpSink;
  let kafka: Kafka;
  let namespace: string;

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    namespace = uniqueName('erasure');
    const deployment = { DEPLOYMENT_NAMESPACE: namespace };
    candidacy = await startService('candidacy', CandidacyModule, deployment);
    review = await startService('review', ReviewModule, deployment);
    jury = await startService('jury', JuryModule, { ...deployment, REDIS_URL: `${testEnv().redisUrl}/12` });
    notification = await startNotification(sink, deployment, true);
    mobility = await startService('mobility', MobilityModule, { ...deployment, SEED_DEMO_PARTNERS: 'false' });
    kafka = new Kafka({ clientId: 'erasure-e2e', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  }, 180_000);

  afterAll(async () => {
    for (const svc of [mobility, notification, jury, review, candidacy]) await svc?.close();
    await sink?.stop();
  });

  const services = () => [candidacy, review, jury, notification, mobility];

  /** Every collection of the five databases and of the key store that holds one of the needles. */
  async function storedTraces(needles: readonly string[]): Promise<string[]> {
    const databases = [
      ...services().map((svc) => svc.app.get<Db>(MONGO_DB)),
      candidacy.app.get(KeyStoreConnection).mongo.db,
    ];
    const found = await Promise.all(databases.map((db) => collectionsHolding(db, needles)));
    return found.flat();
  }

  /**
   * The person applies and proposes a mobility, each service takes them in, `erase` erases them:
   * then no plaintext of theirs in any database, key store or topic, within a minute, nor after a
   * rebuild of every read model.
   */
  async function erasedEverywhere(erase: (personId: string) => Promise<void>): Promise<void> {
    const tag = letters(10);
    const personId = uniqueName('person');
    const personal = { firstName: `Ines${tag}`, lastName: `Oubliee${tag}`, email: `ines.${tag}@example.org` };
    const track = `Track ${tag}`;
    const needles = [personal.firstName, personal.lastName, personal.email];

    // As a candidate: a submitted file, which review and notification take in.
    const programmeCode = uniqueCode('MS-GDPR');
    const officer = new Client(candidacy, candidacy.token('admissions-officer', 'officer-1'));
    expect((await officer.post('/v1/programmes', openProgramme(programmeCode))).status).toBe(201);
    const candidate = new Client(candidacy, candidacy.token('candidate', personId));
    const candidacyId = String((await candidate.post('/v1/candidacies')).body.candidacyId);
    const path = `/v1/candidacies/${candidacyId}`;
    expect((await candidate.put(`${path}/identity`, { personal, preferredLanguage: 'fr' })).status).toBe(200);
    await candidate.put(`${path}/diplomas`, { diplomas: [m1] });
    await candidate.put(`${path}/experience`, { months: 40 });
    await candidate.put(`${path}/programme`, { programmeCode });
    const cvName = `CV ${personal.lastName}.pdf`;
    expect((await candidate.attach(candidacyId, 'CV', await samplePdf('cv'), cvName)).status).toBe(201);
    await candidate.attach(candidacyId, 'MOTIVATION_LETTER', await samplePdf('letter'));
    expect((await candidate.post(`${path}/submission`)).status).toBe(200);
    // As a student: a mobility whose profile (their track) is personal data.
    const api = mobilityClient(mobility);
    const summerStay = {
      student: { regime: 'REGULAR', yearOfStudy: 2, track },
      kind: 'SUMMER_STAY',
      host: { name: 'Massachusetts Institute of Technology', country: 'US' },
      startOn: '2027-07-01',
      endOn: '2027-08-31',
    };
    const proposed = await api.call('POST', '/v1/plans', api.student(personId), summerStay);
    expect(proposed.status).toBe(201);

    // Each service holds the person in clear in a read model, or their mail went out: all took them in.
    const lead = new Client(review, review.token('pedagogical-lead', `lead-${programmeCode.toLowerCase()}`));
    await eventually(async () => (await lead.get(`/v1/reviews/${candidacyId}`)).status === 200 || undefined, 60_000);
    await eventually(async () => sink.to(personal.email)[0], 60_000);
    const before = await eventually(async () => {
      const traces = await storedTraces(needles);
      return traces.length >= 3 ? traces : undefined;
    }, 60_000);
    expect(before.join()).toMatch(/test_review.*rm_reviews/);

    const started = Date.now();
    await erase(personId);
    // Polled by hand rather than with eventually: a failure names the collections still holding them.
    let remaining = await storedTraces(needles);
    while (remaining.length > 0 && Date.now() - started < PURGE_BOUND_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      remaining = await storedTraces(needles);
    }
    const purgedInMs = Date.now() - started;
    expect(remaining).toEqual([]);
    expect(purgedInMs).toBeLessThan(PURGE_BOUND_MS);
    process.stdout.write(`erasure (${expect.getState().currentTestName}): purged in ${purgedInMs} ms\n`);
    expect(await topicsHolding(kafka, `${namespace}.`, [...needles, track])).toEqual([]);
    // The services still answer about the file and the plans, with placeholders or nothing for the person.
    const reviewed = await lead.get<{ personal: Record<string, string> }>(`/v1/reviews/${candidacyId}`);
    expect(reviewed.body.personal).toMatchObject({ fullName: '[erased]', email: '[erased]' });
    const status = await api.call('GET', `/v1/students/${personId}/mobility`, api.student(personId));
    expect(status.body).toMatchObject({ studentId: personId, profile: null });
    const plan = await api.call('GET', `/v1/plans/${proposed.body.planId}`, api.student(personId));
    expect(plan.body).toMatchObject({ studentId: personId, student: null, kind: 'SUMMER_STAY' });
    // A cohort's track is a category many students share: the cohort stays, without them.
    const cohorts = mobility.app.get<Db>(MONGO_DB).collection('rm_mobility_cohorts');
    expect(await cohorts.countDocuments({ 'students.studentId': personId })).toBe(0);

    // A full rebuild of every read model of every service opens nothing: the key is gone.
    const rebuilt: [ServiceUnderTest, readonly Projection[]][] = [
      [candidacy, candidacyProjections],
      [review, reviewEventSourcing.projections],
      [jury, juryEventSourcing.projections],
      [notification, notificationEventSourcing.projections],
      [mobility, mobilityEventSourcing.projections],
    ];
    for (const [svc, projections] of rebuilt) {
      for (const projection of projections) await svc.app.get(ProjectionRunner).rebuild(projection);
    }
    expect(await storedTraces(needles)).toEqual([]);
  }

  it('by the data-protection officer (candidacy’s route): no plaintext left anywhere, nor after a rebuild', async () => {
    const dpo = new Client(candidacy, candidacy.token('data-protection-officer', 'dpo-1'));
    await erasedEverywhere(async (personId) => {
      const erased = await dpo.post(`/v1/persons/${personId}/erasure`, { reason: 'GDPR art. 17 request' });
      expect(erased.status).toBe(200);
    });
  }, 300_000);

  it('by review’s retention (PersonErased on review’s topic): the other services purge them too', async () => {
    await erasedEverywhere(async (personId) => {
      const outcome = await review.app.get(ErasurePort).erase(personId, 'retention:not-admissible');
      expect(outcome).toBe('erased');
    });
  }, 300_000);
});
