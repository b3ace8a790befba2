import { publishedVersionsOf, type EventContract, type JsonSchema, type SchemaVersion } from '../contract';
import { cloudEventHeadersSchema, exampleHeaders, type MessageIdentity } from './cloud-event-headers';
import { exampleOf } from './example-data';
import { schemaUrlOf } from './schema-location';

export const ASYNCAPI_VERSION = '3.0.0';

/** Public: a versioned integration stream for other systems. Internal: a service's own events. */
export type StreamVisibility = 'public' | 'internal';

/** One topic a service writes, with the contracts of the events on it. */
export interface EventStream {
  /** The topic's name in the code, also the channel's id. */
  readonly topic: string;
  /** The topic's name in this deployment (DEPLOYMENT_NAMESPACE may prefix it). */
  readonly address: string;
  readonly visibility: StreamVisibility;
  /** The `ce_source` of its messages. */
  readonly source: string;
  readonly description: string;
  readonly contracts: readonly EventContract[];
  /** Partitions, replicas and settings of the topic (AsyncAPI Kafka channel binding). */
  readonly kafka?: {
    readonly partitions: number;
    readonly replicas: number;
    readonly topicConfiguration: Readonly<Record<string, unknown>>;
  };
}

export interface AsyncApiOptions {
  readonly service: string;
  /** The service's public base URL (PUBLIC_BASE_URL): schema URLs are under it. */
  readonly baseUrl: string;
  /** Kafka bootstrap servers, host:port. */
  readonly brokers?: readonly string[];
  readonly version?: string;
}

export type AsyncApiDocument = Record<string, unknown>;

/** The delivery contract of a public stream (docs/events.md, Delivery). */
const PUBLIC_DELIVERY =
  'Written in Kafka transactions: a subscriber reading with isolation.level=read_committed sees each event ' +
  'exactly once, whatever the publisher went through (a crash, a redelivered or replayed source event); with ' +
  'read_uncommitted it may also see messages of aborted transactions. ce_id is stable: the same event always ' +
  'carries the same one.';

const VISIBILITY_TAGS = {
  public: {
    name: 'public',
    description:
      'A versioned integration stream for other systems: an event type changes only compatibly, and a breaking ' +
      `change is a new version published beside the old one. ${PUBLIC_DELIVERY}`,
  },
  internal: {
    name: 'internal',
    description:
      "A service's own domain events, for the platform's services and staff analysts: their shape follows the " +
      'service and carries no compatibility promise to other systems.',
  },
} as const;

/**
 * The AsyncAPI 3.0 document of the topics a service writes: one channel per topic, one message
 * per event type and published version (CloudEvents headers, JSON Schema payload, an example),
 * one send operation per channel.
 */
export function asyncApiDocumentOf(streams: readonly EventStream[], options: AsyncApiOptions): AsyncApiDocument {
  const channels = Object.fromEntries(streams.map((stream) => [stream.topic, channelOf(stream, options.baseUrl)]));
  const operations = Object.fromEntries(streams.map((stream) => [`send.${stream.topic}`, operationOf(stream)]));
  const brokers = options.brokers ?? [];
  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: `Admissions — ${options.service} events`,
      version: options.version ?? '0.1.0',
      description:
        `The Kafka topics the ${options.service} service writes. Messages are CloudEvents 1.0 in binary mode: ` +
        'the attributes are `ce_` headers, the key is the aggregate id (`ce_subject`), the body is JSON. ' +
        '`ce_dataschema` is the URL of the JSON Schema that validates the body.',
      tags: streams.some((stream) => stream.visibility === 'public')
        ? [VISIBILITY_TAGS.public, VISIBILITY_TAGS.internal]
        : [VISIBILITY_TAGS.internal],
    },
    defaultContentType: 'application/json',
    ...(brokers.length === 0
      ? {}
      : {
          servers: Object.fromEntries(
            brokers.map((host, index) => [`broker-${index + 1}`, { host, protocol: 'kafka', description: 'Kafka' }]),
          ),
        }),
    channels,
    operations,
  };
}

function messageIdOf(type: string, version: number): string {
  return `${type}.v${version}`;
}

function channelOf(stream: EventStream, baseUrl: string): Record<string, unknown> {
  const messages = stream.contracts.flatMap((contract) =>
    publishedVersionsOf(contract).map((published) => [
      messageIdOf(contract.type, published.version),
      messageOf(stream, contract, published, baseUrl),
    ]),
  );
  return {
    address: stream.address,
    title: stream.topic,
    description:
      stream.visibility === 'public'
        ? `Public. ${stream.description} ${PUBLIC_DELIVERY}`
        : `Internal. ${stream.description}`,
    tags: [{ name: stream.visibility }],
    messages: Object.fromEntries(messages),
    ...(stream.kafka === undefined
      ? {}
      : { bindings: { kafka: { topic: stream.address, ...stream.kafka, bindingVersion: '0.5.0' } } }),
  };
}

function messageOf(
  stream: EventStream,
  contract: EventContract,
  published: SchemaVersion,
  baseUrl: string,
): Record<string, unknown> {
  const identity: MessageIdentity = {
    source: stream.source,
    type: contract.type,
    version: published.version,
    dataschema: schemaUrlOf(baseUrl, contract.type, published.version),
  };
  const superseded = published.version !== contract.version;
  return {
    name: contract.type,
    title: `${contract.type} v${published.version}`,
    ...(contract.description === undefined ? {} : { summary: contract.description }),
    description:
      `Schema: ${identity.dataschema}` +
      (superseded ? ` (superseded by v${contract.version}, published until its consumers have moved)` : ''),
    contentType: 'application/json',
    headers: cloudEventHeadersSchema(identity),
    payload: published.schema,
    correlationId: { location: '$message.header#/ce_correlationid' },
    bindings: {
      kafka: {
        key: { type: 'string', description: 'The aggregate id (the stream, as in ce_subject)' } satisfies JsonSchema,
        bindingVersion: '0.5.0',
      },
    },
    examples: [
      {
        name: `${contract.type}-v${published.version}`,
        headers: exampleHeaders(identity),
        payload: exampleOf(published.schema),
      },
    ],
  };
}

function operationOf(stream: EventStream): Record<string, unknown> {
  const messages = stream.contracts.flatMap((contract) =>
    publishedVersionsOf(contract).map((published) => ({
      $ref: `#/channels/${stream.topic}/messages/${messageIdOf(contract.type, published.version)}`,
    })),
  );
  return {
    action: 'send',
    channel: { $ref: `#/channels/${stream.topic}` },
    summary: `The service publishes to ${stream.address}`,
    messages,
  };
}
