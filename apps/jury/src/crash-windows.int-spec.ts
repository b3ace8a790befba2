import { ManualClock } from '@admissions/domain-kernel';
import { DeadlineRepository, DeadlineScheduler } from '@admissions/deadlines';
import { EventStore, type StoredEvent } from '@admissions/event-store';
import { CRASH_AT_VARIABLE } from '@admissions/platform';
import { eventually, testEnv, uniqueName } from '@admissions/testing';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import { offerExpiryDeadlineId, referralStreamId, SYSTEM_ACTOR } from './application/jury-streams';
import { ReferralWriter } from './application/referral.writer';
import type { OfferMade } from './domain';
import { call, redisUrlOf, seedProgramme, startJury, streamOf, type JuryInstance } from './jury.int-helpers';

// Issue 18: the jury is killed right after a commit, before what must follow it, then started
// again: no seat is left held without its proposal, and no offer without its expiry.
const REDIS_DB = Number(process.env.JURY_CRASH_TEST_REDIS_DB ?? 6);
const CLOCK_AT = '2026-03-12T10:00:00+01:00';
const clock = new ManualClock(new Date(CLOCK_AT));
const run = uniqueName('crash').slice(-8);
const [PROPOSED, OFFERING] = [`M1-SEAT-${run}`, `MS-OFFER-${run}`];
const CANDIDATE = `cand-${run}`;

