import {
  eventually,
  type LocalServer,
  type ServiceUnderTest,
  startedLocally,
  startLocalServers,
  stopLocalServer,
  testEnv,
} from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { candidacyEvents, person } from '../apps/notification/test/journey-events';
import {
  isolatedSettings,
  namesOf,
  newSink,
  sourcesFor,
  startNotification,
} from '../apps/notification/test/notification-under-test';
import type { SmtpSink } from '../apps/notification/test/smtp-sink';
import type { SourceEvents } from '../apps/notification/test/source-events';

const SERVERS: readonly LocalServer[] = ['kafka', 'mongo', 'redis'];
/** Issue 12: ready again within 10 s of the server's return. */
const READY_AGAIN_MS = 10_000;
const NEEDS = { kafka: 'kafka', mongo: 'mongo', redis: 'redis' } as const;

interface Probe {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: Record<string, unknown>;
}

async function probe(svc: ServiceUnderTest, path: string, token?: string): Promise<Probe> {
  const response = await fetch(svc.url + path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** Waits for readiness and answers how long it took. */
async function readyWithin(svc: ServiceUnderTest, timeoutMs: number): Promise<number> {
  const started = Date.now();
  await eventually(async () => ((await probe(svc, '/health/ready')).status === 200 ? true : undefined), timeoutMs, 100);
  return Date.now() - started;
}

/** Messages ever written to a topic (0 when it does not exist). */
async function messagesOn(topic: string): Promise<number> {
  const admin = new Kafka({
    clientId: 'servers-away',
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}

const local = startedLocally(SERVERS);

// Stops and starts the servers infra/local/up.sh started; against servers of one's own, it cannot.
(local ? describe : describe.skip)('servers away: a service starts in any order and recovers by itself', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
  });

  afterAll(async () => {
    await startLocalServers();
    await sink?.stop();
  });

  const mailTo = (address: string) =>
    eventually(async () => (sink.to(address).length > 0 ? sink.to(address) : undefined), 60_000);

  describe.each(SERVERS)('started while %s is stopped', (server) => {
    it('is live, answers 503 with Retry-After, and is ready within 10 s of the server’s return', async () => {
      const settings = isolatedSettings();
      let svc: ServiceUnderTest | undefined;
      let events: SourceEvents | undefined;
      await stopLocalServer(server);
      try {
        svc = await startNotification(sink, settings, false);
        expect((await probe(svc, '/health/live')).status).toBe(200);
        const ready = await probe(svc, '/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.retryAfter).toMatch(/^\d+$/);
        expect(JSON.stringify(ready.body)).toContain(NEEDS[server]);
        if (server === 'mongo') {
          const inbox = await probe(svc, '/v1/inbox', svc.token('candidate', 'cand-away'));
          expect(inbox.status).toBe(503);
          expect(inbox.retryAfter).toMatch(/^\d+$/);
          expect(inbox.body.type).toBe('urn:admissions:problem:dependency-unavailable');
        }
      } finally {
        await startLocalServers();
      }
      try {
        const tookMs = await readyWithin(svc, READY_AGAIN_MS);
        expect(tookMs).toBeLessThanOrEqual(READY_AGAIN_MS);
        // And it works: an event published now is handled and its email sent.
        events = sourcesFor(settings);
        const p = person('en');
        await events.publish(
          'candidacy',
          `candidacy-${p.candidacyId}`,
          'CandidacySubmitted',
          candidacyEvents.submitted(p),
        );
        expect(await mailTo(p.email)).toHaveLength(1);
      } finally {
        await events?.close();
        await svc.close();
      }
    });
  });

  describe.each(SERVERS)('%s restarted under a running service', (server) => {
    it('answers 503 (never 500) meanwhile, is ready again within 10 s, loses and repeats nothing', async () => {
      const settings = isolatedSettings();
      const svc = await startNotification(sink, settings);
      const events = sourcesFor(settings);
      const submit = async () => {
        const p = person('fr');
        await events.publish(
          'candidacy',
          `candidacy-${p.candidacyId}`,
          'CandidacySubmitted',
          candidacyEvents.submitted(p),
        );
        return p;
      };
      try {
        const before = await submit();
        await mailTo(before.email);

        await stopLocalServer(server);
        const during: ReturnType<typeof person>[] = [];
        try {
          // Kafka away: nothing can be published; MongoDB or Redis away: events arrive and must wait.
          if (server !== 'kafka') for (let i = 0; i < 3; i += 1) during.push(await submit());
          expect((await probe(svc, '/health/ready')).status).toBe(503);
          const inbox = await probe(svc, '/v1/inbox', svc.token('candidate', before.candidateId));
          expect(inbox.status === 200 || inbox.status === 503).toBe(true);
          if (inbox.status === 503) expect(inbox.retryAfter).toMatch(/^\d+$/);
        } finally {
          await startLocalServers();
        }
        expect(await readyWithin(svc, READY_AGAIN_MS)).toBeLessThanOrEqual(READY_AGAIN_MS);
        const after = await submit();

        for (const p of [...during, after]) expect(await mailTo(p.email)).toHaveLength(1);
        // Exactly once: no second email for anyone, nothing parked on a dead-letter topic.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        for (const p of [before, ...during, after]) expect(sink.to(p.email)).toHaveLength(1);
        for (const source of ['candidacy', 'review', 'jury', 'mobility']) {
          expect(await messagesOn(namesOf(settings).kafka(`notification.${source}.dlq`))).toBe(0);
        }
      } finally {
        await events.close();
        await svc.close();
      }
    });
  });
});
