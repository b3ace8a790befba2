import { EventStore, LOG_START } from '@admissions/event-store';
import { type Db, MONGO_DB, runOperatorJob } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { eventually, type ServiceUnderTest, startService, testEnv, uniqueName } from '@admissions/testing';
import { type Admin, type Consumer, Kafka, logLevel } from 'kafkajs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CandidacyModule } from './candidacy.module';
import { Client, identity, openProgramme, uniqueCode } from './candidacy.int-helpers';
import { eventSourcing } from './event-sourcing';
import { type CandidateSpaceDocument, programmeCatalogue } from './projections';

/**
 * The operator jobs of a running candidacy service (its demo catalogue seeded), as its Kubernetes
 * Jobs run them: same database, same deployment namespace, against the real servers.
 */
describe('operator jobs of the candidacy service', () => {
  const kafka = new Kafka({ clientId: 'ops-int-spec', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  let svc: ServiceUnderTest;
  let db: Db;
  let store: EventStore;
  let admin: Client;
  let kafkaAdmin: Admin;

  async function ops(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const env = { ...process.env, MONGO_DB: svc.database, DEPLOYMENT_NAMESPACE: svc.names.namespace };
    const code = await runOperatorJob(eventSourcing, argv, {
      env,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  /** Every commit logged, relayed and folded into the programme catalogue. */
  async function settled(): Promise<number> {
    return eventually(async () => {
      if ((await store.outbox.countDocuments({})) > 0) return undefined;
      const head = await store.logHead();
      const checkpoints = await Promise.all(
        [
          ['projection_checkpoints', programmeCatalogue.name],
          ['es_relay_checkpoints', 'admissions.candidacy.events'],
        ].map(([collection, id]) => db.collection<{ _id: string; position: number }>(collection).findOne({ _id: id })),
      );
      return checkpoints.every((checkpoint) => checkpoint?.position === head.position) ? head.position : undefined;
    });
  }

  beforeAll(async () => {
    svc = await startService('candidacy', CandidacyModule, { SEED_DEMO_CATALOGUE: 'true' });
    db = svc.app.get<Db>(MONGO_DB);
    store = svc.app.get(EventStore);
    admin = new Client(svc).as(svc.token('admin', 'admin-1'));
    expect((await admin.post('/v1/programmes', openProgramme(uniqueCode('MS-OPS')))).status).toBe(201);
    kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
  });

  afterAll(async () => {
    await kafkaAdmin?.disconnect();
    await svc?.close();
  });

  it('rebuild: a damaged read model folded again from the log has the digest it had, and the service goes on projecting', async () => {
    await settled();
    const runner = new ProjectionRunner(store, db, [programmeCatalogue]);
    const before = await runner.digest(programmeCatalogue);
    const catalogue = runner.collection(programmeCatalogue);
    const [first] = await catalogue.find({}).limit(1).toArray();
    await catalogue.updateOne({ _id: first._id }, { $set: { places: 999 } });
    expect(await runner.digest(programmeCatalogue)).not.toBe(before);

    const { code, out, err } = await ops('rebuild', 'rm_programmes');

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(
      new RegExp(`^ops candidacy rebuild: rebuilt rm_programmes: \\d+ events .* digest ${before}`),
    );
    expect(await runner.digest(programmeCatalogue)).toBe(before);
    // The job handed the lease back: the service folds a new programme again.
    const code2 = uniqueCode('MS-AFTER');
    expect((await admin.post('/v1/programmes', openProgramme(code2))).status).toBe(201);
    await eventually(async () => ((await catalogue.findOne({ _id: code2 })) ? true : undefined), 60_000);
  });

  it('rebuild: personal data is folded opened with its person’s key, as the service folds it', async () => {
    const candidate = new Client(svc).as(svc.token('candidate', uniqueName('rebuilt')));
    const candidacyId = String((await candidate.post('/v1/candidacies')).body.candidacyId);
    expect((await candidate.put(`/v1/candidacies/${candidacyId}/identity`, identity)).status).toBe(200);
    const spaces = db.collection<CandidateSpaceDocument>('rm_candidate_space');
    const personalOf = async () => {
      const file = (await spaces.findOne({ _id: candidacyId }))?.file;
      return file && file.status !== 'NONE' ? file.personal : undefined;
    };
    await eventually(personalOf, 60_000);

    const { code, err } = await ops('rebuild', 'rm_candidate_space');

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(await personalOf()).toEqual(identity.personal);
  });

  it('republish --from 0: the whole log sent again, a fresh consumer sees each event with its original ce_id', async () => {
    const head = await settled();
    const topic = svc.names.kafka('admissions.candidacy.events');
    const ends = new Map(
      (await kafkaAdmin.fetchTopicOffsets(topic)).map((partition) => [partition.partition, Number(partition.high)]),
    );

    const { code, out } = await ops('republish', '--from', '0');

    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(
      new RegExp(`republished ${head} events of admissions.candidacy.events, positions 1 to ${head}`),
    );
    const logged = (await store.readLog(LOG_START, Number.MAX_SAFE_INTEGER)).events.map((e) => e.metadata.eventId);
    const republished: string[] = [];
    const consumer: Consumer = kafka.consumer({ groupId: uniqueName('ops-fresh-consumer') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (Number(message.offset) >= (ends.get(partition) ?? 0)) republished.push(String(message.headers?.ce_id));
      },
    });
    try {
      await eventually(async () => (republished.length >= logged.length ? true : undefined));
    } finally {
      await consumer.disconnect();
    }
    expect(republished.sort()).toEqual([...logged].sort());
  });

  it('refuses bad input with one line and exit code 2', async () => {
    const head = await settled();
    await expect(ops('rebuild', 'rm_nothing')).resolves.toEqual({
      code: 2,
      out: [],
      err: [
        'ops candidacy rebuild: unknown read model "rm_nothing" of candidacy (known: rm_candidate_space, rm_candidate_files, rm_programmes, rm_programme_pipeline)',
      ],
    });
    await expect(ops('republish', '--from', `${head + 1}`)).resolves.toMatchObject({
      code: 2,
      err: [
        `ops candidacy republish: position ${head + 1} is past the end of the candidacy log (last position ${head})`,
      ],
    });
    await expect(ops('republish', '--from', '-3')).resolves.toMatchObject({
      code: 2,
      err: ['ops candidacy republish: --from must be a log position, a whole number from 0 (got "-3")'],
    });
    await expect(ops('purge')).resolves.toMatchObject({
      code: 2,
      err: [expect.stringMatching(/^ops candidacy purge: unknown job \(usage: rebuild/)],
    });
  });

  it('runs as the Jobs do, through the service ops entry point', () => {
    const root = join(__dirname, '..', '..', '..');
    const result = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/candidacy/src/ops.ts', 'rebuild', 'rm_nothing'],
      {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '' },
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ops candidacy rebuild: unknown read model "rm_nothing"/),
    ]);
  });
});
