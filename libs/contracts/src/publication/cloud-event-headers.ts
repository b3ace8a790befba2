import type { JsonSchema } from '../contract';

/** What the headers of one event type's messages on one stream hold as constants. */
export interface MessageIdentity {
  readonly source: string;
  readonly type: string;
  readonly version: number;
  readonly dataschema: string;
}

const text = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
const whole = (description: string): JsonSchema => ({ type: 'string', pattern: '^\\d+$', description });

/**
 * The Kafka headers of a message as libs/messaging (cloud-event.ts) writes them: CloudEvents 1.0,
 * Kafka protocol binding, binary mode, plus the platform's extension attributes. A published
 * message is checked against this schema in the services' integration tests, so the two agree.
 */
export function cloudEventHeadersSchema(identity: MessageIdentity): JsonSchema {
  return {
    type: 'object',
    description:
      'CloudEvents 1.0 attributes as `ce_` headers (Kafka protocol binding, binary mode); the body is the event data.',
    required: [
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_time',
      'ce_subject',
      'ce_dataschema',
      'content-type',
      'ce_streamversion',
      'ce_schemaversion',
      'ce_correlationid',
      'ce_actorid',
      'ce_actorroles',
    ],
    properties: {
      ce_specversion: { type: 'string', const: '1.0' },
      ce_id: text('The event id: a redelivered message keeps it, so a subscriber deduplicates on it'),
      ce_source: { type: 'string', const: identity.source },
      ce_type: { type: 'string', const: identity.type },
      ce_time: { type: 'string', format: 'date-time', description: 'When the event occurred' },
      ce_subject: text('The stream (aggregate) the event belongs to; also the Kafka key, so order holds per subject'),
      ce_dataschema: {
        type: 'string',
        format: 'uri',
        const: identity.dataschema,
        description: "The URL of the data's JSON Schema",
      },
      'content-type': { type: 'string', const: 'application/json' },
      ce_streamversion: whole("The event's version in its stream (consecutive per subject)"),
      ce_schemaversion: {
        type: 'string',
        const: String(identity.version),
        description: 'The version of the data schema',
      },
      ce_position: whole("The event's position in the service's log (internal streams)"),
      ce_correlationid: text('The request or process the event is part of'),
      ce_causationid: text('The event or command that caused this one'),
      ce_actorid: text('Who acted: a user id, or the service itself'),
      ce_actorroles: { type: 'string', description: "The actor's roles, comma-separated (empty for the system)" },
    },
  };
}

/** Example headers of a message, valid against its headers schema. */
export function exampleHeaders(identity: MessageIdentity): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: '5f0c7a52-8d1e-4f7b-9a8e-0c3d2b1a4e6f',
    ce_source: identity.source,
    ce_type: identity.type,
    ce_time: '2027-03-12T09:30:00.000Z',
    ce_subject: 'stream-1',
    ce_dataschema: identity.dataschema,
    'content-type': 'application/json',
    ce_streamversion: '3',
    ce_schemaversion: String(identity.version),
    ce_correlationid: '9b2e4d10-3c5a-4e8f-b7d6-1a2c3e4f5a6b',
    ce_actorid: 'system',
    ce_actorroles: '',
  };
}
