import {
  admissibilityContracts,
  candidacyPublicContracts,
  decisionContracts,
  mobilityPublicContracts,
  type EventStream,
} from '@admissions/contracts';
import { asyncApiProblems } from '@admissions/testing';
import { BaseEnv } from '../config/base-env';
import { DeploymentNames } from '../config/deployment-names';
import { SERVICES, TOPICS } from '../event-sourcing/topic-registry';
import { ADMISSIBILITY_TOPIC, CANDIDACIES_TOPIC, DECISIONS_TOPIC, MOBILITY_TOPIC } from '../event-sourcing/topics';
import { EventContractCatalogue } from './event-contracts.catalogue';
import { eventStreamsOf, publicContracts } from './event-streams';

const env = Object.assign(new BaseEnv(), {
  PUBLIC_BASE_URL: 'https://admissions.example.org/api/',
  KAFKA_BROKERS: ['kafka-0:9092', 'kafka-1:9092'],
});
const names = new DeploymentNames('');

describe('the published contracts of each service', () => {
  it('give every topic a service writes its contracts, and only the versioned streams are public', () => {
    const streams: EventStream[] = SERVICES.flatMap((service) => eventStreamsOf(service, names));
    const written = TOPICS.filter((topic) => topic.kind !== 'dead-letter').map((topic) => topic.name);
    expect(streams.map((stream) => stream.topic).sort()).toEqual([...written].sort());
    expect(streams.filter((s) => s.visibility === 'public').map((s) => s.topic)).toEqual([
      CANDIDACIES_TOPIC,
      ADMISSIBILITY_TOPIC,
      DECISIONS_TOPIC,
      MOBILITY_TOPIC,
    ]);
    expect(eventStreamsOf('jury', new DeploymentNames('ns')).map((s) => s.address)).toEqual([
      'ns.admissions.jury.events',
      'ns.admissions.decisions.v1',
    ]);
    expect(publicContracts().map((contract) => contract.type)).toEqual(
      [...decisionContracts, ...candidacyPublicContracts, ...admissibilityContracts, ...mobilityPublicContracts].map(
        (contract) => contract.type,
      ),
    );
  });

  it.each(SERVICES)(
    '%s: an AsyncAPI 3.0 document @asyncapi/parser finds valid, with valid examples',
    async (service) => {
      const catalogue = new EventContractCatalogue(service, env, names);
      expect(await asyncApiProblems(catalogue.asyncApi)).toEqual([]);
      expect(catalogue.asyncApi).toMatchObject({
        asyncapi: '3.0.0',
        servers: { 'broker-1': { host: 'kafka-0:9092' } },
      });
    },
  );

  it('names every schema by its URL under the public base URL, in the document and in the schema', () => {
    const catalogue = new EventContractCatalogue('jury', env, names);
    const url = 'https://admissions.example.org/api/schemas/admissions.decision.admitted/v1.json';
    const channels = catalogue.asyncApi.channels as Record<string, { messages: Record<string, unknown> }>;
    expect(channels[DECISIONS_TOPIC].messages['admissions.decision.admitted.v1']).toMatchObject({
      headers: { properties: { ce_dataschema: { const: url }, ce_source: { const: '/admissions/jury/decisions' } } },
      examples: [{ headers: { ce_dataschema: url, ce_type: 'admissions.decision.admitted' } }],
    });
    expect(catalogue.schemaOf('admissions.decision.admitted', 1)).toMatchObject({ $id: url, type: 'object' });
    expect(catalogue.schemaOf('admissions.decision.admitted', 2)).toBeUndefined();
    expect(catalogue.schemaOf('CandidacySubmitted', 1)).toBeUndefined();
  });

  it('renders the streams as a page for people, each topic with its kind and each message with its schema link', () => {
    const page = new EventContractCatalogue('jury', env, new DeploymentNames('ns')).streamsPage;
    expect(page).toContain('<code>ns.admissions.decisions.v1</code> <span class="public">public</span>');
    expect(page).toContain('<code>ns.admissions.jury.events</code> <span class="internal">internal</span>');
    expect(page).toContain('href="https://admissions.example.org/api/schemas/admissions.decision.admitted/v1.json"');
    // Descriptions are text, not markup: "REC-1..3: a referral … (JURY-5 places)" and the like are escaped.
    expect(page).toContain('The jury&#39;s book of a programme');
  });
});
