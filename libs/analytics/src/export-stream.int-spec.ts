import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractRegistry, DECISION_TYPES, decisionContracts, juryContracts } from '@admissions/contracts';
import { newEventId } from '@admissions/event-store';
import { KafkaPublisher, KafkaTopicAdmin } from '@admissions/messaging';
import { DECISIONS_TOPIC, DeploymentNames, eventTopicOf } from '@admissions/platform';
import { testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { publishEvent, query, runExport } from '../test/export-cli';

async function columnTypes(file: string): Promise<Record<string, string>> {
  const rows = await query(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
  return Object.fromEntries(rows.map((row) => [row.column_name, row.column_type]));
}

describe('npm run export: one season of a stream as typed Parquet', () => {
  const kafka = new Kafka({ clientId: 'export-test', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const namespace = uniqueName('export');
  const names = new DeploymentNames(namespace);
  const publisher = new KafkaPublisher(kafka, names.kafka);
  let folder: string;

  function publish(
    topic: string,
    registry: ContractRegistry,
    type: string,
    data: Record<string, unknown>,
    occurredAt: string,
    eventId?: string,
  ): Promise<void> {
    const streamId = `programme-${String(data.programmeCode ?? 'none')}`;
    return publishEvent(publisher, { topic, registry, type, streamId, data, occurredAt, eventId });
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'export-test-'));
    await chmod(folder, 0o755);
    const admin = new KafkaTopicAdmin(kafka, { names: names.kafka });
    await admin.ensureTopics([DECISIONS_TOPIC, eventTopicOf('jury')]);
    await admin.close();

    const decisions = new ContractRegistry(decisionContracts);
    const application = { candidateId: 'cand-1', candidacyId: 'cy-1', programmeCode: 'MS-DATA' };
    const decided = {
      ...application,
      sessionId: 's-2027-03',
      reason: 'strong file',
      decidedAt: '2027-03-15T09:00:00.000Z',
    };
    const admittedId = newEventId();
    // Season 2027: five decisions, one of them delivered twice (same ce_id).
    await publish(DECISIONS_TOPIC, decisions, DECISION_TYPES.admitted, decided, decided.decidedAt, admittedId);
    await publish(DECISIONS_TOPIC, decisions, DECISION_TYPES.admitted, decided, decided.decidedAt, admittedId);
    await publish(
      DECISIONS_TOPIC,
      decisions,
      DECISION_TYPES.waitlisted,
      { ...decided, candidateId: 'cand-2', candidacyId: 'cy-2', waitingListRank: 1 },
      decided.decidedAt,
    );
    await publish(
      DECISIONS_TOPIC,
      decisions,
      DECISION_TYPES.offerMade,
      {
        ...application,
        offerId: 'o-1',
        origin: 'ADMISSION',
        madeAt: decided.decidedAt,
        enrolBy: '2027-03-25T22:59:59.999Z',
      },
      decided.decidedAt,
    );
    await publish(
      DECISIONS_TOPIC,
      decisions,
      DECISION_TYPES.offerExpired,
      { ...application, offerId: 'o-1', expiredAt: '2027-03-25T22:59:59.999Z' },
      '2027-03-25T22:59:59.999Z',
    );
    // A referral's outcome in November still belongs to the season that refused the candidate.
    await publish(
      DECISIONS_TOPIC,
      decisions,
      DECISION_TYPES.referralOutcome,
      {
        referralId: 'r-1',
        candidateId: 'cand-3',
        outcome: 'LAPSED',
        proposalCount: 3,
        decidedAt: '2027-11-10T10:00:00.000Z',
      },
      '2027-11-10T10:00:00.000Z',
    );
    // Season 2026: two decisions.
    const decided2026 = { ...decided, sessionId: 's-2026-05', decidedAt: '2026-05-12T09:00:00.000Z' };
    await publish(DECISIONS_TOPIC, decisions, DECISION_TYPES.rejected, decided2026, decided2026.decidedAt);
    await publish(
      DECISIONS_TOPIC,
      decisions,
      DECISION_TYPES.admitted,
      { ...decided2026, candidateId: 'cand-4' },
      decided2026.decidedAt,
    );

    const jury = new ContractRegistry(juryContracts);
    await publish(
      eventTopicOf('jury'),
      jury,
      'CandidateAddedToAgenda',
      {
        programmeCode: 'MS-DATA',
        candidateId: 'cand-1',
        candidacyId: 'cy-1',
        submissionRank: 1,
        leadOpinion: { opinion: 'FAVOURABLE', motivation: 'clear project' },
        sessionId: 's-2027-03',
        addedAt: '2027-02-20T10:00:00.000Z',
      },
      '2027-02-20T10:00:00.000Z',
    );
    await publish(
      eventTopicOf('jury'),
      jury,
      'ProposalsMade',
      {
        referralId: 'r-1',
        candidateId: 'cand-3',
        proposals: [
          { proposalId: 'p-1', programmeCode: 'MS-DATA' },
          { proposalId: 'p-2', programmeCode: 'MS-CYBER' },
        ],
        proposalsMadeAt: '2027-10-20T08:00:00.000Z',
        answerDueAt: '2027-11-04T22:59:59.999Z',
      },
      '2027-10-20T08:00:00.000Z',
    );
  });

  afterAll(async () => {
    await publisher.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the season’s decisions, each once, with typed columns, and says what it did', async () => {
    const out = join(folder, 'decisions-2027.parquet');
    const run = await runExport(['--stream', DECISIONS_TOPIC, '--season', '2027', '--out', out], namespace);

    // One expectation, so that a failure shows the child's stderr too.
    expect(run).toEqual({
      code: 0,
      stderr: expect.stringContaining(`${namespace}.admissions.decisions.v1: 8 / 8 messages (100%)`),
      stdout: expect.stringMatching(
        /^export: 8 events read, 5 rows written \(season 2027\) to .* in [\d.]+ s; 1 redelivered/,
      ),
    });
    const rows = await query(
      `SELECT ce_type, count(*) AS n FROM read_parquet('${out}') GROUP BY ce_type ORDER BY ce_type`,
    );
    expect(rows).toEqual([
      { ce_type: DECISION_TYPES.admitted, n: '1' },
      { ce_type: DECISION_TYPES.offerExpired, n: '1' },
      { ce_type: DECISION_TYPES.offerMade, n: '1' },
      { ce_type: DECISION_TYPES.referralOutcome, n: '1' },
      { ce_type: DECISION_TYPES.waitlisted, n: '1' },
    ]);
    expect(await columnTypes(out)).toMatchObject({
      ce_id: 'VARCHAR',
      ce_type: 'VARCHAR',
      ce_subject: 'VARCHAR',
      ce_time: 'TIMESTAMP WITH TIME ZONE',
      programmeCode: 'VARCHAR',
      decidedAt: 'TIMESTAMP WITH TIME ZONE',
      enrolBy: 'TIMESTAMP WITH TIME ZONE',
      waitingListRank: 'BIGINT',
      proposalCount: 'BIGINT',
    });
    const [offer] = await query(
      `SELECT enrolBy = TIMESTAMPTZ '2027-03-25 22:59:59.999+00' AS exact FROM read_parquet('${out}') WHERE offerId = 'o-1' AND ce_type = '${DECISION_TYPES.offerMade}'`,
    );
    expect(offer).toEqual({ exact: true });
    expect(await readdir(folder)).toEqual(['decisions-2027.parquet']);
  });

  it('exports an internal event topic with nested objects flattened and arrays as lists of structs', async () => {
    const out = join(folder, 'jury-2027.parquet');
    const run = await runExport(['--stream', eventTopicOf('jury'), '--season=2027', `--out=${out}`], namespace);

    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('2 events read, 2 rows written') });
    expect(await columnTypes(out)).toMatchObject({
      leadOpinion_opinion: 'VARCHAR',
      submissionRank: 'BIGINT',
      proposals: 'STRUCT(proposalId VARCHAR, programmeCode VARCHAR)[]',
      answerDueAt: 'TIMESTAMP WITH TIME ZONE',
    });
    const rows = await query(
      `SELECT leadOpinion_opinion AS opinion, len(proposals) AS proposals FROM read_parquet('${out}') ORDER BY ce_time`,
    );
    expect(rows).toEqual([
      { opinion: 'FAVOURABLE', proposals: null },
      { opinion: null, proposals: '2' },
    ]);
    await rm(out);
  });

  it('refuses a topic that does not exist: one line, exit 1, no file', async () => {
    const out = join(folder, 'nothing.parquet');
    const run = await runExport(['--stream', DECISIONS_TOPIC, '--season', '2027', '--out', out], uniqueName('absent'));

    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^export: topic absent_.*\.admissions\.decisions\.v1 does not exist$/),
    ]);
    expect(await readdir(folder)).toEqual(['decisions-2027.parquet']);
  });

  it('refuses a stream it has no contracts for, and a command line without its arguments', async () => {
    const out = join(folder, 'nothing.parquet');
    const unknown = await runExport(['--stream', 'admissions.unknown.v1', '--season', '2027', '--out', out], namespace);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^export: admissions.unknown.v1 is not an exportable stream \(one of: /);

    const missing = await runExport(['--stream', DECISIONS_TOPIC, '--out', out], namespace);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^export: missing --season; usage: npm run export/);

    const badSeason = await runExport(['--stream', DECISIONS_TOPIC, '--season', '27', '--out', out], namespace);
    expect(badSeason.code).toBe(2);
    expect(badSeason.stderr).toBe('export: --season must be a year such as 2027, not 27\n');
    expect(await readdir(folder)).toEqual(['decisions-2027.parquet']);
  });

  it('refuses an output it cannot write: a missing folder, a folder it may not write in', async () => {
    const args = (out: string) => ['--stream', DECISIONS_TOPIC, '--season', '2027', '--out', out];
    const missingFolder = await runExport(args(join(folder, 'no-such-folder', 'x.parquet')), namespace);
    expect(missingFolder.code).toBe(1);
    expect(missingFolder.stderr).toMatch(
      /^export: cannot write .*x\.parquet: folder .*no-such-folder does not exist\n$/,
    );

    // Root may write anywhere: the export runs as `nobody` in a folder only its owner may write.
    const asNobody = process.getuid?.() === 0;
    if (!asNobody) await chmod(folder, 0o555);
    try {
      const readOnly = await runExport(args(join(folder, 'x.parquet')), namespace, asNobody);
      expect(readOnly.code).toBe(1);
      expect(readOnly.stderr).toMatch(/^export: cannot write .*x\.parquet: no permission to write in /);
    } finally {
      await chmod(folder, 0o755);
    }
    expect(await readdir(folder)).toEqual(['decisions-2027.parquet']);
  });
});
