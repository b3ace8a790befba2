// `node -r @swc-node/register bench/season-hops.ts <season report.json> [jury clock shift in days]`
// (after `source .local/env`, on the servers the season ran against): where a season's propagation
// time went, hop by hop, from the times the services' commits carry. Each commit's `committedAt`
// is its command's clock reading, taken as the command starts, so a hop reads "from the command
// that wrote A to the command that wrote B"; the last hop runs to the season's first sighting in
// the lead's worklist. The jury's clock may be moved (JURY_CLOCK_SHIFT_DAYS): give the same shift.
// The jury's decision → the notification's request is split where the decision reached Kafka (the
// message's timestamp, read from the jury's topic with a throwaway consumer): the jury's relay
// before it, the notification's consumer after it.
import { KafkaTopicReader } from '@admissions/messaging';
import { eventTopicOf } from '@admissions/platform';
import { Kafka, logLevel } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { mongo } from 'mongoose';
import { distribution } from '../e2e/season/stats';

interface Commit {
  committedAt: Date;
  causationId?: string;
  events: { eventId: string; type: string; data: { candidacyId?: string; sourceEventId?: string } }[];
}

/** The events of the submission → worklist path, by the name of the moment they mark. */
const MOMENTS = {
  admissions_candidacy: {
    CandidacySubmitted: 'submitted',
    SubmissionRegistered: 'registered',
    SubmissionRanked: 'ranked',
  },
  admissions_review: {
    SubmissionReceived: 'received',
    SubmissionRankReceived: 'rank received',
    ReviewOpened: 'opened',
  },
} as const;

const HOPS: readonly (readonly [string, string])[] = [
  ['submitted', 'registered'],
  ['registered', 'ranked'],
  ['submitted', 'received'],
  ['ranked', 'rank received'],
  ['rank received', 'opened'],
  ['opened', 'in the worklist'],
  ['submitted', 'in the worklist'],
];

const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const [reportPath, shiftDays = '0'] = process.argv.slice(2);
  if (!reportPath || !process.env.MONGO_URL || !process.env.KAFKA_BROKERS)
    throw new Error('usage: season-hops.ts <report.json> [shift days], after source .local/env');
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    candidates: { candidacyId?: string; worklistMs?: number }[];
  };
  const client = await new mongo.MongoClient(process.env.MONGO_URL).connect();
  try {
    const at = new Map<string, Map<string, number>>();
    const mark = (candidacyId: string, moment: string, time: number) => {
      const moments = at.get(candidacyId) ?? new Map<string, number>();
      if (!moments.has(moment)) moments.set(moment, time);
      at.set(candidacyId, moments);
    };
    for (const [database, moments] of Object.entries(MOMENTS)) {
      const types = Object.keys(moments);
      const commits = client
        .db(database)
        .collection<Commit>('es_commits')
        .find({ 'events.type': { $in: types } });
      for await (const commit of commits)
        for (const event of commit.events) {
          const moment = (moments as Record<string, string>)[event.type];
          if (moment && event.data.candidacyId) mark(event.data.candidacyId, moment, commit.committedAt.getTime());
        }
    }
    for (const { candidacyId, worklistMs } of report.candidates) {
      const submitted = candidacyId && at.get(candidacyId)?.get('submitted');
      if (submitted && worklistMs !== undefined) mark(candidacyId, 'in the worklist', submitted + worklistMs);
    }
    const rows = HOPS.map(([from, to]) =>
      delays(
        [...at.values()].map((moments) => [moments.get(from), moments.get(to)]),
        `${from} → ${to}`,
      ),
    );
    rows.push(...(await decisionToRequest(client, Number(shiftDays) * DAY_MS)));
    process.stdout.write(`hop (ms)                          count    p50    p95    p99    max\n${rows.join('\n')}\n`);
  } finally {
    await client.close();
  }
}

/** The jury's AdmissionDecided → the notification's command requesting its message, and where Kafka took it. */
async function decisionToRequest(client: mongo.MongoClient, shiftMs: number): Promise<string[]> {
  const decided = new Map<string, number>();
  const decisions = client
    .db('admissions_jury')
    .collection<Commit>('es_commits')
    .find({ 'events.type': 'AdmissionDecided' });
  for await (const commit of decisions)
    for (const event of commit.events)
      if (event.type === 'AdmissionDecided') decided.set(event.eventId, commit.committedAt.getTime() - shiftMs);
  const requested = new Map<string, number>();
  const requests = client
    .db('admissions_notification')
    .collection<Commit>('es_commits')
    .find({ 'events.type': 'NotificationRequested' });
  for await (const commit of requests)
    for (const event of commit.events)
      if (event.type === 'NotificationRequested' && event.data.sourceEventId && decided.has(event.data.sourceEventId))
        requested.set(event.data.sourceEventId, commit.committedAt.getTime());
  const onKafka = await juryMessageTimes(decided);
  const hop = (name: string, from: Map<string, number>, to: Map<string, number>) =>
    delays(
      [...decided.keys()].map((id) => [from.get(id), to.get(id)]),
      name,
    );
  return [
    hop('decided → on Kafka', decided, onKafka),
    hop('on Kafka → message requested', onKafka, requested),
    hop('decided → message requested', decided, requested),
  ];
}

/** When Kafka took each decision (the producer's timestamp), from the jury's topic as it stands. */
async function juryMessageTimes(decided: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  const kafka = new Kafka({
    clientId: 'season-hops',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logLevel: logLevel.NOTHING,
  });
  const times = new Map<string, number>();
  await new KafkaTopicReader(kafka).readToEnd(eventTopicOf('jury'), {
    onMessage: ({ headers, timestamp }) => {
      const id = headers.ce_id;
      if (id && decided.has(id)) times.set(id, timestamp);
    },
  });
  return times;
}

function delays(pairs: readonly (readonly [number | undefined, number | undefined])[], name: string): string {
  const d = distribution(pairs.flatMap(([from, to]) => (from === undefined || to === undefined ? [] : [to - from])));
  const figures = d ? [d.count, d.p50, d.p95, d.p99, d.max] : [0];
  return `${name.padEnd(32)}${figures.map((figure) => String(figure).padStart(7)).join('')}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
