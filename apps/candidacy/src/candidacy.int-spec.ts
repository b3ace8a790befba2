import { ContractRegistry, candidacyContracts } from '@admissions/contracts';
import { EventStore, LOG_START, type StoredEvent } from '@admissions/event-store';
import { type Db, MONGO_DB } from '@admissions/platform';
import {
  type ServiceUnderTest,
  eventually,
  pdfSignatureThenGarbage,
  samplePdf,
  startService,
  testEnv,
  uniqueName,
} from '@admissions/testing';
import { type Consumer, Kafka, logLevel } from 'kafkajs';
import { createHash } from 'node:crypto';
import { SubmissionRanking } from './application/submission-ranking.process-manager';
import { CandidacyModule } from './candidacy.module';
import type { CandidacySubmitted } from './domain';
import { Client, completeFile, cti, identity, m1, openProgramme, uniqueCode } from './candidacy.int-helpers';
import { DEMO_CATALOGUE, DemoCatalogueSeeder } from './infrastructure/demo-catalogue';

interface Received {
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly data: Record<string, unknown>;
}

describe('candidacy service over HTTP and Kafka', () => {
  let svc: ServiceUnderTest;
  let admin: Client;
  let officer: Client;
  let consumer: Consumer;
  const received: Received[] = [];
  const programmeCode = uniqueCode('MS-IT');

  beforeAll(async () => {
    svc = await startService('candidacy', CandidacyModule, {
      SEED_DEMO_CATALOGUE: 'true',
    });
    const anonymous = new Client(svc);
    admin = anonymous.as(svc.token('admin', 'admin-1'));
    officer = anonymous.as(svc.token('admissions-officer', 'officer-1'));

    const kafka = new Kafka({
      clientId: 'candidacy-int-spec',
      brokers: testEnv().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    consumer = kafka.consumer({ groupId: uniqueName('candidacy-int-spec') });
    await consumer.connect();
    // The production topic, in this instance's deployment namespace.
    await consumer.subscribe({ topic: svc.names.kafka('admissions.candidacy.events'), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        received.push({
          key: message.key?.toString() ?? '',
          headers,
          data: JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown>,
        });
      },
    });

    const created = await admin.post('/v1/programmes', openProgramme(programmeCode));
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await svc?.close();
  });

  const candidateClient = (subject: string) => new Client(svc, svc.token('candidate', subject));

  it('CAND-1 CAND-2 CAND-3 ELIG-4: create, complete, attach, submit, then read the candidate space', async () => {
    const candidate = candidateClient(uniqueName('cand'));
    const opened = await candidate.post('/v1/candidacies');
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      status: 'DRAFT',
      missing: expect.arrayContaining(['personal', 'programmeCode']),
    });
    const candidacyId = String(opened.body.candidacyId);

    await candidate.put(`/v1/candidacies/${candidacyId}/identity`, identity);
    await candidate.put(`/v1/candidacies/${candidacyId}/diplomas`, { diplomas: [m1] });
    const short = await candidate.put(`/v1/candidacies/${candidacyId}/experience`, { months: 20 });
    expect(short.body).toMatchObject({ eligibility: { status: 'INELIGIBLE' } });
    expect(String((short.body.eligibility as { reason: string }).reason)).toContain('fewer than the 36 required');
    const enough = await candidate.put(`/v1/candidacies/${candidacyId}/experience`, { months: 40 });
    expect(enough.body).toMatchObject({ eligibility: { status: 'ELIGIBLE', matchedRule: 'ELIG-4' } });
    await candidate.put(`/v1/candidacies/${candidacyId}/programme`, { programmeCode });

    const cv = await samplePdf('curriculum vitae');
    const attached = await candidate.attach(candidacyId, 'CV', cv, 'CV Marie Curie.pdf');
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({
      sha256: createHash('sha256').update(cv).digest('hex'),
      sizeBytes: cv.length,
    });
    expect(attached.body.missing).toEqual(['documents.MOTIVATION_LETTER']);
    await candidate.attach(candidacyId, 'MOTIVATION_LETTER', await samplePdf('letter'));

    const submitted = await candidate.post(`/v1/candidacies/${candidacyId}/submission`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', missing: [] });

    const space = await eventually(async () => {
      const answer = await candidate.get<Record<string, unknown>>(`/v1/candidacies/${candidacyId}`);
      return answer.status === 200 && answer.body.rank === 1 ? answer.body : undefined;
    });
    expect(space).toMatchObject({
      candidacyId,
      status: 'SUBMITTED',
      programmeCode,
      experienceMonths: 40,
      eligibility: { status: 'ELIGIBLE', matchedRule: 'ELIG-4' },
      missing: [],
    });
    const documents = space.documents as { documentId: string; kind: string; fileName: string }[];
    expect(documents.map((document) => document.kind)).toEqual(['CV', 'MOTIVATION_LETTER']);
    expect(documents[0]).not.toHaveProperty('storageRef');
    const timeline = (space.timeline as { type: string; at: string }[]).map((entry) => entry.type);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'CandidacyOpened',
        'EligibilityAssessed',
        'DocumentAttached',
        'CandidacySubmitted',
        'SubmissionRanked',
      ]),
    );

    // The content is kept by the storage port (GridFS), byte for byte.
    const response = await fetch(
      `${svc.url}/v1/candidacies/${candidacyId}/documents/${documents[0].documentId}/content`,
      {
        headers: { authorization: `Bearer ${svc.token('candidate', String(space.candidateId))}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(cv)).toBe(true);

    const mine = await eventually(async () => {
      const answer = await candidate.get<{ candidacyId: string; status: string }[]>('/v1/candidacies');
      return answer.body.find((file) => file.candidacyId === candidacyId && file.status === 'SUBMITTED');
    });
    expect(mine).toMatchObject({ candidacyId, status: 'SUBMITTED' });
  });

  it('CAND-2: a path sent as file name is stored as its basename; refused PDFs leave nothing stored', async () => {
    const candidateId = uniqueName('names');
    const candidate = candidateClient(candidateId);
    const candidacyId = String((await candidate.post('/v1/candidacies')).body.candidacyId);
    const garbage = await candidate.attach(candidacyId, 'CV', pdfSignatureThenGarbage('cv'), 'cv.pdf');
    expect(garbage).toMatchObject({ status: 400, body: { ruleId: 'CAND-2', field: 'file' } });
    const locked = await candidate.attach(candidacyId, 'CV', await samplePdf('cv', { userPassword: 'x' }));
    expect(locked).toMatchObject({ status: 400, body: { ruleId: 'CAND-2', field: 'file' } });

    const cv = await samplePdf('a real CV');
    const attached = await candidate.attach(candidacyId, 'CV', cv, '../../etc/passwd.pdf');
    expect(attached.status).toBe(201);
    const documents = await eventually(async () => {
      const space = await candidate.get<{ documents?: { documentId: string; fileName: string }[] }>(
        `/v1/candidacies/${candidacyId}`,
      );
      return space.body.documents?.length ? space.body.documents : undefined;
    });
    expect(documents).toEqual([expect.objectContaining({ fileName: 'passwd.pdf' })]);
    const download = await fetch(
      `${svc.url}/v1/candidacies/${candidacyId}/documents/${documents[0].documentId}/content`,
      { headers: { authorization: `Bearer ${svc.token('candidate', candidateId)}` } },
    );
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''passwd.pdf");

    // The storage holds the one accepted document, under its display name and its owner.
    const files = svc.app.get<Db>(MONGO_DB).collection('candidacy_documents.files');
    const stored = await files?.find({ 'metadata.ownerId': candidateId }).toArray();
    expect(stored?.map((file) => [file.filename, file.metadata?.fileName, file.length])).toEqual([
      ['passwd.pdf', 'passwd.pdf', cv.length],
    ]);
  });

  it('CAND-3: files are ranked in submission order per programme, and the staff pipeline lists them so', async () => {
    const firstOwner = candidateClient(uniqueName('first'));
    const secondOwner = candidateClient(uniqueName('second'));
    const first = await completeFile(firstOwner, programmeCode);
    const second = await completeFile(secondOwner, programmeCode);
    expect((await firstOwner.post(`/v1/candidacies/${first}/submission`)).status).toBe(200);
    expect((await secondOwner.post(`/v1/candidacies/${second}/submission`)).status).toBe(200);

    const pipeline = await eventually(async () => {
      const answer = await officer.get<{
        submitted: { candidacyId: string; rank?: number }[];
        counts: Record<string, number>;
      }>(`/v1/programmes/${programmeCode}/pipeline`);
      const ids =
        answer.body.submitted?.filter((file) => file.rank !== undefined).map((file) => file.candidacyId) ?? [];
      return ids.includes(first) && ids.includes(second) ? answer.body : undefined;
    });
    const order = pipeline.submitted.map((file) => file.candidacyId);
    expect(order.indexOf(first)).toBeLessThan(order.indexOf(second));
    const ranks = pipeline.submitted.map((file) => file.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => Number(a) - Number(b)));
    expect(new Set(ranks).size).toBe(ranks.length);

    // A withdrawn file leaves the ordered list and is counted as withdrawn.
    expect((await firstOwner.post(`/v1/candidacies/${first}/withdrawal`)).status).toBe(200);
    const after = await eventually(async () => {
      const answer = await officer.get<{ submitted: { candidacyId: string }[]; counts: Record<string, number> }>(
        `/v1/programmes/${programmeCode}/pipeline`,
      );
      return answer.body.submitted.every((file) => file.candidacyId !== first) ? answer.body : undefined;
    });
    expect(after.counts.WITHDRAWN).toBeGreaterThanOrEqual(1);
    expect(after.submitted.map((file) => file.candidacyId)).toContain(second);
  });

  it('CAND-3: files submitted at once are ranked in the order of their submissions in the log, once even if handled again', async () => {
    const programme = uniqueCode('MS-RANK');
    expect((await admin.post('/v1/programmes', openProgramme(programme))).status).toBe(201);
    const owners = Array.from({ length: 6 }, () => candidateClient(uniqueName('rank')));
    const files = await Promise.all(owners.map((owner) => completeFile(owner, programme)));
    const answers = await Promise.all(owners.map((owner, i) => owner.post(`/v1/candidacies/${files[i]}/submission`)));
    expect(answers.map((answer) => answer.status)).toEqual(files.map(() => 200));

    const ranks = await eventually(async () => {
      const read = await Promise.all(
        owners.map((owner, i) => owner.get<{ rank?: number }>(`/v1/candidacies/${files[i]}`)),
      );
      const found = read.map((answer) => answer.body.rank);
      return found.every((rank) => rank !== undefined) ? found : undefined;
    });
    const store = svc.app.get(EventStore);
    const { events } = await store.readLog(LOG_START, Number.MAX_SAFE_INTEGER);
    const submissions = events.filter(
      (event): event is StoredEvent<CandidacySubmitted> =>
        event.type === 'CandidacySubmitted' && files.includes((event.data as { candidacyId: string }).candidacyId),
    );
    const inLogOrder = submissions.map((event) => event.data.candidacyId);
    expect(inLogOrder.map((candidacyId) => ranks[files.indexOf(candidacyId)])).toEqual([1, 2, 3, 4, 5, 6]);

    // Handled again, as after a restart before the checkpoint moved: no stream changes.
    const streams = [`submission-ledger-${programme}`, ...files.map((candidacyId) => `candidacy-${candidacyId}`)];
    const versions = () => Promise.all(streams.map(async (streamId) => (await store.readStream(streamId)).version));
    const before = await versions();
    await svc.app.get(SubmissionRanking).rank(submissions);
    expect(await versions()).toEqual(before);
  });

  it('publishes the events on admissions.candidacy.events with the CloudEvents headers, honouring the contracts', async () => {
    const candidate = candidateClient(uniqueName('kafka'));
    const candidacyId = await completeFile(candidate, programmeCode, [cti], 12);
    expect((await candidate.post(`/v1/candidacies/${candidacyId}/submission`)).status).toBe(200);
    const streamId = `candidacy-${candidacyId}`;

    const ours = await eventually(async () => {
      const messages = received.filter((message) => message.key === streamId);
      return messages.some((message) => message.headers.ce_type === 'SubmissionRanked') ? messages : undefined;
    }, 60_000);
    const registry = new ContractRegistry(candidacyContracts);
    for (const message of ours) {
      expect(message.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_source: '/admissions/candidacy',
        ce_subject: streamId,
        'content-type': 'application/json',
      });
      for (const header of [
        'ce_id',
        'ce_type',
        'ce_time',
        'ce_dataschema',
        'ce_streamversion',
        'ce_position',
        'ce_correlationid',
      ]) {
        expect(message.headers[header]).toBeTruthy();
      }
      expect(registry.validate(message.headers.ce_type, message.data)).toBeUndefined();
    }
    const types = ours.map((message) => message.headers.ce_type);
    expect(types).toEqual(
      expect.arrayContaining([
        'CandidacyOpened',
        'IdentityUpdated',
        'DiplomasRecorded',
        'EligibilityAssessed',
        'DocumentAttached',
        'CandidacySubmitted',
      ]),
    );
    const submitted = ours.find((message) => message.headers.ce_type === 'CandidacySubmitted');
    const ranked = ours.find((message) => message.headers.ce_type === 'SubmissionRanked');
    // CAND-3 is caused by the submission: the process manager's command carries its event id.
    expect(ranked?.headers.ce_causationid).toBe(submitted?.headers.ce_id);
    // Personal data travels sealed with the candidate's key (crypto-shredding): never in clear.
    expect(submitted?.data).toMatchObject({ candidacyId, programmeCode, personal: { sealed: 'A256GCM' } });
    expect(submitted?.data).not.toHaveProperty('email');
    expect(JSON.stringify(ours.map((message) => message.data))).not.toContain(identity.personal.email);

    const ledger = await eventually(async () => {
      const messages = received.filter((message) => message.key === `submission-ledger-${programmeCode}`);
      return messages.find((message) => message.data.candidacyId === candidacyId);
    });
    expect(ledger.headers.ce_type).toBe('SubmissionRegistered');
  });

  it('CAND-4: the demo catalogue is seeded once (a second start adds nothing), 15 to 40 places each', async () => {
    const catalogue = await eventually(async () => {
      const answer = await new Client(svc).get<{ code: string; places: number; intake: string }[]>('/v1/programmes');
      const demo = answer.body.filter((programme) => DEMO_CATALOGUE.some((seeded) => seeded.code === programme.code));
      return demo.length === DEMO_CATALOGUE.length ? demo : undefined;
    });
    for (const programme of catalogue) {
      expect(programme.places).toBeGreaterThanOrEqual(15);
      expect(programme.places).toBeLessThanOrEqual(40);
      expect(['SEPTEMBER', 'OCTOBER']).toContain(programme.intake);
    }
    await svc.app.get(DemoCatalogueSeeder).onApplicationBootstrap();
    const store = svc.app.get(EventStore);
    for (const { code } of DEMO_CATALOGUE) expect((await store.readStream(`programme-${code}`)).version).toBe(1);
  });

  it('documents the versioned API in OpenAPI', async () => {
    const document = await new Client(svc).get<{ paths: Record<string, unknown> }>('/docs-json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/programmes',
        '/v1/programmes/{code}/pipeline',
        '/v1/candidacies',
        '/v1/candidacies/{candidacyId}',
        '/v1/candidacies/{candidacyId}/documents',
        '/v1/candidacies/{candidacyId}/submission',
      ]),
    );
  });

  it('CAND-4: staff change a programme (ProgrammeChanged), and the catalogue follows', async () => {
    const changed = await admin.patch(`/v1/programmes/${programmeCode}`, { places: 25 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: programmeCode, places: 25 });
    await eventually(async () => {
      const answer = await new Client(svc).get(`/v1/programmes/${programmeCode}`);
      return answer.body.places === 25 ? true : undefined;
    });
  });
});
