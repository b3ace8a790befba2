import type { StoredEvent } from '@admissions/event-store';
import { KafkaPublisher, toCloudEventMessage } from '@admissions/messaging';
import { DECISIONS_TOPIC, eventTopicOf } from '@admissions/platform';
import {
  asyncApiProblems,
  eventually,
  originOf,
  startService,
  testEnv,
  uniqueName,
  type ServiceUnderTest,
} from '@admissions/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { JuryModule } from './jury.module';

// A subscriber outside the repository: it has the jury's URL and reads its topics, nothing else.
// Behind a proxy the public base URL is not the address the test reaches: schema URLs are
// resolved by swapping one for the other, as the proxy would.
const PUBLIC_BASE_URL = 'http://jury.admissions.test/api';
const suffix = randomUUID().slice(0, 8);
const programmeCode = `MS-CONTRACTS-${suffix}`;

type Json = Record<string, unknown>;
interface Received {
  readonly topic: string;
  readonly headers: Record<string, string>;
  readonly data: unknown;
}
interface Channel {
  readonly address: string;
  readonly messages: Record<string, { headers: { properties: Record<string, { const?: string }> }; payload: Json }>;
}

function event(type: string, streamId: string, data: Json): StoredEvent {
  const now = new Date().toISOString();
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      streamId,
      version: 1,
      occurredAt: now,
      correlationId: randomUUID(),
      actor: { id: 'test', roles: ['admin'] },
      schemaVersion: 1,
    },
  };
}

function decided(candidate: string, decision: 'ADMITTED' | 'WAITLISTED', waitingListRank: number | null): StoredEvent {
  return event('AdmissionDecided', `programme-${programmeCode}`, {
    programmeCode,
    sessionId: `session-${suffix}`,
    candidateId: `${candidate}-${suffix}`,
    candidacyId: `cy-${candidate}-${suffix}`,
    decision,
    reason: 'Ranked by the jury on the lead opinion',
    waitingListRank,
    decidedAt: new Date().toISOString(),
  });
}

describe('jury: the contracts a subscriber gets (AsyncAPI, schema URLs, ce_dataschema)', () => {
  let svc: ServiceUnderTest;
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let consumer: Consumer;
  const received: Received[] = [];
  const injected = new Set<string>();

  beforeAll(async () => {
    svc = await startService('jury', JuryModule, { PUBLIC_BASE_URL });
    kafka = new Kafka({ clientId: 'contracts-test', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
    publisher = new KafkaPublisher(kafka, svc.names.kafka);
    consumer = kafka.consumer({ groupId: uniqueName('contracts-test') });
    await consumer.connect();
    const topics = [eventTopicOf('jury'), DECISIONS_TOPIC].map(svc.names.kafka);
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString() ?? '']),
        );
        received.push({ topic, headers, data: JSON.parse(message.value?.toString() ?? 'null') });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await publisher?.close();
    await svc?.close();
  });

  async function asyncApi(): Promise<Json> {
    const response = await fetch(`${svc.url}/asyncapi.json`);
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  }

  it('serves, without a token, an AsyncAPI 3.0 document the parser finds valid, naming the topics as deployed', async () => {
    const document = await asyncApi();
    expect(await asyncApiProblems(document)).toEqual([]);
    const channels = document.channels as Record<string, Channel & { tags: { name: string }[] }>;
    expect(channels[eventTopicOf('jury')]).toMatchObject({
      address: svc.names.kafka(eventTopicOf('jury')),
      tags: [{ name: 'internal' }],
    });
    expect(channels[DECISIONS_TOPIC]).toMatchObject({
      address: svc.names.kafka(DECISIONS_TOPIC),
      tags: [{ name: 'public' }],
      description: expect.stringContaining('isolation.level=read_committed'),
    });
  });

  it('serves the same streams as a page for people', async () => {
    const response = await fetch(`${svc.url}/asyncapi.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(`<code>${svc.names.kafka(DECISIONS_TOPIC)}</code>`);
  });

  it('answers 404 problem+json for a schema it does not publish', async () => {
    for (const path of ['/schemas/CandidacySubmitted/v1.json', '/schemas/admissions.decision.admitted/v9.json']) {
      const response = await fetch(svc.url + path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 404, field: 'type' });
    }
  });

  it('every ce_dataschema of a message it publishes resolves to the schema that validates the message', async () => {
    // A programme from candidacy (the jury logs ProgrammeDefined on its own topic) and two
    // decisions in its log (the decision stream publishes them on admissions.decisions.v1).
    const programme = event('ProgrammeCreated', `programme-${programmeCode}`, {
      code: programmeCode,
      nameFr: 'Mastère Contrats',
      nameEn: 'Contracts Master',
      places: 2,
      intake: 'SEPTEMBER',
      intakeDate: '2027-09-13',
      applicationWindow: { opensAt: '2027-01-01T00:00:00.000Z', closesAt: '2027-06-30T21:59:59.999Z' },
      pedagogicalLeadId: 'lead-1',
      createdAt: new Date().toISOString(),
    });
    const decisions = [decided('admitted', 'ADMITTED', null), decided('waitlisted', 'WAITLISTED', 1)];
    for (const e of decisions) injected.add(e.metadata.eventId);
    await publisher.publish(eventTopicOf('candidacy'), [toCloudEventMessage(programme, originOf('candidacy'))]);
    await publisher.publish(
      eventTopicOf('jury'),
      decisions.map((e) => toCloudEventMessage(e, originOf('jury'))),
    );

    const ours = (m: Received) => !injected.has(m.headers.ce_id) && JSON.stringify(m.data).includes(suffix);
    const published = await eventually(async () => {
      const messages = received.filter(ours);
      const types = messages.map((m) => m.headers.ce_type);
      const all = ['ProgrammeDefined', 'admissions.decision.admitted', 'admissions.decision.waitlisted'];
      return all.every((type) => types.includes(type)) ? messages : undefined;
    }, 60_000);

    const document = await asyncApi();
    const channels = Object.values(document.channels as Record<string, Channel>);
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    for (const message of published) {
      const { ce_type: type, ce_dataschema: dataschema } = message.headers;
      expect(dataschema.startsWith(`${PUBLIC_BASE_URL}/schemas/`)).toBe(true);
      const response = await fetch(svc.url + dataschema.slice(PUBLIC_BASE_URL.length));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
      const schema = (await response.json()) as Json;
      expect(schema.$id).toBe(dataschema);
      // Without its $id: Ajv keeps one schema per id, and the same URL comes back for each message of a type.
      expect(ajv.validate({ ...schema, $id: undefined }, message.data)).toBe(true);

      // The document describes the message as it is: its channel, its headers, its payload.
      const channel = channels.find((c) => c.address === message.topic);
      const described = Object.values(channel?.messages ?? {}).find(
        (m) => m.headers.properties.ce_dataschema.const === dataschema,
      );
      expect(described?.headers.properties.ce_type.const).toBe(type);
      expect(ajv.validate(described?.headers ?? false, message.headers)).toBe(true);
      expect(schema).toMatchObject(described?.payload ?? {});
    }
  });
});
