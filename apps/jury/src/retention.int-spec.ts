// The jury's retention policy on real data: a season's applications decided by two sittings, the
// jury's clock moved past the season's last jury, then the dry-run report (ops) and the live run
// that erases each person due: their key destroyed, PersonErased on the jury's topic.
import { ManualClock } from '@admissions/domain-kernel';
import {
  CLOCK,
  KeyStoreConnection,
  MONGO_DB,
  PERSON_KEY_STORE,
  type PersonKeyStore,
  personStreamId,
  type Db,
  RetentionSchedule,
  runOperatorJob,
} from '@admissions/platform';
import { EventStore } from '@admissions/event-store';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { eventually, startService, testEnv, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { SYSTEM_ACTOR } from './application/jury-streams';
import { ProgrammeAdmissionsWriter } from './application/programme-admissions.writer';
import { eventSourcing } from './event-sourcing';
import { call, offerOf, opinion, seedProgramme } from './jury.int-helpers';
import { JuryModule } from './jury.module';
import { candidateApplications, type CandidateApplications } from './projections/candidate-applications.projection';

describe('retention: admission files erased after their season’s last jury', () => {
  const clock = new ManualClock(new Date('2027-01-10T09:00:00+01:00'));
  const code = `MS-RET-${uniqueName('p').slice(-6).toUpperCase()}`;
  const person = (name: string) => uniqueName(name);
  const enrolled = person('enrolled');
  const rejected = person('rejected');
  const waitlisted = person('waitlisted');
  const undecided = person('undecided');
  const again = person('again');
  let jury: ServiceUnderTest;
  let db: Db;

  const ops = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = testEnv();
    const code = await runOperatorJob(eventSourcing, argv, {
      env: {
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        MONGO_URL: env.mongoUrl,
        REDIS_URL: env.redisUrl,
        MONGO_DB: jury.database,
        LOG_LEVEL: 'silent',
      },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  };
  const outcomes = async () => {
    const documents = await db.collection<CandidateApplications>(candidateApplications.name).find({}).toArray();
    return new Map(documents.map((doc) => [doc.candidateId, doc.applications.map((a) => a.outcome)]));
  };
  const everyone = [enrolled, rejected, waitlisted, undecided, again];
  /** The key store's record of each erasure of this file's persons (the store is shared). */
  const erasures = () =>
    jury.app
      .get(KeyStoreConnection)
      .mongo.db.collection<{ _id: string; reason: string; erasedAt: Date }>('person_erasures')
      .find({ _id: { $in: everyone } })
      .toArray();
  const keys = () => jury.app.get<PersonKeyStore>(PERSON_KEY_STORE);

  beforeAll(async () => {
    jury = await startService('jury', JuryModule, { RETENTION_NOT_ADMITTED_MONTHS: '6' }, (builder) =>
      builder.overrideProvider(CLOCK).useValue(clock),
    );
    db = jury.app.get<Db>(MONGO_DB);
  });

  afterAll(async () => {
    await jury?.close();
  });

  it('decides a season: two sittings, one enrolled, one rejected, one waitlisted, one never decided', async () => {
    // Candidacy sealed their personal data with their keys (erasure destroys them).
    for (const person of everyone) await keys().keyFor(person);
    await seedProgramme(jury, code, 1, everyone);
    const juror = jury.token('jury-member', 'juror-1');
    const schedule = (at: string) => call(jury, juror, 'POST', `/v1/programmes/${code}/sessions`, { at });
    const first = await schedule('2027-01-20T10:00:00+01:00');
    expect(first.status).toBe(201);
    await clock.set(new Date('2027-01-20T11:00:00+01:00'));
    const decide = (candidateId: string, decision: string) =>
      call(jury, juror, 'POST', `/v1/programmes/${code}/sessions/${String(first.body.sessionId)}/decisions`, {
        candidateId,
        decision,
        reason: 'Dossier examiné',
      });
    expect((await decide(enrolled, 'ADMITTED')).status).toBe(201);
    expect((await decide(rejected, 'REJECTED')).status).toBe(201);
    expect((await decide(waitlisted, 'WAITLISTED')).status).toBe(201);
    expect((await decide(again, 'REJECTED')).status).toBe(201);
    await clock.set(new Date('2027-01-25T10:00:00+01:00'));
    const enrolment = `/v1/programmes/${code}/offers/${offerOf(enrolled)}/enrolment`;
    expect((await call(jury, jury.token('candidate', enrolled), 'POST', enrolment)).status).toBe(200);
    // The season's last jury sits on 16 March 2027.
    expect((await schedule('2027-03-16T10:00:00+01:00')).status).toBe(201);
    // Rejected in 2027, the candidate applies again in December, to another programme: a file of season 2028.
    await clock.set(new Date('2027-12-05T10:00:00+01:00'));
    const writer = jury.app.get(ProgrammeAdmissionsWriter);
    const next = `${code}-B`;
    await writer.run(SYSTEM_ACTOR, next, { type: 'DefineProgramme', data: { programmeCode: next, places: 1 } });
    await writer.run(SYSTEM_ACTOR, next, {
      type: 'AddToAgenda',
      data: { candidateId: again, candidacyId: `cy2-${again}`, submissionRank: 1, leadOpinion: opinion },
    });

    const folded = await eventually(async () => {
      const known = await outcomes();
      return known.get(again)?.length === 2 && known.get(enrolled)?.[0] === 'ENROLLED' ? known : undefined;
    }, 30_000);
    expect(folded.get(rejected)).toEqual(['REJECTED']);
    expect(folded.get(waitlisted)).toEqual(['WAITLISTED']);
    expect(folded.get(undecided)).toEqual(['PENDING']);
  });

  it('reports nothing due while the season’s juries may still sit (until 31 July)', async () => {
    const { code, out } = await ops('retention', '--dry-run', '--as-of', '2027-07-31T12:00:00Z');
    expect(code).toBe(0);
    expect(out).toEqual([
      "ops jury retention: not-admitted (6 months after the season's last jury (RETENTION_NOT_ADMITTED_MONTHS)): 0 would be erased",
      "ops jury retention: enrolled (3 months after the season's last jury, the enrolment sent to the student records (RETENTION_ENROLLED_MONTHS)): 0 would be erased",
      expect.stringMatching(
        /^ops jury retention: retention dry run as of 2027-07-31T12:00:00.000Z: 0 would be erased, /,
      ),
    ]);
  });

  it('dry run: the enrolled student’s file from August, those not admitted 6 months after the last jury', async () => {
    const august = await ops('retention', '--dry-run', '--as-of', '2027-08-01T00:00:00Z');
    expect(august.out.filter((line) => line.includes('would erase'))).toEqual([
      `ops jury retention: would erase ${enrolled}: enrolled since 2027-06-16T09:00:00.000Z`,
    ]);
    // 16 March 10:00 Paris is 09:00 UTC; six months on, to the minute.
    const early = await ops('retention', '--dry-run', '--as-of', '2027-09-16T08:59:00Z');
    expect(early.out.filter((line) => line.includes('would erase'))).toHaveLength(1);

    const due = await ops('retention', '--dry-run', '--as-of', '2027-09-16T09:00:00Z');
    expect(due.code).toBe(0);
    expect(due.out).toEqual(
      expect.arrayContaining([
        expect.stringContaining('not-admitted (6 months after the season'),
        expect.stringMatching(/RETENTION_NOT_ADMITTED_MONTHS\)\): 3 would be erased$/),
        expect.stringMatching(/RETENTION_ENROLLED_MONTHS\)\): 1 would be erased$/),
        ...[rejected, waitlisted, undecided].map((id) =>
          expect.stringContaining(`would erase ${id}: not-admitted since 2027-09-16T09:00:00.000Z`),
        ),
      ]),
    );
    // The candidate of season 2028 is kept; a dry run asks for no erasure.
    expect(due.out.some((line) => line.includes(again))).toBe(false);
    expect(await erasures()).toEqual([]);
  });

  it('live run: each person due erased once, with the reason; the candidate of season 2028 kept', async () => {
    await clock.set(new Date('2028-01-10T09:00:00+01:00'));
    const schedule = jury.app.get(RetentionSchedule);
    const first = await schedule.runOnce();
    expect(first.categories).toEqual([
      expect.objectContaining({ category: 'not-admitted', due: 3, erased: 3, alreadyErased: 0, nothingHeld: 0 }),
      expect.objectContaining({ category: 'enrolled', due: 1, erased: 1, alreadyErased: 0, nothingHeld: 0 }),
    ]);
    const erased = await erasures();
    expect(erased.map(({ _id, reason }) => [_id, reason]).sort()).toEqual(
      [
        [enrolled, 'retention:enrolled'],
        [rejected, 'retention:not-admitted'],
        [undecided, 'retention:not-admitted'],
        [waitlisted, 'retention:not-admitted'],
      ].sort(),
    );
    expect(erased.every(({ erasedAt }) => erasedAt.toISOString() === '2028-01-10T08:00:00.000Z')).toBe(true);
    for (const person of [enrolled, rejected, undecided, waitlisted]) {
      expect(await keys().find(person)).toBeUndefined();
      const { events } = await jury.app.get(EventStore).readStream(personStreamId(person));
      expect(events.map(({ type }) => type)).toEqual(['PersonErased']);
    }
    expect(await keys().find(again)).toBeDefined();

    const second = await schedule.runOnce();
    expect(second.categories.map(({ erased, alreadyErased }) => [erased, alreadyErased])).toEqual([
      [0, 3],
      [0, 1],
    ]);
    expect(await erasures()).toHaveLength(4);
  });

  it('runs daily on a BullMQ job scheduler, at RETENTION_SCHEDULE in Paris time', async () => {
    const scheduled = await jury.app.get(RetentionSchedule).scheduled();
    expect(scheduled?.pattern).toBe('30 3 * * *');
    expect(scheduled?.next).toBeGreaterThan(Date.now());
  });

  it('schedules itself again when Redis comes back without the scheduler', async () => {
    const schedule = jury.app.get(RetentionSchedule);
    const redis = new IORedis(testEnv().redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(jury.names.queue('retention-jury'), { connection: redis });
    try {
      await queue.removeJobScheduler('daily');
      expect(await schedule.scheduled()).toBeUndefined();
      // As a Redis restart that lost its data: the schedule's queue connection is cut and comes back.
      const clients = (await redis.call('CLIENT', 'LIST')) as string;
      const ids = clients
        .split('\n')
        .filter((line) => line.includes('name=jury-retention-queue'))
        .map((line) => /id=(\d+)/.exec(line)?.[1] ?? '');
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) await redis.call('CLIENT', 'KILL', 'ID', id);
      await eventually(async () => (await schedule.scheduled())?.pattern ?? undefined, 10_000);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });

  it('refuses a day given to a live run, and a service without a policy, with one line and exit code 2', async () => {
    const ahead = await ops('retention', '--as-of', '2030-01-01');
    expect(ahead).toMatchObject({ code: 2, err: ['ops jury retention: --as-of goes with --dry-run only'] });
    const badDate = await ops('retention', '--dry-run', '--as-of', 'soon');
    expect(badDate.code).toBe(2);
    const err: string[] = [];
    const review = await runOperatorJob({ service: 'review', contracts: [] }, ['retention', '--dry-run'], {
      env: {},
      out: () => undefined,
      err: (line) => err.push(line),
    });
    expect({ review, err }).toEqual({ review: 2, err: ['ops review retention: review has no retention policy'] });
  });
});
