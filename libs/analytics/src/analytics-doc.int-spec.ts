import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractRegistry, DECISION_TYPES, candidacyContracts, decisionContracts } from '@admissions/contracts';
import { KafkaPublisher, KafkaTopicAdmin } from '@admissions/messaging';
import { DECISIONS_TOPIC, DeploymentNames, eventTopicOf } from '@admissions/platform';
import { testEnv, uniqueName } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { publishEvent, query, runExport } from '../test/export-cli';

const DOC = join(__dirname, '..', '..', '..', 'docs', 'analytics.md');

/** The ```sql blocks of docs/analytics.md, in order. */
function documentedQueries(): string[] {
  return [...readFileSync(DOC, 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]);
}

const PROGRAMME = 'MS-DATA';

function submission(candidacyId: string, submittedAt: string): Record<string, unknown> {
  return {
    candidacyId,
    candidateId: `cand-${candidacyId}`,
    programmeCode: PROGRAMME,
    pedagogicalLeadId: 'lead-1',
    personal: { firstName: 'Camille', lastName: 'Martin', email: 'camille@example.org' },
    preferredLanguage: 'fr',
    diplomas: [{ kind: 'CTI_ENGINEERING', title: 'Diplôme d’ingénieur', country: 'FR', year: 2024 }],
    experienceMonths: 12,
    eligibility: {
      status: 'ELIGIBLE',
      matchedRule: 'ELIG-1',
      checks: [{ ruleId: 'ELIG-1', passed: true, reason: 'CTI engineering diploma' }],
      reason: 'ELIG-1',
    },
    documents: [
      {
        documentId: `cv-${candidacyId}`,
        kind: 'CV',
        contentType: 'application/pdf',
        sizeBytes: 2048,
        sha256: 'a'.repeat(64),
        storageRef: `gridfs:${candidacyId}`,
      },
    ],
    submittedAt,
  };
}

describe('docs/analytics.md: the three questions run as written on real exports', () => {
  const kafka = new Kafka({
    clientId: 'analytics-doc-test',
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const namespace = uniqueName('analytics-doc');
  const names = new DeploymentNames(namespace);
  const publisher = new KafkaPublisher(kafka, names.kafka);
  let folder: string;

  const decisions = new ContractRegistry(decisionContracts);
  const decide = (type: string, data: Record<string, unknown>, occurredAt: string) =>
    publishEvent(publisher, {
      topic: DECISIONS_TOPIC,
      registry: decisions,
      type,
      streamId: `programme-${PROGRAMME}`,
      data,
      occurredAt,
    });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'analytics-doc-'));
    const admin = new KafkaTopicAdmin(kafka, { names: names.kafka });
    await admin.ensureTopics([DECISIONS_TOPIC, eventTopicOf('candidacy')]);
    await admin.close();

    const candidacy = new ContractRegistry(candidacyContracts);
    // cy-1 was submitted in November: the 2026 export of the candidacy topic holds it.
    for (const [candidacyId, submittedAt] of [
      ['cy-1', '2026-11-20T10:00:00.000Z'],
      ['cy-2', '2027-01-05T10:00:00.000Z'],
      ['cy-3', '2027-01-10T10:00:00.000Z'],
    ]) {
      await publishEvent(publisher, {
        topic: eventTopicOf('candidacy'),
        registry: candidacy,
        type: 'CandidacySubmitted',
        streamId: `candidacy-${candidacyId}`,
        data: submission(candidacyId, submittedAt),
        occurredAt: submittedAt,
      });
    }

    const decidedAt = '2027-02-10T10:00:00.000Z';
    const decided = (candidacyId: string) => ({
      candidateId: `cand-${candidacyId}`,
      candidacyId,
      programmeCode: PROGRAMME,
      sessionId: 's-2027-02',
      reason: 'jury',
      decidedAt,
    });
    const offer = (candidacyId: string, offerId: string) => ({
      candidateId: `cand-${candidacyId}`,
      candidacyId,
      programmeCode: PROGRAMME,
      offerId,
    });
    await decide(DECISION_TYPES.admitted, decided('cy-1'), decidedAt);
    await decide(DECISION_TYPES.rejected, decided('cy-2'), decidedAt);
    await decide(DECISION_TYPES.waitlisted, { ...decided('cy-3'), waitingListRank: 1 }, decidedAt);
    await decide(
      DECISION_TYPES.offerMade,
      { ...offer('cy-1', 'o-1'), origin: 'ADMISSION', madeAt: decidedAt, enrolBy: '2027-02-20T22:59:59.999Z' },
      decidedAt,
    );
    await decide(
      DECISION_TYPES.offerExpired,
      { ...offer('cy-1', 'o-1'), expiredAt: '2027-02-20T22:59:59.999Z' },
      '2027-02-20T22:59:59.999Z',
    );
    await decide(
      DECISION_TYPES.offerMade,
      {
        ...offer('cy-3', 'o-2'),
        origin: 'WAITING_LIST',
        madeAt: '2027-02-21T08:00:00.000Z',
        enrolBy: '2027-03-03T22:59:59.999Z',
      },
      '2027-02-21T08:00:00.000Z',
    );
    await decide(
      DECISION_TYPES.enrolled,
      { ...offer('cy-3', 'o-2'), enrolledAt: '2027-02-22T09:00:00.000Z' },
      '2027-02-22T09:00:00.000Z',
    );

    for (const [stream, season, file] of [
      [DECISIONS_TOPIC, '2027', 'decisions-2027.parquet'],
      [eventTopicOf('candidacy'), '2026', 'candidacy-2026.parquet'],
      [eventTopicOf('candidacy'), '2027', 'candidacy-2027.parquet'],
    ]) {
      const run = await runExport(['--stream', stream, '--season', season, '--out', join(folder, file)], namespace);
      expect(run).toMatchObject({ code: 0 });
    }
  });

  afterAll(async () => {
    await publisher.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** A documented query, its file names pointing at this test's exports. */
  function run(sql: string): Promise<Record<string, unknown>[]> {
    return query(sql.replace(/'([\w-]+\.parquet)'/g, (_, file: string) => `'${join(folder, file)}'`));
  }

  it('documents three questions', () => {
    expect(documentedQueries()).toHaveLength(3);
  });

  it('1. admission rate per programme and month', async () => {
    expect(await run(documentedQueries()[0])).toEqual([
      { programmeCode: PROGRAMME, month: '2027-02', admitted: '1', decided: '3', admission_rate: 0.333 },
    ]);
  });

  it('2. median days from submission to decision, a November submission included', async () => {
    // 82 days (cy-1, from the 2026 export), 36 (cy-2) and 31 (cy-3).
    expect(await run(documentedQueries()[1])).toEqual([
      { programme: PROGRAMME, decisions: '3', median_days: 36, median_calendar_days: 36 },
      { programme: 'all programmes', decisions: '3', median_days: 36, median_calendar_days: 36 },
    ]);
  });

  it('3. offers expired unanswered', async () => {
    expect(await run(documentedQueries()[2])).toEqual([
      {
        programmeCode: PROGRAMME,
        offers_made: '2',
        expired_unanswered: '1',
        of_which_from_waiting_list: '0',
        enrolled_or_declined: '1',
        still_open: '0',
        expired_share: 0.5,
      },
    ]);
  });
});
