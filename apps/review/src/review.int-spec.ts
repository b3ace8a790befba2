import { ContractRegistry, reviewContracts } from '@admissions/contracts';
import { ManualClock } from '@admissions/domain-kernel';
import { EventStore, type StoredEvent } from '@admissions/event-store';
import { deadLetterTopicOf, toCloudEventMessage } from '@admissions/messaging';
import { CLOCK, CONSISTENCY_HEADER, DeploymentNames, eventTopicOf } from '@admissions/platform';
import { eventually, originOf, type ServiceUnderTest, startService, testEnv, uniqueName } from '@admissions/testing';
import { type Consumer, Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { ReviewModule } from './review.module';
import {
  candidacyEvent,
  DAY,
  ENGINEER,
  FOREIGN,
  iso,
  leadChanged,
  NOW,
  programmeCreated,
  ranked,
  submitted,
  withdrawn,
} from './review.int-helpers';

/**
 * The review service as it runs: its module booted in-process against the real Kafka, FerretDB
 * and Redis. The candidacy service is played by a kafkajs producer that publishes CloudEvents
 * messages shaped by libs/contracts/src/candidacy.contracts.ts (validated on arrival), on the topics
 * of this run's own deployment namespace.
 */
describe('review service (Kafka in, HTTP, Kafka out)', () => {
  const env = testEnv();
  const namespace = uniqueName('review');
  const names = new DeploymentNames(namespace);
  const topic = names.kafka(eventTopicOf('candidacy'));
  const kafka = new Kafka({ clientId: 'review-int-spec', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const published = new ContractRegistry(reviewContracts);
  let svc: ServiceUnderTest;
  let producer: Producer;
  let store: EventStore;
  // Domain time: moved past an interview to record its outcome, instead of sleeping.
  const clock = new ManualClock();

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    svc = await startService('review', ReviewModule, { DEPLOYMENT_NAMESPACE: namespace }, (builder) =>
      builder.overrideProvider(CLOCK).useValue(clock),
    );
    store = svc.app.get(EventStore);
  });

  afterAll(async () => {
    await svc?.close();
    await producer?.disconnect();
  });

  // ---- the candidacy service, as its events -------------------------------------------------

  async function publish(...events: StoredEvent[]): Promise<void> {
    for (const event of events) {
      const { key, value, headers } = toCloudEventMessage(event, originOf('candidacy'));
      await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
    }
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  const lead = (id: string) => svc.token('pedagogical-lead', id);

  async function call(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> & { ruleId?: string; field?: string } }> {
    const res = await fetch(`${svc.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }

  async function worklistOf(leadId: string, query = ''): Promise<Record<string, unknown>[]> {
    const res = await call('GET', `/v1/worklist${query}`, lead(leadId));
    expect(res.status).toBe(200);
    return res.body as unknown as Record<string, unknown>[];
  }

  /** Waits for the file to be in the lead's worklist (read models follow the writes). */
  const inWorklist = (leadId: string, candidacyId: string) =>
    eventually(async () => (await worklistOf(leadId)).find((item) => item.candidacyId === candidacyId));

  const streamTypes = async (streamId: string) => (await store.readStream(streamId)).events.map((e) => e.type);

  /** A lead's request, and the event types it appended to the review (its reply names none). */
  async function recorded(candidacyId: string, request: () => ReturnType<typeof call>) {
    const before = (await streamTypes(`review-${candidacyId}`)).length;
    const reply = await request();
    return { ...reply, appended: (await streamTypes(`review-${candidacyId}`)).slice(before) };
  }

  /** A consumer counter of one of this run's groups, from the service's Prometheus endpoint. */
  async function metric(name: string, group: string, type?: string): Promise<number> {
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith(`${name}{`) &&
          l.includes(`group="review.${group}"`) &&
          (type === undefined || l.includes(`type="${type}"`)),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }

  /** How many events of a type the intake consumer group has handled. */
  const handled = (type: string) => metric('consumer_handled_events_total', 'candidacy-intake', type);

  const code = () => uniqueName('MS').replace(/_/g, '-').toUpperCase();
  const MOTIVATION = 'Solid engineering background and a clear project in data governance.';

  /** A programme with its lead and one ELIGIBLE file, opened and in the lead's worklist. */
  async function openedFile(profile = ENGINEER): Promise<{ candidacyId: string; programme: string; leadId: string }> {
    const programme = code();
    const leadId = uniqueName('lead');
    const candidacyId = randomUUID();
    await publish(programmeCreated(programme, leadId), submitted(candidacyId, programme, leadId, profile));
    await publish(ranked(candidacyId, programme, 1));
    await inWorklist(leadId, candidacyId);
    return { candidacyId, programme, leadId };
  }

  // ---- REV-1 -----------------------------------------------------------------------------------

  it('REV-1: a submitted file appears in its lead’s worklist with its summary and eligibility explanation; the same event delivered twice opens one review', async () => {
    const programme = code();
    const leadId = uniqueName('lead');
    const candidacyId = randomUUID();
    const submission = submitted(candidacyId, programme, leadId);
    const rank = ranked(candidacyId, programme, 4);
    // The broker may deliver an event again (relay retry, consumer restart): same ce_id.
    const handledBefore = await handled('CandidacySubmitted');
    await publish(programmeCreated(programme, leadId), submission, submission, rank, rank);

    const item = await inWorklist(leadId, candidacyId);
    expect(item).toMatchObject({
      candidacyId,
      programmeCode: programme,
      leadId,
      submissionRank: 4,
      status: 'OPEN',
      eligibility: 'ELIGIBLE',
      equivalence: 'NOT_REQUIRED',
      personal: { fullName: 'Camille Martin', email: 'camille@example.org', phone: '+33600000000' },
      fileSummary: {
        diplomaLevel: 5,
        diplomaKind: 'CTI_ENGINEERING',
        experienceMonths: 24,
        eligibilityRuleId: 'ELIG-1',
        eligibilityExplanation: { reason: ENGINEER.eligibility.reason, checks: ENGINEER.eligibility.checks },
        diplomas: ENGINEER.diplomas,
        documentIds: [`${candidacyId}-cv`, `${candidacyId}-letter`],
      },
    });
    expect(item).not.toHaveProperty('_id');

    // Both deliveries were handled, and the second changed nothing.
    await eventually(async () => ((await handled('CandidacySubmitted')) >= handledBefore + 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await streamTypes(`review-${candidacyId}`)).toEqual(['ReviewOpened', 'ReviewAssigned']);
    expect(await streamTypes(`intake-${candidacyId}`)).toEqual(['SubmissionReceived', 'SubmissionRankReceived']);
    expect(await streamTypes(`programme-${programme}`)).toEqual(['ProgrammeLeadRecorded', 'ReviewTracked']);
    expect(await worklistOf(leadId)).toHaveLength(1);
  });

  it("REV-1/CAND-3: the worklist is in submission order, from each file's own rank, which may come before the file", async () => {
    const programme = code();
    const leadId = uniqueName('lead');
    const [first, second] = [randomUUID(), randomUUID()];
    await publish(programmeCreated(programme, leadId));
    // The ledger's SubmissionRegistered is the candidacy service's bookkeeping: the file's own
    // SubmissionRanked gives the rank, so a ledger event naming another rank changes nothing.
    const registeredBefore = await handled('SubmissionRegistered');
    await publish(
      candidacyEvent('SubmissionRegistered', `submission-ledger-${programme}`, {
        programmeCode: programme,
        candidacyId: first,
        rank: 9,
        registeredAt: new Date().toISOString(),
      }),
    );
    await eventually(async () => ((await handled('SubmissionRegistered')) > registeredBefore ? true : undefined));
    await publish(ranked(second, programme, 2), submitted(second, programme, leadId));
    await publish(submitted(first, programme, leadId), ranked(first, programme, 1));
    await eventually(async () => ((await worklistOf(leadId)).length === 2 ? true : undefined));
    expect((await worklistOf(leadId)).map((item) => item.candidacyId)).toEqual([first, second]);
    expect(await streamTypes(`intake-${first}`)).toEqual(['SubmissionReceived', 'SubmissionRankReceived']);
  });

  it('REV-1: a change of lead reassigns the open reviews; the former lead is told they do not exist', async () => {
    const { candidacyId, programme, leadId } = await openedFile();
    const newLead = uniqueName('lead');
    await publish(leadChanged(programme, leadId, newLead));

    await inWorklist(newLead, candidacyId);
    await eventually(async () => ((await worklistOf(leadId)).length === 0 ? true : undefined));
    const types = await streamTypes(`review-${candidacyId}`);
    expect(types.filter((type) => type === 'ReviewAssigned')).toHaveLength(2);

    const before = (await store.readStream(`review-${candidacyId}`)).version;
    const refused = await call('POST', `/v1/reviews/${candidacyId}/opinion`, lead(leadId), {
      opinion: 'FAVOURABLE',
      motivation: MOTIVATION,
    });
    expect(refused.status).toBe(404);
    expect((await call('GET', `/v1/reviews/${candidacyId}`, lead(leadId))).status).toBe(404);
    expect((await store.readStream(`review-${candidacyId}`)).version).toBe(before);

    // A file submitted later to the programme goes to the new lead.
    const later = randomUUID();
    await publish(submitted(later, programme, newLead), ranked(later, programme, 2));
    await inWorklist(newLead, later);
  });

  it('REV-1: a file submitted before a lead change but handled after it goes to the new lead', async () => {
    const programme = code();
    const [oldLead, newLead] = [uniqueName('lead'), uniqueName('lead')];
    const candidacyId = randomUUID();
    const submission = submitted(candidacyId, programme, oldLead); // submittedAt before the change
    await publish(programmeCreated(programme, oldLead));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await publish(leadChanged(programme, oldLead, newLead));
    await eventually(async () =>
      (await streamTypes(`programme-${programme}`)).filter((type) => type === 'ProgrammeLeadRecorded').length === 2
        ? true
        : undefined,
    );
    await publish(submission, ranked(candidacyId, programme, 1));
    await inWorklist(newLead, candidacyId);
    expect(await worklistOf(oldLead)).toEqual([]);
  });

  // ---- the journey: interview, opinion, admissibility -----------------------------------------

  it('REV-2/REV-3/REV-4: the lead interviews the candidate, gives a favourable opinion, and CandidateDeclaredAdmissible is on the review topic', async () => {
    const { candidacyId, leadId } = await openedFile();
    const token = lead(leadId);
    const startsAt = new Date(NOW + 3 * DAY);
    startsAt.setUTCHours(9, 0, 0, 0);

    const scheduled = await recorded(candidacyId, () =>
      call('POST', `/v1/reviews/${candidacyId}/interview`, token, {
        at: startsAt.toISOString().replace('Z', '+00:00'),
        mode: 'VIDEO',
        link: 'https://visio.example.org/r/abc',
      }),
    );
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'OPEN', interview: { status: 'SCHEDULED', mode: 'VIDEO' } });
    expect(scheduled.appended).toEqual(['InterviewScheduled']);

    const moved = new Date(startsAt.getTime() + DAY);
    const rescheduled = await recorded(candidacyId, () =>
      call('PUT', `/v1/reviews/${candidacyId}/interview`, token, {
        at: moved.toISOString(),
        mode: 'ONSITE',
        room: 'B-204',
      }),
    );
    expect(rescheduled.body).toMatchObject({ interview: { room: 'B-204' } });
    expect(rescheduled.appended).toEqual(['InterviewRescheduled']);

    const view = await eventually(async () => {
      const res = await call('GET', `/v1/reviews/${candidacyId}`, token);
      return (res.body.interview as { status?: string } | undefined)?.status === 'SCHEDULED' &&
        (res.body.interview as { room?: string }).room === 'B-204'
        ? res.body
        : undefined;
    });
    expect((view.interview as { startsAtParis: string }).startsAtParis).toMatch(/T1[01]:00:00\+0[12]:00$/);

    // The interview day has come: the clock moves past it.
    await clock.set(new Date(moved.getTime() + 2 * 3_600_000));
    try {
      const outcome = await recorded(candidacyId, () =>
        call('POST', `/v1/reviews/${candidacyId}/interview/outcome`, token, {
          conclusive: true,
          notes: 'Motivated; the professional goal fits the programme.',
        }),
      );
      expect(outcome.status).toBe(200);
      expect(outcome.body).toMatchObject({ interview: { status: 'HELD', conclusive: true } });
      expect(outcome.appended).toEqual(['InterviewHeld']);

      const opinion = await recorded(candidacyId, () =>
        call('POST', `/v1/reviews/${candidacyId}/opinion`, token, { opinion: 'FAVOURABLE', motivation: MOTIVATION }),
      );
      expect(opinion.status).toBe(200);
      expect(opinion.body).toMatchObject({ status: 'ADMISSIBLE', opinion: { opinion: 'FAVOURABLE' } });
      expect(opinion.appended).toEqual(['OpinionGiven', 'CandidateDeclaredAdmissible']);
    } finally {
      await clock.set(new Date());
    }

    await eventually(async () =>
      (await worklistOf(leadId, '?status=ADMISSIBLE')).some((item) => item.candidacyId === candidacyId)
        ? true
        : undefined,
    );
    expect(await worklistOf(leadId, '?status=OPEN')).toEqual([]);

    const message = await readReviewTopic(`review-${candidacyId}`, 'CandidateDeclaredAdmissible');
    expect(message.headers.ce_source).toBe('/admissions/review');
    const data = JSON.parse(message.value) as Record<string, unknown>;
    expect(data).toMatchObject({
      candidacyId,
      submissionRank: 1,
      leadOpinion: { opinion: 'FAVOURABLE', motivation: MOTIVATION },
    });
    expect(published.validate('CandidateDeclaredAdmissible', data)).toBeUndefined();
  });

  it('REV-4: an inconclusive interview ends the candidacy as not admissible, with the reason', async () => {
    const { candidacyId, leadId } = await openedFile();
    const token = lead(leadId);
    const at = new Date(NOW + 2 * DAY).toISOString();
    expect(
      (await call('POST', `/v1/reviews/${candidacyId}/interview`, token, { at, mode: 'ONSITE', room: 'A1' })).status,
    ).toBe(200);
    await clock.set(new Date(NOW + 3 * DAY));
    try {
      await call('POST', `/v1/reviews/${candidacyId}/interview/outcome`, token, {
        conclusive: false,
        notes: 'The professional project does not fit the programme.',
      });
      const opinion = await recorded(candidacyId, () =>
        call('POST', `/v1/reviews/${candidacyId}/opinion`, token, { opinion: 'FAVOURABLE', motivation: MOTIVATION }),
      );
      expect(opinion.body).toMatchObject({ status: 'NOT_ADMISSIBLE' });
      expect(opinion.appended).toEqual(['OpinionGiven', 'CandidateDeclaredNotAdmissible']);
    } finally {
      await clock.set(new Date());
    }
    const view = await eventually(async () => {
      const res = await call('GET', `/v1/reviews/${candidacyId}`, token);
      return res.body.status === 'NOT_ADMISSIBLE' ? res.body : undefined;
    });
    expect(view.notAdmissibleReason).toEqual({
      code: 'INCONCLUSIVE_INTERVIEW',
      explanation: 'The professional project does not fit the programme.',
    });
  });

  it('ELIG-5: a favourable opinion on a PENDING_EQUIVALENCE file is refused until the lead confirms the equivalence', async () => {
    const { candidacyId, leadId } = await openedFile(FOREIGN);
    const token = lead(leadId);
    const before = (await store.readStream(`review-${candidacyId}`)).version;
    const refused = await call('POST', `/v1/reviews/${candidacyId}/opinion`, token, {
      opinion: 'FAVOURABLE',
      motivation: MOTIVATION,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.ruleId).toBe('ELIG-5');
    expect((await store.readStream(`review-${candidacyId}`)).version).toBe(before);

    const confirmed = await recorded(candidacyId, () =>
      call('POST', `/v1/reviews/${candidacyId}/equivalence/confirm`, token),
    );
    expect(confirmed.body).toMatchObject({ equivalence: 'CONFIRMED' });
    expect(confirmed.appended).toEqual(['EquivalenceConfirmed']);
    const given = await recorded(candidacyId, () =>
      call('POST', `/v1/reviews/${candidacyId}/opinion`, token, { opinion: 'FAVOURABLE', motivation: MOTIVATION }),
    );
    expect(given.body).toMatchObject({ status: 'ADMISSIBLE' });
    expect(given.appended).toEqual(['OpinionGiven', 'CandidateDeclaredAdmissible']);
  });

  it('ELIG-5: refusing the equivalence declares the candidate not admissible with the reason', async () => {
    const { candidacyId, leadId } = await openedFile(FOREIGN);
    const noReason = await call('POST', `/v1/reviews/${candidacyId}/equivalence/refuse`, lead(leadId), {});
    expect(noReason.status).toBe(400);
    const refused = await recorded(candidacyId, () =>
      call('POST', `/v1/reviews/${candidacyId}/equivalence/refuse`, lead(leadId), {
        reason: 'The diploma is a three-year programme.',
      }),
    );
    expect(refused.body).toMatchObject({ equivalence: 'REFUSED', status: 'NOT_ADMISSIBLE' });
    expect(refused.appended).toEqual(['EquivalenceRefused', 'CandidateDeclaredNotAdmissible']);
  });

  it('REV-3: the opinion is given once; a correction with its reason supersedes it and re-declares admissibility', async () => {
    const { candidacyId, leadId } = await openedFile();
    const token = lead(leadId);
    await call('POST', `/v1/reviews/${candidacyId}/opinion`, token, { opinion: 'FAVOURABLE', motivation: MOTIVATION });
    const again = await call('POST', `/v1/reviews/${candidacyId}/opinion`, token, {
      opinion: 'UNFAVOURABLE',
      motivation: MOTIVATION,
    });
    expect(again.status).toBe(422);
    expect(again.body.ruleId).toBe('REV-3');

    const corrected = await recorded(candidacyId, () =>
      call('POST', `/v1/reviews/${candidacyId}/opinion/correction`, token, {
        opinion: 'UNFAVOURABLE',
        motivation: 'On reflection the project does not match the programme at all.',
        reason: 'Reference check came back negative.',
      }),
    );
    expect(corrected.body).toMatchObject({ status: 'NOT_ADMISSIBLE', opinion: { opinion: 'UNFAVOURABLE' } });
    expect(corrected.appended).toEqual(['OpinionCorrected', 'CandidateDeclaredNotAdmissible']);
    const view = await eventually(async () => {
      const res = await call('GET', `/v1/reviews/${candidacyId}`, token);
      return (res.body.corrections as unknown[] | undefined)?.length === 1 ? res.body : undefined;
    });
    expect(view).toMatchObject({ status: 'NOT_ADMISSIBLE', opinion: { opinion: 'UNFAVOURABLE' } });
  });

  // ---- refusals: 4xx naming the rule or field, nothing appended -------------------------------

  it('REV-1..3: bad input and strangers are refused with the rule or field, and nothing is appended', async () => {
    const { candidacyId, leadId } = await openedFile();
    const token = lead(leadId);
    const before = (await store.readStream(`review-${candidacyId}`)).version;
    const path = `/v1/reviews/${candidacyId}`;

    const noMotivation = await call('POST', `${path}/opinion`, token, { opinion: 'FAVOURABLE' });
    expect(noMotivation.status).toBe(400);
    expect(noMotivation.body.errors).toContainEqual(expect.objectContaining({ field: 'motivation' }));

    const short = await call('POST', `${path}/opinion`, token, { opinion: 'FAVOURABLE', motivation: 'Good.' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ ruleId: 'REV-3', field: 'motivation' });

    const past = await call('POST', `${path}/interview`, token, {
      at: '2020-01-15T10:00:00+01:00',
      mode: 'ONSITE',
      room: 'B-204',
    });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ ruleId: 'REV-2', field: 'at' });

    const noOffset = await call('POST', `${path}/interview`, token, {
      at: '2030-01-15T10:00:00',
      mode: 'ONSITE',
      room: 'B',
    });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.errors).toContainEqual(expect.objectContaining({ field: 'at' }));

    const noRoom = await call('POST', `${path}/interview`, token, { at: iso(2 * DAY), mode: 'ONSITE' });
    expect(noRoom.status).toBe(400);
    expect(noRoom.body).toMatchObject({ ruleId: 'REV-2', field: 'room' });

    const noInterview = await call('POST', `${path}/interview/outcome`, token, { conclusive: true, notes: 'Fine.' });
    expect(noInterview.status).toBe(422);
    expect(noInterview.body.ruleId).toBe('REV-2');

    expect((await call('DELETE', `${path}/interview`, token)).status).toBe(422);

    const stranger = await call('POST', `${path}/opinion`, lead(uniqueName('lead')), {
      opinion: 'FAVOURABLE',
      motivation: MOTIVATION,
    });
    expect(stranger.status).toBe(404);
    expect((await call('GET', path, lead(uniqueName('lead')))).status).toBe(404);
    expect((await call('GET', path, svc.token('candidate', 'person-x'))).status).toBe(403);
    expect((await call('GET', `/v1/reviews/${randomUUID()}`, token)).status).toBe(404);

    expect((await store.readStream(`review-${candidacyId}`)).version).toBe(before);

    // An admin may act on any review.
    const admin = await call('POST', `${path}/interview`, svc.token('admin', 'admin-1'), {
      at: iso(2 * DAY),
      mode: 'VIDEO',
      link: 'https://visio.example.org/r/x',
    });
    expect(admin.status).toBe(200);
  });

  it('a withdrawn candidacy closes its review and calls off its interview; an opinion on it is refused', async () => {
    const { candidacyId, programme, leadId } = await openedFile();
    const token = lead(leadId);
    await call('POST', `/v1/reviews/${candidacyId}/interview`, token, { at: iso(2 * DAY), mode: 'ONSITE', room: 'B' });
    await publish(withdrawn(candidacyId, programme));

    const view = await eventually(async () => {
      const res = await call('GET', `/v1/reviews/${candidacyId}`, token);
      return res.body.status === 'CLOSED' ? res.body : undefined;
    });
    expect(view.interview).toMatchObject({ status: 'CANCELLED', cancellationReason: 'CANDIDACY_WITHDRAWN' });

    const before = (await store.readStream(`review-${candidacyId}`)).version;
    const refused = await call('POST', `/v1/reviews/${candidacyId}/opinion`, token, {
      opinion: 'FAVOURABLE',
      motivation: MOTIVATION,
    });
    expect(refused.status).toBe(422);
    expect((await store.readStream(`review-${candidacyId}`)).version).toBe(before);
    expect(await streamTypes(`programme-${programme}`)).toContain('ReviewUntracked');
    expect(await worklistOf(leadId, '?status=CLOSED')).toHaveLength(1);
  });

  it('a payload that breaks the candidacy contract is dead-lettered and opens nothing', async () => {
    const candidacyId = randomUUID();
    const broken = candidacyEvent('CandidacySubmitted', `candidacy-${candidacyId}`, { candidacyId });
    await publish(broken);
    await eventually(async () =>
      (await metric('consumer_dead_lettered_total', 'candidacy-intake')) >= 1 ? true : undefined,
    );
    const parked = await readTopic(
      names.kafka(deadLetterTopicOf('review.candidacy-intake')),
      (m) => m.headers.ce_id === broken.metadata.eventId,
    );
    expect(parked.headers.dlq_error).toMatch(/CandidacySubmitted does not match its schema/);
    expect(await streamTypes(`intake-${candidacyId}`)).toEqual([]);
  });

  // ---- reading Kafka ----------------------------------------------------------------------------

  interface ReadMessage {
    readonly value: string;
    readonly headers: Record<string, string>;
  }

  async function readTopic(name: string, match: (message: ReadMessage) => boolean): Promise<ReadMessage> {
    const consumer: Consumer = kafka.consumer({ groupId: uniqueName('review-int-spec-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: name, fromBeginning: true });
    try {
      return await new Promise<ReadMessage>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message on ${name}`)), 60_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            const headers = Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([key, value]) => [key, String(value)]),
            );
            const read = { value: message.value?.toString('utf8') ?? '', headers };
            if (match(read)) {
              clearTimeout(timer);
              resolve(read);
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
  }

  it("read-your-writes: the review a lead just changed shows the change on the first read given the reply's token", async () => {
    const { candidacyId, leadId } = await openedFile();
    const token = lead(leadId);
    const startsAt = new Date(NOW + 5 * DAY);
    startsAt.setUTCHours(14, 0, 0, 0);
    const rounds = [
      { method: 'POST', mode: 'VIDEO', link: 'https://visio.example.org/r/ryw' },
      { method: 'PUT', mode: 'ONSITE', room: 'A-101' },
      { method: 'PUT', mode: 'ONSITE', room: 'A-102' },
    ];
    for (const [index, { method, ...place }] of rounds.entries()) {
      const at = new Date(startsAt.getTime() + index * DAY).toISOString();
      const changed = await fetch(`${svc.url}/v1/reviews/${candidacyId}/interview`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ at, ...place }),
      });
      expect(changed.status).toBe(200);
      const consistency = changed.headers.get(CONSISTENCY_HEADER);
      expect(consistency).toMatch(/^[A-Za-z0-9_-]+$/);

      const read = await fetch(`${svc.url}/v1/reviews/${candidacyId}`, {
        headers: { authorization: `Bearer ${token}`, [CONSISTENCY_HEADER]: consistency ?? '' },
      });
      expect(read.status).toBe(200);
      const interview = ((await read.json()) as { interview: { startsAt: string; mode: string; room?: string } })
        .interview;
      expect(interview).toMatchObject({ mode: place.mode, ...('room' in place ? { room: place.room } : {}) });
      expect(new Date(interview.startsAt).toISOString()).toBe(at);
    }
  });

  const readReviewTopic = (subject: string, type: string) =>
    readTopic(
      names.kafka(eventTopicOf('review')),
      (m) => m.headers.ce_subject === subject && m.headers.ce_type === type,
    );
});
