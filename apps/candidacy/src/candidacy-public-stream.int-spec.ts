import { ContractRegistry, CANDIDACY_PUBLIC_TYPES, candidacyPublicContracts } from '@admissions/contracts';
import { EventStore } from '@admissions/event-store';
import { type IncomingMessage, KafkaTopicReader } from '@admissions/messaging';
import { CANDIDACIES_TOPIC } from '@admissions/platform';
import { eventually, startService, testEnv, type ServiceUnderTest } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';
import { CandidacyModule } from './candidacy.module';
import { Client, completeFile, identity, openProgramme, uniqueCode } from './candidacy.int-helpers';

// admissions.candidacies.v1 as a campus system reads it: one message per submitted or withdrawn
// file, its contract's shape, no personal data, and a ce_id derived from the internal event's.
describe('the public candidacy stream', () => {
  let svc: ServiceUnderTest;
  const programme = uniqueCode('MS-PUBLIC');
  const contracts = new ContractRegistry(candidacyPublicContracts);

  beforeAll(async () => {
    svc = await startService('candidacy', CandidacyModule);
    const admin = new Client(svc, svc.token('admin', 'admin-1'));
    expect((await admin.post('/v1/programmes', openProgramme(programme))).status).toBe(201);
  });

  afterAll(() => svc.close());

  async function publicMessages(): Promise<IncomingMessage[]> {
    const kafka = new Kafka({ clientId: 'public-reader', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
    const read: IncomingMessage[] = [];
    await new KafkaTopicReader(kafka, svc.names.kafka).readToEnd(CANDIDACIES_TOPIC, {
      onMessage: (message) => void read.push(message),
    });
    return read;
  }

  it('carries a submission and a withdrawal once each, in their contract, with ids and dates only', async () => {
    const candidate = new Client(svc, svc.token('candidate', 'cand-public-1'));
    const candidacyId = await completeFile(candidate, programme);
    expect((await candidate.post(`/v1/candidacies/${candidacyId}/submission`)).status).toBe(200);
    expect((await candidate.post(`/v1/candidacies/${candidacyId}/withdrawal`)).status).toBe(200);
    const ofFile = (messages: IncomingMessage[]) =>
      messages.filter((message) => (JSON.parse(message.value) as { candidacyId: string }).candidacyId === candidacyId);

    const messages = await eventually(async () => {
      const found = ofFile(await publicMessages().catch(() => []));
      return found.length >= 2 ? found : undefined;
    }, 30_000);

    expect(messages.map((m) => m.headers.ce_type)).toEqual([
      CANDIDACY_PUBLIC_TYPES.submitted,
      CANDIDACY_PUBLIC_TYPES.withdrawn,
    ]);
    const { events } = await svc.app.get(EventStore).readStream(`candidacy-${candidacyId}`);
    const sources = events.filter((e) => e.type === 'CandidacySubmitted' || e.type === 'CandidacyWithdrawn');
    expect(messages.map((m) => m.headers.ce_id)).toEqual(sources.map((e) => `candidacy-${e.metadata.eventId}`));
    for (const message of messages) {
      expect(contracts.validate(message.headers.ce_type, JSON.parse(message.value))).toBeUndefined();
      expect(message.value).not.toContain(identity.personal.email);
      expect(message.key).toBe(`candidacy-${candidacyId}`);
    }
  });
});
