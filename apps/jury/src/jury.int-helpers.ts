// Shared by the jury integration tests: boot the service on a moved clock, talk HTTP, read streams.
import type { ManualClock } from '@admissions/domain-kernel';
import { EventStore, type StoredEvent } from '@admissions/event-store';
import { CLOCK } from '@admissions/platform';
import { startService, testEnv, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { JuryModule } from './jury.module';
import { programmeStreamId, SYSTEM_ACTOR } from './application/jury-streams';
import { ProgrammeAdmissionsWriter } from './application/programme-admissions.writer';
import type { LeadOpinion } from './domain';

export interface JuryInstance {
  readonly svc: ServiceUnderTest;
  readonly database: string;
  readonly namespace: string;
}

/** The Redis URL of a database number of our own: FLUSHDB there touches nobody else's queues. */
export function redisUrlOf(db: number): string {
  const url = new URL(testEnv().redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

/**
 * Boots the jury in-process on `clock`, on its own Redis database, in a deployment namespace of
 * its own. Pass `previous` to restart on its database and namespace.
 */
export async function startJury(clock: ManualClock, redisDb: number, previous?: JuryInstance): Promise<JuryInstance> {
  const namespace = previous?.namespace ?? uniqueName('jury');
  const database = previous?.database ?? uniqueName('test_jury');
  const svc = await startService(
    'jury',
    JuryModule,
    { DEPLOYMENT_NAMESPACE: namespace, MONGO_DB: database, REDIS_URL: redisUrlOf(redisDb) },
    (builder) => builder.overrideProvider(CLOCK).useValue(clock),
  );
  return { svc, database, namespace };
}

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

export async function call<T = Record<string, unknown>>(
  svc: ServiceUnderTest,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(svc.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** REC-3: a transcript upload as a browser form sends it. */
export async function uploadTranscript<T = Record<string, unknown>>(
  svc: ServiceUnderTest,
  token: string,
  content: Buffer,
  fileName = 'releve-licence.pdf',
): Promise<Answer<T>> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), fileName);
  const response = await fetch(`${svc.url}/v1/referrals/me/transcript`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as T };
}

export const opinion: LeadOpinion = { opinion: 'FAVOURABLE', motivation: 'Solid project, conclusive interview' };

/** Defines a programme and puts candidates `${prefix}1..n` on its book, as the process managers would. */
export async function seedProgramme(svc: ServiceUnderTest, code: string, places: number, candidates: string[]) {
  const writer = svc.app.get(ProgrammeAdmissionsWriter);
  await writer.run(SYSTEM_ACTOR, code, { type: 'DefineProgramme', data: { programmeCode: code, places } });
  for (const [index, candidateId] of candidates.entries()) {
    await writer.run(SYSTEM_ACTOR, code, {
      type: 'AddToAgenda',
      data: { candidateId, candidacyId: `cy-${candidateId}`, submissionRank: index + 1, leadOpinion: opinion },
    });
  }
}

export const offerOf = (candidateId: string): string => `offer:cy-${candidateId}`;

export async function streamOf(svc: ServiceUnderTest, code: string): Promise<StoredEvent[]> {
  return (await svc.app.get(EventStore).readStream(programmeStreamId(code))).events;
}

export const paris = (local: string): Date => new Date(local);

/** Folds a programme's stream, seat by seat, checking JURY-5 after every single event. */
export function replaySeats(events: readonly StoredEvent[]) {
  let held = 0;
  let enrolled = 0;
  let referral = 0;
  let maxTaken = 0;
  let released = 0;
  const offered: string[] = [];
  const promoted: string[] = [];
  for (const event of events) {
    const data = event.data as { candidateId?: string; origin?: string };
    switch (event.type) {
      case 'OfferMade':
        held += 1;
        offered.push(data.candidateId ?? '');
        if (data.origin === 'WAITING_LIST') promoted.push(data.candidateId ?? '');
        break;
      case 'OfferExpired':
      case 'OfferDeclined':
        held -= 1;
        released += 1;
        break;
      case 'CandidateEnrolled':
        held -= 1;
        enrolled += 1;
        break;
      case 'ReferralSeatHeld':
        referral += 1;
        break;
      case 'ReferralSeatReleased':
        referral -= 1;
        break;
      default:
        break;
    }
    maxTaken = Math.max(maxTaken, held + enrolled + referral);
  }
  return {
    maxTaken,
    offered,
    promoted,
    summary: { events: events.length, maxTaken, released, promotions: promoted.length, held, enrolled },
  };
}