describe('crash windows of the jury (fault injection, restart, invariants)', () => {
  let first: JuryInstance;
  let connection: mongoose.Connection;
  let store: EventStore;
  const children: ChildProcess[] = [];
  const officer = () => first.svc.token('rectorate-officer', 'officer-1');
  const juror = () => first.svc.token('jury-member', 'juror-1');

  /** A jury in a child process on the same database, set to die at `crashAt`. */
  const startDoomed = (crashAt: string) =>
    new Promise<{ child: ChildProcess; url: string; died: Promise<NodeJS.Signals | null> }>((resolve, reject) => {
      const child = fork(join(__dirname, '..', 'test', 'crash-child.ts'), [], {
        execArgv: ['-r', '@swc-node/register'],
        env: {
          ...process.env,
          [CRASH_AT_VARIABLE]: crashAt,
          CLOCK_AT: clock.now().toISOString(),
          DB_NAME: first.database,
          NAMESPACE: first.namespace,
          CHILD_REDIS_URL: redisUrlOf(REDIS_DB),
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      const died = new Promise<NodeJS.Signals | null>((settle) =>
        child.once('exit', (_code, signal) => settle(signal)),
      );
      child.once('message', (message) => resolve({ child, url: (message as { url: string }).url, died }));
      child.once('error', reject);
    });

  /** Sends the request to the doomed jury and waits for it to die: it never answers. */
  async function dieOn(crashAt: string, method: string, path: string, token: string, body?: unknown) {
    const doomed = await startDoomed(crashAt);
    const answer = fetch(doomed.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(
      (response) => response.status,
      () => 'no answer',
    );
    expect(await doomed.died).toBe('SIGKILL');
    expect(await answer).toBe('no answer');
  }

  const typesOf = (events: readonly StoredEvent[]) => events.map((event) => event.type);

  beforeAll(async () => {
    const redis = new IORedis(redisUrlOf(REDIS_DB), { maxRetriesPerRequest: null });
    await redis.flushdb();
    await redis.quit();
    first = await startJury(clock, REDIS_DB);
    connection = await mongoose.createConnection(testEnv().mongoUrl, { dbName: first.database }).asPromise();
    store = new EventStore(connection.db!);
    await seedProgramme(first.svc, PROPOSED, 2, []);
    await seedProgramme(first.svc, OFFERING, 2, ['offered']);
    // A referral filed (with the facts the handler would read), and a session sitting now.
    await first.svc.app.get(ReferralWriter).run({ id: CANDIDATE, roles: ['candidate'] }, CANDIDATE, {
      type: 'FileReferral',
      data: {
        referralId: `referral-${run}`,
        candidateId: CANDIDATE,
        outcomes: [{ programmeCode: 'MS-OTHER', outcome: 'REJECTED', at: '2026-03-10T12:00:00+01:00' }],
        transcript: { ref: 'transcript', ownerId: CANDIDATE },
      },
    });
    expect(SYSTEM_ACTOR.roles).toContain('admin');
    // The first jury goes; its lease goes with it, so the doomed ones and the restarted one lead in turn.
    await first.svc.close();
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await connection?.close();
  });

  it('killed between holding a proposal seat and appending the proposal, then restarted: the seat has its proposal', async () => {
    await dieOn('committed:ReferralSeatHeld', 'POST', `/v1/referrals/${CANDIDATE}/proposals`, officer(), {
      programmeCode: PROPOSED,
    });
    // The window is real: the seat is held, the proposal is not appended.
    const programme = await store.readStream(`programme-${PROPOSED}`);
    expect(typesOf(programme.events)).toEqual(['ProgrammeDefined', 'ReferralSeatHeld']);
    expect(typesOf((await store.readStream(referralStreamId(CANDIDATE))).events)).not.toContain('ProposalRecorded');
  }, 60_000);

  it('killed between making an offer and scheduling its expiry, then restarted: the offer has its expiry', async () => {
    const at = '2026-03-12T11:00:00+01:00';
    const session = await call<{ sessionId: string }>(
      (first = await startJury(clock, REDIS_DB, first)).svc,
      juror(),
      'POST',
      `/v1/programmes/${OFFERING}/sessions`,
      { at },
    );
    expect(session.status).toBe(201);
    await first.svc.close();
    await clock.set(new Date('2026-03-12T12:00:00+01:00'));
    await dieOn(
      'committed:OfferMade',
      'POST',
      `/v1/programmes/${OFFERING}/sessions/${session.body.sessionId}/decisions`,
      juror(),
      { candidateId: 'offered', decision: 'ADMITTED', reason: 'strong file' },
    );
    const offers = (await store.readStream(`programme-${OFFERING}`)).events.filter((e) => e.type === 'OfferMade');
    expect(offers).toHaveLength(1);
    const { offerId } = offers[0].data as OfferMade['data'];
    expect(await new DeadlineRepository(connection).find(offerExpiryDeadlineId(offerId))).toBeNull();
  }, 60_000);

  it('after a restart, every held seat has its proposal and every offer its expiry deadline', async () => {
    first = await startJury(clock, REDIS_DB, first);
    const svc = first.svc;
    // The dead juries' lease lapses first (10 s), then the restarted jury's reactions settle both.
    await eventually(async () => {
      const referral = await store.readStream(referralStreamId(CANDIDATE));
      return typesOf(referral.events).includes('ProposalRecorded') ? true : undefined;
    }, 40_000);
    const seats = (await streamOf(svc, PROPOSED)).filter((event) => event.type === 'ReferralSeatHeld');
    const proposals = (await store.readStream(referralStreamId(CANDIDATE))).events.filter(
      (event) => event.type === 'ProposalRecorded',
    );
    expect(seats.map((seat) => (seat.data as { proposalId?: string }).proposalId)).toEqual(
      proposals.map((proposal) => (proposal.data as { proposalId: string }).proposalId),
    );
    const ledger = await call<{ referralSeats: number }>(
      svc,
      officer(),
      'GET',
      `/v1/programmes/${PROPOSED}/seat-ledger`,
    );
    expect(ledger.body.referralSeats).toBe(1);

    const scheduler = svc.app.get(DeadlineScheduler);
    for (const offer of (await streamOf(svc, OFFERING)).filter((event) => event.type === 'OfferMade')) {
      const { offerId, expiresAt } = offer.data as OfferMade['data'];
      const deadline = await eventually(
        async () => (await scheduler.find(offerExpiryDeadlineId(offerId))) ?? undefined,
      );
      expect(deadline).toMatchObject({ status: 'PENDING', dueAt: new Date(Date.parse(expiresAt) + 1) });
    }
  }, 90_000);
});
