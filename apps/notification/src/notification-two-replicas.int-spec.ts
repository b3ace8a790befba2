import { DeadlineScheduler } from '@admissions/deadlines';
import {
  eventually,
  leaseHolder,
  logSettled,
  metricOf,
  oneDeployment,
  settledDeployment,
  SETTLED_DEPLOYMENT,
  testEnv,
  uniqueName,
  type ServiceUnderTest,
} from '@admissions/testing';
import { Queue } from 'bullmq';
import { Kafka, logLevel } from 'kafkajs';
import type { InboxDto } from './api/inbox.dto';
import { offerReminderStream } from './application/offer-reminders';
import { SEND_QUEUE_NAME } from './infrastructure/bull-send-queue';
import { projections } from './projections';
import { candidacyEvents, juryEvents, person, type Person } from '../test/journey-events';
import { getJson, namesOf, newSink, sourcesFor, startNotification } from '../test/notification-under-test';
import type { SmtpSink } from '../test/smtp-sink';
import type { SourceEvents } from '../test/source-events';

const DAY = 86_400_000;

// Two replicas of the notification service, as a Deployment with replicas: 2 runs them: one
// database, one namespace (so the same consumer groups and the same BullMQ send and deadline
// queues), one SMTP server. The other services are played by their events on their topics.
describe('notification service with two replicas on the same servers', () => {
  const settings = oneDeployment('notification');
  const names = namesOf(settings);
  let sink: SmtpSink;
  let events: SourceEvents;
  let replicas: ServiceUnderTest[] = [];
  const sendQueue = new Queue(names.queue(SEND_QUEUE_NAME), { connection: { url: testEnv().redisUrl } });
  const people: Person[] = [];

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    const first = await startNotification(sink, settings);
    replicas = [first, await startNotification(sink, settings)];
    events = sourcesFor(settings);
    // Publish once both replicas are members of the groups the test feeds, each with its share.
    const kafka = new Kafka({
      clientId: 'notification-replicas',
      brokers: testEnv().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const groups = ['notification.candidacy', 'notification.jury'].map((group) => names.kafka(group));
        const described = (await admin.describeGroups(groups)).groups;
        return described.every((group) => group.state === 'Stable' && group.members.length === 2) ? true : undefined;
      }, 60_000);
    } finally {
      await admin.disconnect();
    }
  });

  afterAll(async () => {
    await events?.close();
    await Promise.all(replicas.map((replica) => replica.close()));
    await sendQueue.close();
    await sink?.stop();
  });

  /** The kinds of the emails a person received, from their Message-IDs (`<notification-…-KIND@…>`). */
  const mailKinds = (p: Person) =>
    sink
      .to(p.email)
      .map((mail) => /-([A-Z_]+)@/.exec(mail.messageId)?.[1] ?? mail.messageId)
      .sort();

  const inboxKinds = async (replica: ServiceUnderTest, p: Person) =>
    (await getJson<InboxDto>(replica, '/v1/inbox', replica.token('candidate', p.candidateId))).body.items
      .map((item) => item.kind)
      .sort();

  /** Waits until every owed email is sent and no send job is left on either replica. */
  async function allSent(replica: ServiceUnderTest) {
    await eventually(async () => {
      const counts = await sendQueue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
      return Object.values(counts).every((count) => count === 0) ? true : undefined;
    }, 60_000);
    await logSettled(replica, 'notification', [...projections]);
  }

  /** New people whose receipts (each submission delivered twice) are expected once. */
  async function submitNewPeople(count: number): Promise<Person[]> {
    const arrived = Array.from({ length: count }, (_value, i) => person(i % 2 === 0 ? 'fr' : 'en'));
    people.push(...arrived);
    for (const p of arrived) {
      const stream = `candidacy-${p.candidacyId}`;
      const submitted = candidacyEvents.submitted(p);
      const { eventId } = await events.publish('candidacy', stream, 'CandidacySubmitted', submitted);
      await events.publish('candidacy', stream, 'CandidacySubmitted', submitted, eventId);
    }
    return arrived;
  }

  it('the replicas share the intake groups and one send queue: 24 submissions, each delivered twice, send one receipt each and file one inbox item', async () => {
    const arrived = await submitNewPeople(24);
    await eventually(async () => (arrived.every((p) => sink.to(p.email).length > 0) ? true : undefined), 60_000);
    await allSent(replicas[0]);

    for (const p of arrived) expect(mailKinds(p)).toEqual(['SUBMISSION_RECEIPT']);
    for (const [i, p] of arrived.entries())
      expect(await inboxKinds(replicas[i % 2], p)).toEqual(['SUBMISSION_RECEIPT']);
    const handled = await Promise.all(
      replicas.map((replica) =>
        metricOf(replica, 'consumer_handled_events_total', {
          group: 'notification.candidacy',
          type: 'CandidacySubmitted',
        }),
      ),
    );
    // 24 keys over 3 partitions shared 2 + 1: both replicas handled some (all on one: p < 1e-4).
    expect(handled.every((count) => count > 0)).toBe(true);
  });

  it('JURY-4: offer reminders scheduled by either replica fire once across the two; a reminder cancelled by the enrolment never fires; one relay and fold', async () => {
    // Due fifteen seconds from now (the reminder falls two days before the offer expires): time
    // enough for both replicas, however busy, to take in every enrolment before any reminder is due.
    const expiresAt = new Date(Date.now() + 2 * DAY + 15_000).toISOString();
    const offers = people.map((p) => ({ p, offerId: uniqueName('offer'), enrols: people.indexOf(p) % 3 === 0 }));
    for (const { p, offerId, enrols } of offers) {
      // One programme stream per offer, so the offers spread over the partitions.
      const stream = `programme-admissions-${offerId}`;
      await events.publish('jury', stream, 'OfferMade', juryEvents.offerMade(p, offerId, expiresAt));
      if (enrols) await events.publish('jury', stream, 'CandidateEnrolled', juryEvents.enrolled(p, offerId));
    }

    const reminded = offers.filter((offer) => !offer.enrols);
    await eventually(async () => {
      const due = await Promise.all(
        offers.map(
          async ({ offerId }) =>
            (await replicas[0].app.get(DeadlineScheduler).find(offerReminderStream(offerId)))?.status,
        ),
      );
      return due.every((status) => status === 'FIRED' || status === 'CANCELLED') ? due : undefined;
    }, 60_000);
    await Promise.all(replicas.map((replica) => replica.app.get(DeadlineScheduler).waitForIdle()));
    await allSent(replicas[0]);

    for (const { p, enrols } of offers) {
      const expected = enrols
        ? ['ENROLMENT_CONFIRMED', 'OFFER_MADE', 'SUBMISSION_RECEIPT']
        : ['OFFER_MADE', 'OFFER_REMINDER', 'SUBMISSION_RECEIPT'];
      expect(mailKinds(p)).toEqual(expected);
      expect(await inboxKinds(replicas[people.indexOf(p) % 2], p)).toEqual(expected);
    }
    for (const { offerId, enrols } of offers) {
      const deadline = await replicas[1].app.get(DeadlineScheduler).find(offerReminderStream(offerId));
      expect(deadline?.status).toBe(enrols ? 'CANCELLED' : 'FIRED');
    }
    const fired = await Promise.all(replicas.map((replica) => metricOf(replica, 'deadlines_fired_total')));
    expect(fired.reduce((sum, count) => sum + count, 0)).toBe(reminded.length);

    expect(await settledDeployment(replicas, 'notification', [...projections])).toMatchObject({
      ...SETTLED_DEPLOYMENT,
      replicasThatPublished: 1,
    });
  });

  it('the lease holder stops while events arrive: the other takes every partition, the send queue and the lease; each email goes once, each event reaches Kafka once', async () => {
    const holder = await leaseHolder(replicas);
    const survivor = replicas.find((replica) => replica !== holder);
    if (!survivor) throw new Error('two replicas');

    const [during] = await Promise.all([submitNewPeople(8), holder.close()]);
    replicas = [survivor];
    const after = await submitNewPeople(8);
    const arrived = [...during, ...after];
    await eventually(async () => (arrived.every((p) => sink.to(p.email).length > 0) ? true : undefined), 60_000);

    expect(await leaseHolder(replicas)).toBe(survivor);
    await allSent(survivor);
    for (const p of arrived) {
      expect(mailKinds(p)).toEqual(['SUBMISSION_RECEIPT']);
      expect(await inboxKinds(survivor, p)).toEqual(['SUBMISSION_RECEIPT']);
    }
    expect(await settledDeployment([survivor], 'notification', [...projections])).toMatchObject(SETTLED_DEPLOYMENT);
  });
});
