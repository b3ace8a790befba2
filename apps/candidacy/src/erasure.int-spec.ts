import { EventStore } from '@admissions/event-store';
import { type Db, KeyStoreConnection, MONGO_DB } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import {
  collectionsHolding,
  eventually,
  samplePdf,
  type ServiceUnderTest,
  startService,
  testEnv,
  topicsHolding,
  uniqueName,
} from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { CandidacyModule } from './candidacy.module';
import { Client, m1, openProgramme, streamVersion, uniqueCode } from './candidacy.int-helpers';
import { candidacyProjections } from './projections';

/** A person whose name and email appear nowhere else, so that any trace of them is theirs. */
function person() {
  const tag = Math.random().toString(36).slice(2, 8);
  return {
    id: uniqueName('erasable'),
    identity: {
      personal: {
        firstName: `Ysolde${tag}`,
        lastName: `Quennec${tag}`,
        email: `ysolde.${tag}@example.org`,
        birthDate: '1996-02-03',
      },
      preferredLanguage: 'fr',
    },
  };
}

describe('erasure of a person by crypto-shredding (candidacy)', () => {
  let svc: ServiceUnderTest;
  let kafka: Kafka;
  let dpo: Client;
  const programmeCode = uniqueCode('MS-ER');

  beforeAll(async () => {
    svc = await startService('candidacy', CandidacyModule);
    kafka = new Kafka({ clientId: 'erasure-test', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
    dpo = new Client(svc, svc.token('data-protection-officer', 'dpo-1'));
    const admin = new Client(svc, svc.token('admin', 'admin-1'));
    expect((await admin.post('/v1/programmes', openProgramme(programmeCode))).status).toBe(201);
  });

  afterAll(async () => {
    await svc?.close();
  });

  /** A submitted file with its identity and a CV whose file name carries the candidate's name. */
  async function submittedFile(candidate: ReturnType<typeof person>) {
    const client = new Client(svc, svc.token('candidate', candidate.id));
    const candidacyId = String((await client.post('/v1/candidacies')).body.candidacyId);
    expect((await client.put(`/v1/candidacies/${candidacyId}/identity`, candidate.identity)).status).toBe(200);
    expect((await client.put(`/v1/candidacies/${candidacyId}/diplomas`, { diplomas: [m1] })).status).toBe(200);
    expect((await client.put(`/v1/candidacies/${candidacyId}/experience`, { months: 40 })).status).toBe(200);
    expect((await client.put(`/v1/candidacies/${candidacyId}/programme`, { programmeCode })).status).toBe(200);
    const cv = `cv-${candidate.identity.personal.lastName}.pdf`;
    expect(
      (await client.attach(candidacyId, 'CV', await samplePdf(candidate.identity.personal.lastName), cv)).status,
    ).toBe(201);
    expect((await client.attach(candidacyId, 'MOTIVATION_LETTER', await samplePdf('letter'))).status).toBe(201);
    expect((await client.post(`/v1/candidacies/${candidacyId}/submission`)).status).toBe(200);
    return { client, candidacyId };
  }

  const needlesOf = (candidate: ReturnType<typeof person>) => [
    candidate.identity.personal.firstName,
    candidate.identity.personal.lastName,
    candidate.identity.personal.email,
  ];

  async function tracesOf(needles: readonly string[]): Promise<string[]> {
    const db = svc.app.get<Db>(MONGO_DB);
    const keys = svc.app.get(KeyStoreConnection).mongo.db;
    return [
      ...(await collectionsHolding(db, needles)),
      ...(await collectionsHolding(keys, needles)),
      ...(await topicsHolding(kafka, `${svc.names.namespace}.`, needles)),
    ];
  }

  it('leaves no plaintext of the person in the store, the read models, GridFS or Kafka, within a minute, even after a rebuild', async () => {
    const camille = person();
    const other = person();
    const { client, candidacyId } = await submittedFile(camille);
    await submittedFile(other);
    const needles = needlesOf(camille);
    // Before: the read models serve the owner in clear (so the searches below can find a trace).
    const shown = await eventually(async () => {
      const space = await client.get<{ personal?: { lastName?: string } }>(`/v1/candidacies/${candidacyId}`);
      return space.body.personal?.lastName;
    });
    expect(shown).toBe(camille.identity.personal.lastName);
    const pipeline = svc.app.get<Db>(MONGO_DB).collection<{ _id: string }>('rm_programme_pipeline');
    await eventually(async () =>
      JSON.stringify(await pipeline.findOne({ _id: programmeCode })).includes(camille.identity.personal.lastName)
        ? true
        : undefined,
    );
    const files = svc.app.get<Db>(MONGO_DB).collection('candidacy_documents.files');
    expect(await files.countDocuments({ 'metadata.ownerId': camille.id })).toBe(2);

    const started = Date.now();
    const erased = await dpo.post(`/v1/persons/${camille.id}/erasure`, { reason: 'GDPR art. 17 request' });
    expect(erased).toMatchObject({ status: 200, body: { personId: camille.id, erasedAt: expect.any(String) } });
    const remaining = await eventually(
      async () => {
        const traces = await tracesOf(needles);
        const documents = await files.countDocuments({ 'metadata.ownerId': camille.id });
        return traces.length === 0 && documents === 0 ? traces : undefined;
      },
      60_000,
      250,
    );
    const purgedInMs = Date.now() - started;
    expect(remaining).toEqual([]);
    expect(purgedInMs).toBeLessThan(60_000);
    process.stdout.write(`erasure: candidacy purged in ${purgedInMs} ms\n`);

    // The owner still has a file, with placeholders where the personal data was.
    const space = await client.get<{ personal?: Record<string, unknown> }>(`/v1/candidacies/${candidacyId}`);
    expect(space.body.personal).toEqual({ firstName: '[erased]', lastName: '[erased]', email: '[erased]' });
    // The other candidate is untouched.
    expect(await tracesOf(needlesOf(other))).not.toEqual([]);

    // A full rebuild from the log opens nothing: the key is gone.
    const runner = svc.app.get(ProjectionRunner);
    for (const projection of candidacyProjections) await runner.rebuild(projection);
    expect(await tracesOf(needles)).toEqual([]);

    // Twice: the same answer, one PersonErased.
    const again = await dpo.post(`/v1/persons/${camille.id}/erasure`, { reason: 'GDPR art. 17 request' });
    expect(again).toMatchObject({ status: 200, body: erased.body });
    const stream = await svc.app.get(EventStore).readStream(`person-${camille.id}`);
    expect(stream.events.map((event) => event.type)).toEqual(['PersonErased']);
  }, 180_000);

  it('answers 404 for a person it holds nothing of, and emits nothing', async () => {
    const nobody = uniqueName('nobody');
    const answer = await dpo.post(`/v1/persons/${nobody}/erasure`, { reason: 'GDPR art. 17 request' });
    expect(answer.status).toBe(404);
    expect(answer.contentType).toContain('application/problem+json');
    expect(await streamVersion(svc, `person-${nobody}`)).toBe(0);
  });

  it('is the data-protection officer’s alone, and wants a reason', async () => {
    const someone = person();
    const officer = new Client(svc, svc.token('admissions-officer', 'officer-1'));
    expect((await officer.post(`/v1/persons/${someone.id}/erasure`, { reason: 'x' })).status).toBe(403);
    const candidate = new Client(svc, svc.token('candidate', someone.id));
    expect((await candidate.post(`/v1/persons/${someone.id}/erasure`, { reason: 'x' })).status).toBe(403);
    expect((await dpo.post(`/v1/persons/${someone.id}/erasure`, {})).status).toBe(400);
  });

  // Last: it closes the key store's client.
  it('with the key store away, a command that needs a key answers 503 and appends nothing in clear', async () => {
    const someone = person();
    const client = new Client(svc, svc.token('candidate', someone.id));
    const candidacyId = String((await client.post('/v1/candidacies')).body.candidacyId);
    const before = await streamVersion(svc, `candidacy-${candidacyId}`);
    await svc.app.get(KeyStoreConnection).mongo.close();

    const refused = await client.put(`/v1/candidacies/${candidacyId}/identity`, someone.identity);
    expect(refused.status).toBe(503);
    expect(refused.contentType).toContain('application/problem+json');
    expect(await streamVersion(svc, `candidacy-${candidacyId}`)).toBe(before);
    expect(await collectionsHolding(svc.app.get<Db>(MONGO_DB), needlesOf(someone))).toEqual([]);
  });
});
